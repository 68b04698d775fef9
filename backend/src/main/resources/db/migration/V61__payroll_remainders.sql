-- Issue 14 review fix 4: the fractional part of worked × accrue ÷ per_worked (after proration to the
-- days an assignment covers) is carried to the next payroll run instead of lost. One row per
-- (balance, payroll run), in millionths of a minute; the latest row of a balance is its carry.
-- The primary key also makes a replayed run recognisable before anything is posted.
CREATE TABLE payroll_remainders (
    company_id      uuid NOT NULL,
    employee_id     uuid NOT NULL,
    policy_id       uuid NOT NULL,
    payroll_run_id  text NOT NULL,
    remainder_micro bigint NOT NULL CHECK (remainder_micro >= 0 AND remainder_micro < 1000000),
    seq             bigserial NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, employee_id, policy_id, payroll_run_id),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id),
    FOREIGN KEY (company_id, policy_id) REFERENCES policies (company_id, id)
);
CREATE INDEX payroll_remainders_latest_idx ON payroll_remainders (company_id, employee_id, policy_id, seq DESC);
