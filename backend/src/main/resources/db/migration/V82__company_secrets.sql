-- Issue 16: per-company secrets, encrypted by the application (SecretBox, AES-256-GCM under
-- PTO_SECRETS_KEY, the company id bound as associated data). Never returned by the API.

-- The payroll webhook secret of one company (>= 32 random bytes). Without a row the company's
-- webhooks are verified with the global PAYROLL_WEBHOOK_SECRET.
CREATE TABLE company_webhook_secrets (
    company_id        uuid PRIMARY KEY REFERENCES companies (id),
    secret_ciphertext text NOT NULL,
    created_by        uuid NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);

-- Company-level settings are audited as entity COMPANY (entity_id = the company id).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_type_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_type_check
    CHECK (entity_type IN ('POLICY','POLICY_VERSION','REQUEST','ASSIGNMENT','EMPLOYEE','HOLIDAY','ADJUSTMENT','ACCRUAL','COMPANY'));
