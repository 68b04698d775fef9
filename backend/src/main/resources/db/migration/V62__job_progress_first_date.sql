-- Issue 14: the first date a worker job completed. The reconciliation's second check (posted time
-- accruals = expected) covers the dates the worker was responsible for, from this date to
-- last_completed_date; balances that predate the worker (opening balances imported as adjustments)
-- are not reported. Existing rows: the earliest worker run on record, else the last completed date.
ALTER TABLE job_progress ADD COLUMN first_completed_date date;
UPDATE job_progress SET first_completed_date = coalesce(
    (SELECT min(target_date) FROM accrual_runs WHERE job = 'TIME_ACCRUAL' AND trigger = 'WORKER'),
    last_completed_date);
