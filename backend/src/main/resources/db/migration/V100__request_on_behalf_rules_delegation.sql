-- Issue 19: who entered a request (on-behalf), rules an admin overrode, and decisions taken
-- by a delegate on behalf of the employee's manager.
ALTER TABLE requests
    ADD COLUMN entered_by           uuid,
    ADD COLUMN decided_on_behalf_of uuid,
    ADD COLUMN rules_overridden     text[],
    ADD COLUMN rule_override_reason text CHECK (length(rule_override_reason) <= 1000);

-- A manager hands their approvals to another manager or an admin for a date range (inclusive).
-- Revoking sets revoked_at; rows are never deleted, so past decisions stay explainable.
CREATE TABLE approval_delegations (
    company_id   uuid NOT NULL,
    id           uuid NOT NULL,
    delegator_id uuid NOT NULL,
    delegate_id  uuid NOT NULL,
    start_date   date NOT NULL,
    end_date     date NOT NULL,
    note         text CHECK (length(note) <= 1000),
    created_by   uuid NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz,
    revoked_by   uuid,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, delegator_id) REFERENCES employees (company_id, id),
    FOREIGN KEY (company_id, delegate_id) REFERENCES employees (company_id, id),
    CHECK (end_date >= start_date),
    CHECK (delegator_id <> delegate_id)
);
CREATE INDEX approval_delegations_delegate_idx ON approval_delegations (company_id, delegate_id, start_date);
CREATE INDEX approval_delegations_delegator_idx ON approval_delegations (company_id, delegator_id, start_date);


-- Delegations are audited as their own entity. The constraint is rebuilt from its current
-- definition so that values other migrations added stay allowed.
DO $$
DECLARE
    def text;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
    WHERE conrelid = 'audit_log'::regclass AND conname = 'audit_log_entity_type_check';
    IF def IS NOT NULL AND position('DELEGATION' IN def) = 0 THEN
        def := replace(def, '''ACCRUAL''::text', '''ACCRUAL''::text, ''DELEGATION''::text');
        EXECUTE 'ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_type_check, ADD CONSTRAINT audit_log_entity_type_check ' || def;
    END IF;
END
$$;
