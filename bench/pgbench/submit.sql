-- The anchor: the submit transaction of POST /requests and the cancel of POST /requests/{id}/cancel
-- in plain SQL, no application in between (run with -M prepared, like the JDBC driver after
-- prepareThreshold). One pgbench "transaction" = one submit + one cancel = one app cycle.
-- Variables: clients (-D clients=N), n (-D n=0, per-client counter -> a new work day per cycle).
-- Each client uses its own employees of the big company (2..10000) and days from 2035 on, so it
-- never overlaps the app's requests nor another client's.
\set i 2 + :client_id + :clients * random(0, 9998 / :clients - 1)
\set p random(1, 3)
\set n :n + 1
\set d 7 * (:n / 5) + :n % 5
BEGIN;
-- context: the policy version in force on the day and an assignment that covers it
SELECT k.eid, k.pid, v.id AS vid, gen_random_uuid() AS rid, k.start_at
FROM (SELECT ('e0000000-0000-0000-0000-' || lpad(to_hex(:i::int), 12, '0'))::uuid AS eid,
             ('a0000000-0000-0000-0000-' || lpad(to_hex(:p::int), 12, '0'))::uuid AS pid,
             timestamptz '2035-01-01 09:00:00+00' + make_interval(days => :d::int) AS start_at) k
JOIN policy_versions v ON v.company_id = 'c0000000-0000-0000-0000-000000000000' AND v.policy_id = k.pid
 AND v.effective_from <= k.start_at::date AND (v.effective_to IS NULL OR v.effective_to > k.start_at::date)
WHERE EXISTS (SELECT 1 FROM assignments a WHERE a.company_id = 'c0000000-0000-0000-0000-000000000000'
              AND a.employee_id = k.eid AND a.policy_id = k.pid AND a.effective_from <= k.start_at::date
              AND (a.effective_to IS NULL OR a.effective_to > k.start_at::date))
\gset
-- lock the snapshot and read what is available
SELECT accrued_minutes - used_minutes - held_minutes AS avail FROM balance_snapshots
WHERE company_id = 'c0000000-0000-0000-0000-000000000000' AND employee_id = :eid AND policy_id = :pid
FOR UPDATE
\gset
\if :avail >= 480
INSERT INTO requests (company_id, id, employee_id, policy_id, start_at, end_at, requested_minutes, reason, status,
                      submitted_at, created_at, updated_at)
VALUES ('c0000000-0000-0000-0000-000000000000', :rid, :eid, :pid, :start_at, :start_at::timestamptz + interval '8 hours',
        480, 'anchor', 'SUBMITTED', now(), now(), now());
INSERT INTO ledger_entries (company_id, id, employee_id, policy_id, policy_version_id, entry_type, amount_minutes,
                            effective_at, source_type, source_id)
VALUES ('c0000000-0000-0000-0000-000000000000', gen_random_uuid(), :eid, :pid, :vid, 'HOLD', -480, now(), 'REQUEST', :rid);
UPDATE balance_snapshots SET held_minutes = held_minutes + 480, updated_at = now()
WHERE company_id = 'c0000000-0000-0000-0000-000000000000' AND employee_id = :eid AND policy_id = :pid;
INSERT INTO audit_log (company_id, id, actor_id, entity_type, entity_id, action, after_json)
VALUES ('c0000000-0000-0000-0000-000000000000', gen_random_uuid(), :eid, 'REQUEST', :rid, 'SUBMIT',
        jsonb_build_object('id', :rid::uuid, 'status', 'SUBMITTED', 'requested_minutes', 480));
\endif
COMMIT;
-- cancel: lock the request, lock the snapshot, release the hold
BEGIN;
SELECT status FROM requests WHERE company_id = 'c0000000-0000-0000-0000-000000000000' AND id = :rid FOR UPDATE;
SELECT held_minutes FROM balance_snapshots
WHERE company_id = 'c0000000-0000-0000-0000-000000000000' AND employee_id = :eid AND policy_id = :pid FOR UPDATE;
INSERT INTO ledger_entries (company_id, id, employee_id, policy_id, policy_version_id, entry_type, amount_minutes,
                            effective_at, source_type, source_id)
SELECT company_id, gen_random_uuid(), employee_id, policy_id, :vid, 'HOLD_RELEASE', 480, now(), 'REQUEST', :rid
FROM requests WHERE company_id = 'c0000000-0000-0000-0000-000000000000' AND id = :rid AND status = 'SUBMITTED';
UPDATE balance_snapshots SET held_minutes = held_minutes - 480, updated_at = now()
WHERE company_id = 'c0000000-0000-0000-0000-000000000000' AND employee_id = :eid AND policy_id = :pid
  AND EXISTS (SELECT 1 FROM requests WHERE company_id = 'c0000000-0000-0000-0000-000000000000' AND id = :rid AND status = 'SUBMITTED');
UPDATE requests SET status = 'CANCELLED', decided_at = now(), decided_by = :eid, updated_at = now()
WHERE company_id = 'c0000000-0000-0000-0000-000000000000' AND id = :rid AND status = 'SUBMITTED';
INSERT INTO audit_log (company_id, id, actor_id, entity_type, entity_id, action, after_json)
VALUES ('c0000000-0000-0000-0000-000000000000', gen_random_uuid(), :eid, 'REQUEST', :rid, 'CANCEL',
        jsonb_build_object('id', :rid::uuid, 'status', 'CANCELLED'));
COMMIT;
