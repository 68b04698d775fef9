-- Power PTO load-benchmark dataset, generated in SQL (generate_series), deterministic ids.
--   company k = 0        : the big tenant, 10,000 employees
--   company k = 1..1000  : small tenants, 10 employees each
-- Every employee holds 3 ACCRUAL/TIME MONTHLY policies (vacation 800, sick 480, personal 200
-- minutes a month) from 2024-01-01, with a year (2025) of ledger history per employee-policy:
-- 12 monthly ACCRUAL entries and 2 approved past requests (HOLD, HOLD_RELEASE, USAGE each),
-- the requests themselves, their SUBMIT audit rows, and balance_snapshots = ledger sums.
-- Ids (bench/lua/common.lua computes the same ones):
--   company  c0000000-0000-0000-0000-<k:12 hex>
--   employee e0000000-0000-0000-<k:4 hex>-<i:12 hex>     (i = 1..n; i = 1 is the company's admin)
--   policy   a0000000-0000-0000-<k:4 hex>-<p:12 hex>     (p = 1 vacation, 2 sick, 3 personal)
--   version  b0000000-0000-0000-<k:4 hex>-<p:12 hex>
\set ON_ERROR_STOP on
SET synchronous_commit = off;  -- load only; the benchmark itself runs with the server's setting (on)
BEGIN;

CREATE TEMP TABLE bc ON COMMIT DROP AS
SELECT k, CASE WHEN k = 0 THEN 10000 ELSE 10 END AS n,
       ('c0000000-0000-0000-0000-' || lpad(to_hex(k), 12, '0'))::uuid AS cid
FROM generate_series(0, 1000) AS k;

CREATE TEMP TABLE bp ON COMMIT DROP AS
SELECT * FROM (VALUES (1, 'vacation', 'VACATION', 800), (2, 'sick', 'SICK', 480), (3, 'personal', 'PERSONAL', 200))
    AS t (p, key, category, rate);

CREATE TEMP TABLE be ON COMMIT DROP AS
SELECT bc.k, i, bc.cid,
       ('e0000000-0000-0000-' || lpad(to_hex(bc.k), 4, '0') || '-' || lpad(to_hex(i), 12, '0'))::uuid AS eid,
       ('e0000000-0000-0000-' || lpad(to_hex(bc.k), 4, '0') || '-' || lpad(to_hex(1), 12, '0'))::uuid AS admin_id,
       CASE WHEN i = 1 THEN NULL
            WHEN ((i - 1) / 10) * 10 + 1 = i THEN 1
            ELSE ((i - 1) / 10) * 10 + 1 END AS manager_i
FROM bc, generate_series(1, bc.n) AS i;

CREATE TEMP TABLE bep ON COMMIT DROP AS
SELECT be.k, be.i, be.cid, be.eid, be.admin_id, bp.p, bp.rate,
       ('a0000000-0000-0000-' || lpad(to_hex(be.k), 4, '0') || '-' || lpad(to_hex(bp.p), 12, '0'))::uuid AS pid,
       ('b0000000-0000-0000-' || lpad(to_hex(be.k), 4, '0') || '-' || lpad(to_hex(bp.p), 12, '0'))::uuid AS vid
FROM be, bp;

INSERT INTO companies (id, name)
SELECT cid, CASE WHEN k = 0 THEN 'Bench Big Co' ELSE 'Bench Small Co ' || k END FROM bc;

INSERT INTO employees (company_id, id, first_name, last_name, email, hire_date, manager_id)
SELECT cid, eid, 'First' || i, 'Last' || k, 'e' || i || '.c' || k || '@bench.example',
       date '2020-01-01' + (i % 1000),
       CASE WHEN manager_i IS NULL THEN NULL
            ELSE ('e0000000-0000-0000-' || lpad(to_hex(k), 4, '0') || '-' || lpad(to_hex(manager_i), 12, '0'))::uuid END
FROM be;

INSERT INTO policies (company_id, id, key, category)
SELECT bc.cid, ('a0000000-0000-0000-' || lpad(to_hex(bc.k), 4, '0') || '-' || lpad(to_hex(bp.p), 12, '0'))::uuid,
       bp.key, bp.category
FROM bc, bp;

INSERT INTO policy_versions (company_id, id, policy_id, version, effective_from, effective_to, type, accrual_method,
                             settings, created_by, change_reason)
SELECT bc.cid, ('b0000000-0000-0000-' || lpad(to_hex(bc.k), 4, '0') || '-' || lpad(to_hex(bp.p), 12, '0'))::uuid,
       ('a0000000-0000-0000-' || lpad(to_hex(bc.k), 4, '0') || '-' || lpad(to_hex(bp.p), 12, '0'))::uuid,
       1, date '2024-01-01', NULL, 'ACCRUAL', 'TIME',
       jsonb_build_object(
           'type', 'ACCRUAL', 'accrual_method', 'TIME', 'accrual_frequency', 'MONTHLY',
           'accrual_timing', 'START_OF_PERIOD', 'rate_minutes_per_month', bp.rate, 'proration', 'DAYS_ACTIVE',
           'unit', 'DAYS', 'allow_negative', false, 'negative_limit_minutes', NULL, 'bank_cap_minutes', NULL,
           'tenure_tiers', '[]'::jsonb,
           'carryover', jsonb_build_object('enabled', false, 'cap_minutes', NULL, 'expires_after_days', NULL),
           'expiration', jsonb_build_object('enabled', false, 'expires_after_days', NULL,
                                            'expires_on_month', NULL, 'expires_on_day', NULL)),
       ('e0000000-0000-0000-' || lpad(to_hex(bc.k), 4, '0') || '-' || lpad(to_hex(1), 12, '0'))::uuid,
       'benchmark dataset'
FROM bc, bp;

INSERT INTO assignments (company_id, id, employee_id, policy_id, effective_from, effective_to, created_by)
SELECT cid, gen_random_uuid(), eid, pid, date '2024-01-01', NULL, admin_id FROM bep;

-- A few company holidays (past year), so the holiday lookup of submit reads a real index.
INSERT INTO holidays (company_id, id, date, name)
SELECT bc.cid, gen_random_uuid(), d, 'Holiday ' || d
FROM bc, unnest(ARRAY[date '2025-01-01', date '2025-05-26', date '2025-07-04', date '2025-09-01',
                      date '2025-11-27', date '2025-12-25']) AS d;

-- Twelve monthly accruals of 2025.
INSERT INTO ledger_entries (company_id, id, employee_id, policy_id, policy_version_id, entry_type, amount_minutes,
                            effective_at, source_type, source_id, created_at)
SELECT cid, gen_random_uuid(), eid, pid, vid, 'ACCRUAL', rate,
       make_timestamptz(2025, m, 1, 0, 0, 0, 'UTC'), 'SYSTEM',
       'time-accrual:' || eid || ':' || pid || ':2025-' || lpad(m::text, 2, '0'),
       make_timestamptz(2025, m, 1, 2, 0, 0, 'UTC')
FROM bep, generate_series(1, 12) AS m;

-- Two approved past requests per employee-policy, on distinct Mondays (09:00-17:00 UTC, 480 minutes).
CREATE TEMP TABLE br ON COMMIT DROP AS
SELECT bep.*, gen_random_uuid() AS rid,
       (date '2025-02-03' + 7 * ((bep.p - 1) * 2 + r - 1))::timestamp AT TIME ZONE 'UTC' + interval '9 hours' AS start_at
FROM bep, generate_series(1, 2) AS r;

INSERT INTO requests (company_id, id, employee_id, policy_id, start_at, end_at, requested_minutes, reason, status,
                      submitted_at, decided_at, decided_by, created_at, updated_at)
SELECT cid, rid, eid, pid, start_at, start_at + interval '8 hours', 480, 'benchmark history', 'APPROVED',
       start_at - interval '14 days', start_at - interval '13 days', admin_id,
       start_at - interval '14 days', start_at - interval '13 days'
FROM br;

INSERT INTO ledger_entries (company_id, id, employee_id, policy_id, policy_version_id, entry_type, amount_minutes,
                            effective_at, source_type, source_id, created_at)
SELECT cid, gen_random_uuid(), eid, pid, vid, t.entry_type, t.amount,
       CASE WHEN t.entry_type = 'USAGE' THEN start_at ELSE start_at - t.before END, 'REQUEST', rid::text,
       start_at - t.before
FROM br, (VALUES ('HOLD', -480, interval '14 days'), ('HOLD_RELEASE', 480, interval '13 days'),
                 ('USAGE', -480, interval '13 days')) AS t (entry_type, amount, before);

INSERT INTO audit_log (company_id, id, actor_id, entity_type, entity_id, action, before_json, after_json, created_at)
SELECT cid, gen_random_uuid(), eid, 'REQUEST', rid, 'SUBMIT', NULL,
       jsonb_build_object('id', rid, 'employee_id', eid, 'policy_id', pid, 'status', 'SUBMITTED',
                          'requested_minutes', 480, 'start_at', start_at),
       start_at - interval '14 days'
FROM br;

-- Snapshots are the ledger sums, by construction.
INSERT INTO balance_snapshots (company_id, employee_id, policy_id, accrued_minutes, used_minutes, held_minutes, updated_at)
SELECT company_id, employee_id, policy_id,
       coalesce(sum(amount_minutes) FILTER (WHERE entry_type IN ('ACCRUAL', 'ADJUSTMENT', 'CARRYOVER', 'EXPIRATION')), 0),
       coalesce(-sum(amount_minutes) FILTER (WHERE entry_type IN ('USAGE', 'USAGE_REVERSAL')), 0),
       coalesce(-sum(amount_minutes) FILTER (WHERE entry_type IN ('HOLD', 'HOLD_RELEASE')), 0),
       max(created_at)
FROM ledger_entries
GROUP BY company_id, employee_id, policy_id;

COMMIT;
VACUUM ANALYZE;
SELECT (SELECT count(*) FROM companies) AS companies, (SELECT count(*) FROM employees) AS employees,
       (SELECT count(*) FROM assignments) AS assignments, (SELECT count(*) FROM requests) AS requests,
       (SELECT count(*) FROM ledger_entries) AS ledger_entries, (SELECT count(*) FROM balance_snapshots) AS snapshots,
       (SELECT count(*) FROM audit_log) AS audit_rows;
