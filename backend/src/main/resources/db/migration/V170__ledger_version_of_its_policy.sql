-- Issue 24 (docs/decisions/0075): a ledger entry's policy version must be a version of the entry's
-- policy. One composite foreign key replaces the two it implies (policy, version): a stronger rule,
-- and one referential check less for each row the timeline appends (hundreds of thousands in a
-- recomputation; the checks were about a third of an append's cost in PostgreSQL).
-- Online: the key is added NOT VALID (a brief lock) and validated without blocking writes.
ALTER TABLE policy_versions ADD CONSTRAINT policy_versions_policy_version_uq UNIQUE (company_id, policy_id, id);
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_version_of_policy_fk
    FOREIGN KEY (company_id, policy_id, policy_version_id) REFERENCES policy_versions (company_id, policy_id, id) NOT VALID;
ALTER TABLE ledger_entries VALIDATE CONSTRAINT ledger_entries_version_of_policy_fk;
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_company_id_policy_id_fkey;
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_company_id_policy_version_id_fkey;
