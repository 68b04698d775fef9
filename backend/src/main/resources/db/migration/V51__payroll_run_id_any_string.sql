-- payroll_run_id is any string of 1–255 characters (providers send ids like '2026-11-B2'), and a
-- payroll ledger entry's source_id is '<payroll_run_id>:<employee uuid>:<policy uuid>': up to
-- 255 + 74 = 329 characters, over the old limit of 300. Widen the check to 400; the uniqueness
-- that makes the webhook idempotent (ledger_source_uq) is unchanged. The new check is looser,
-- so it is added NOT VALID and validated without blocking writers.
DO $$
DECLARE
    existing text;
BEGIN
    FOR existing IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'ledger_entries'::regclass AND contype = 'c'
          AND pg_get_constraintdef(oid) LIKE '%length(source_id)%'
    LOOP
        EXECUTE format('ALTER TABLE ledger_entries DROP CONSTRAINT %I', existing);
    END LOOP;
END
$$;

ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_source_id_check
    CHECK (length(source_id) BETWEEN 1 AND 400) NOT VALID;
ALTER TABLE ledger_entries VALIDATE CONSTRAINT ledger_entries_source_id_check;
