-- Issue 16: OpenID Connect single sign-on, configured per company by its admins.
-- The client secret is encrypted by the application (SecretBox) and never returned by the API.
-- email_domain picks the company on the sign-in page ("Continue with <provider_name>" appears
-- once the typed e-mail's domain is known); one company per domain.
CREATE TABLE company_sso (
    company_id               uuid PRIMARY KEY REFERENCES companies (id),
    provider_name            text NOT NULL CHECK (length(provider_name) BETWEEN 1 AND 60),
    issuer                   text NOT NULL CHECK (issuer ~ '^https?://' AND length(issuer) <= 500),
    client_id                text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
    client_secret_ciphertext text NOT NULL,
    email_domain             text NOT NULL CHECK (email_domain ~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$'),
    require_sso              boolean NOT NULL DEFAULT false,
    -- With require_sso, the one account that may still sign in with a password (an admin).
    break_glass_employee_id  uuid,
    updated_at               timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX company_sso_domain_uq ON company_sso (email_domain);
