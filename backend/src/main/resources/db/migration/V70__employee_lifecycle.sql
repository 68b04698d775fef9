-- Employee lifecycle (issue 15): termination, rehire, department and location.
-- Expand-only: new nullable columns; the previous release ignores them.
--
-- termination_date is the employee's last day (a date in their time zone); access_ends_at is the
-- instant that day ends there, computed once at termination so that the token check on every
-- request is one indexed comparison with the clock. An employee is TERMINATED from that instant
-- on; a future date leaves them ACTIVE until then. Rehire clears both.
ALTER TABLE employees
    ADD COLUMN termination_date   date,
    ADD COLUMN termination_reason text CHECK (length(termination_reason) <= 1000),
    ADD COLUMN access_ends_at     timestamptz,
    ADD COLUMN department         text CHECK (length(department) BETWEEN 1 AND 100),
    ADD COLUMN location           text CHECK (length(location) BETWEEN 1 AND 100),
    ADD CONSTRAINT employees_termination_consistent
        CHECK ((termination_date IS NULL) = (access_ends_at IS NULL));

CREATE INDEX employees_department_idx ON employees (company_id, department) WHERE department IS NOT NULL;

-- Terminating an employee whose assignment has not started yet withdraws it: effective_to =
-- effective_from, an empty range that is active on no day and overlaps nothing ("nothing is
-- deleted"). Every other end-date must still be after the start (the service checks it).
ALTER TABLE assignments DROP CONSTRAINT assignments_check;
ALTER TABLE assignments ADD CONSTRAINT assignments_range_check CHECK (effective_to IS NULL OR effective_to >= effective_from);
