-- Snapshots vs ledger sums (the same comparison as `java -jar power-pto.jar reconcile`), plus
-- what the benchmark left behind. Prints one row: mismatches must be 0.
WITH sums AS (
    SELECT company_id, employee_id, policy_id,
           coalesce(sum(amount_minutes) FILTER (WHERE entry_type IN ('ACCRUAL','ADJUSTMENT','CARRYOVER','EXPIRATION')), 0) AS accrued,
           coalesce(-sum(amount_minutes) FILTER (WHERE entry_type IN ('USAGE','USAGE_REVERSAL')), 0) AS used,
           coalesce(-sum(amount_minutes) FILTER (WHERE entry_type IN ('HOLD','HOLD_RELEASE')), 0) AS held
    FROM ledger_entries GROUP BY company_id, employee_id, policy_id)
SELECT count(*) FILTER (WHERE b.company_id IS NULL OR s.company_id IS NULL
                           OR b.accrued_minutes <> s.accrued OR b.used_minutes <> s.used OR b.held_minutes <> s.held) AS mismatches,
       count(*) AS snapshots,
       count(*) FILTER (WHERE b.held_minutes > 0) AS snapshots_with_open_holds,
       (SELECT count(*) FROM requests WHERE status = 'SUBMITTED') AS requests_left_submitted,
       (SELECT count(*) FROM ledger_entries) AS ledger_rows
FROM sums s FULL JOIN balance_snapshots b USING (company_id, employee_id, policy_id);
