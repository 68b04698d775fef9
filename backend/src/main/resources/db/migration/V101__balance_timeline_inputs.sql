-- Issue 24: one timeline per balance (docs/decisions/0040). Expand-only: new tables the previous
-- release ignores, filled from what exists.

-- Employment periods. employees.hire_date / termination_date stay the current employment (the
-- contract's fields, the account check); this keeps every employment, so that tenure counts from the
-- hire date of the employment a span belongs to and a rehire never changes what the earlier one
-- earned. termination_effects records what a termination changed (assignment ends, manager links,
-- requests) so that a future termination can be withdrawn.
CREATE TABLE employments (
    company_id          uuid NOT NULL,
    employee_id         uuid NOT NULL,
    seq                 integer NOT NULL CHECK (seq >= 1),
    hire_date           date,
    last_day            date,
    termination_effects jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, employee_id, seq),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id),
    CHECK (last_day IS NULL OR hire_date IS NULL OR last_day >= hire_date)
);
INSERT INTO employments (company_id, employee_id, seq, hire_date, last_day)
SELECT company_id, id, 1, hire_date, termination_date FROM employees;

-- Working schedules by date (part-time proration): the week in force from effective_from on.
-- Existing employees get their current week since ever.
CREATE TABLE employee_schedules (
    company_id      uuid NOT NULL,
    employee_id     uuid NOT NULL,
    effective_from  date NOT NULL,
    work_days       text[] NOT NULL,
    workday_minutes integer NOT NULL CHECK (workday_minutes BETWEEN 60 AND 1440),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, employee_id, effective_from),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id)
);
INSERT INTO employee_schedules (company_id, employee_id, effective_from, work_days, workday_minutes)
SELECT company_id, id, DATE '1900-01-01', work_days, workday_minutes FROM employees;

-- Each request's working minutes per local day, stored at submit from the duration calculator's
-- breakdown (effective_at of its ledger entries keeps its meaning). Existing requests: V102.
CREATE TABLE request_days (
    company_id  uuid NOT NULL,
    request_id  uuid NOT NULL,
    day         date NOT NULL,
    minutes     integer NOT NULL CHECK (minutes >= 0),
    PRIMARY KEY (company_id, request_id, day),
    FOREIGN KEY (company_id, request_id) REFERENCES requests (company_id, id)
);

-- The hours of each payroll run per employee, as last sent: a run re-sent with other hours replaces
-- them and the difference is posted. seq keeps the order runs first arrived in (payroll fractions
-- are carried from run to run in that order). Existing runs: from their ledger entries.
CREATE TABLE payroll_run_hours (
    company_id      uuid NOT NULL,
    payroll_run_id  text NOT NULL CHECK (length(payroll_run_id) BETWEEN 1 AND 255),
    employee_id     uuid NOT NULL,
    period_start    date NOT NULL,
    period_end      date NOT NULL,
    worked_minutes  bigint NOT NULL CHECK (worked_minutes > 0),
    seq             bigserial NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, payroll_run_id, employee_id),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id),
    CHECK (period_end >= period_start)
);
CREATE INDEX payroll_run_hours_employee_idx ON payroll_run_hours (company_id, employee_id, period_end);
INSERT INTO payroll_run_hours (company_id, payroll_run_id, employee_id, period_start, period_end, worked_minutes, received_at)
SELECT DISTINCT ON (company_id, metadata_json ->> 'payroll_run_id', employee_id)
       company_id, metadata_json ->> 'payroll_run_id', employee_id,
       CAST(metadata_json ->> 'period_start' AS date), CAST(metadata_json ->> 'period_end' AS date),
       CAST(metadata_json ->> 'worked_minutes' AS bigint), created_at
FROM ledger_entries
WHERE source_type = 'PAYROLL' AND entry_type = 'ACCRUAL'
  AND metadata_json ->> 'payroll_run_id' IS NOT NULL AND CAST(metadata_json ->> 'worked_minutes' AS bigint) > 0
ORDER BY company_id, metadata_json ->> 'payroll_run_id', employee_id, created_at;

-- Opening balances: the date an imported balance stands as of. No time grant or forfeiture of the
-- balance is dated on or before it. Earlier imports named the date only in their reason text.
CREATE TABLE opening_balances (
    company_id  uuid NOT NULL,
    employee_id uuid NOT NULL,
    policy_id   uuid NOT NULL,
    as_of       date NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, employee_id, policy_id),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id),
    FOREIGN KEY (company_id, policy_id) REFERENCES policies (company_id, id)
);
INSERT INTO opening_balances (company_id, employee_id, policy_id, as_of)
SELECT company_id, employee_id, policy_id,
       max(CAST(substring(metadata_json ->> 'reason' FROM '\(opening balance as of (\d{4}-\d{2}-\d{2})\)$') AS date))
FROM ledger_entries
WHERE entry_type = 'ADJUSTMENT' AND source_type = 'ADMIN'
  AND metadata_json ->> 'reason' ~ '\(opening balance as of \d{4}-\d{2}-\d{2}\)$'
GROUP BY company_id, employee_id, policy_id;
