-- Issue 14: recalculation of time accruals when HR changes the past.
-- ACCRUAL_CORRECTION: the difference between what a time-accrual date earns now and what the
-- ledger held for it (either sign); it moves the accrued bucket like ACCRUAL.
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_entry_type_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_entry_type_check
    CHECK (entry_type IN ('ACCRUAL','HOLD','HOLD_RELEASE','USAGE','USAGE_REVERSAL','ADJUSTMENT','EXPIRATION',
                          'CARRYOVER','ACCRUAL_CORRECTION'));

-- Balances waiting for a recalculation by the worker (policy-wide changes). One pending row per
-- balance: a second change before the worker ran only updates the cause.
CREATE TABLE recalc_queue (
    company_id  uuid NOT NULL,
    employee_id uuid NOT NULL,
    policy_id   uuid NOT NULL,
    cause       text NOT NULL CHECK (length(cause) BETWEEN 1 AND 300),
    enqueued_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, employee_id, policy_id),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id),
    FOREIGN KEY (company_id, policy_id) REFERENCES policies (company_id, id)
);
CREATE INDEX recalc_queue_order_idx ON recalc_queue (enqueued_at);
