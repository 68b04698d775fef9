-- The read anchor (issue 27): the balance read of GET /api/companies/{cid}/employees/{eid}/balances
-- in plain SQL, no application in between: the one statement BalanceRepository.forEmployee sends
-- (no transaction around it, like the app), with -M prepared like the JDBC driver after
-- prepareThreshold. :today is current_date here (the app binds today's date). Callers as in
-- bench/lua/balance.lua: 90 % an employee of the big company, 10 % one of a small company.
-- Keep this statement identical to the app's: the ratio app/anchor prices everything around it.
\set r random(1, 100)
\set k CASE WHEN :r <= 90 THEN 0 ELSE random(1, 1000) END
\set i CASE WHEN :k = 0 THEN random(1, 10000) ELSE random(1, 10) END
SELECT p.id, p.key, p.category, p.name, p.description,
       (SELECT v.type FROM policy_versions v
        WHERE v.company_id = p.company_id AND v.policy_id = p.id
        ORDER BY (v.effective_from <= current_date) DESC,
                 CASE WHEN v.effective_from <= current_date THEN -v.version ELSE v.version END
        LIMIT 1) AS type,
       coalesce(b.accrued_minutes, 0) AS accrued, coalesce(b.used_minutes, 0) AS used,
       coalesce(b.held_minutes, 0) AS held, coalesce(b.updated_at, p.created_at) AS updated_at
FROM policies p
LEFT JOIN balance_snapshots b
  ON b.company_id = p.company_id AND b.employee_id = ('e0000000-0000-0000-' || lpad(to_hex(:k::int), 4, '0') || '-' || lpad(to_hex(:i::int), 12, '0'))::uuid
 AND b.policy_id = p.id
WHERE p.company_id = ('c0000000-0000-0000-0000-' || lpad(to_hex(:k::int), 12, '0'))::uuid
  AND (b.policy_id IS NOT NULL OR EXISTS (
        SELECT 1 FROM assignments a
        WHERE a.company_id = ('c0000000-0000-0000-0000-' || lpad(to_hex(:k::int), 12, '0'))::uuid
          AND a.employee_id = ('e0000000-0000-0000-' || lpad(to_hex(:k::int), 4, '0') || '-' || lpad(to_hex(:i::int), 12, '0'))::uuid
          AND a.policy_id = p.id
          AND (a.effective_to IS NULL OR a.effective_to > current_date)))
ORDER BY p.key;
