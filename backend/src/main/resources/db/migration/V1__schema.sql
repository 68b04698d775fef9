-- Power PTO: the whole schema of shared/spec/domain.md.
-- Every tenant-owned table carries company_id and every key/index leads with it, so the
-- schema can later be distributed by company_id (Citus) without reshaping.
-- Enumerations are text + CHECK so that adding a value is an expand-only migration.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE companies (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE employees (
    company_id      uuid NOT NULL REFERENCES companies (id),
    id              uuid NOT NULL,
    first_name      text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name       text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    pay_type        text NOT NULL DEFAULT 'SALARY' CHECK (pay_type IN ('SALARY', 'HOURLY')),
    workday_minutes integer NOT NULL DEFAULT 480 CHECK (workday_minutes BETWEEN 60 AND 1440),
    timezone        text NOT NULL DEFAULT 'UTC',
    hire_date       date,
    manager_id      uuid,
    work_days       text[] NOT NULL DEFAULT ARRAY['MON','TUE','WED','THU','FRI'],
    workday_start   time NOT NULL DEFAULT '09:00',
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, manager_id) REFERENCES employees (company_id, id),
    CHECK (manager_id IS NULL OR manager_id <> id),
    CHECK (work_days <@ ARRAY['MON','TUE','WED','THU','FRI','SAT','SUN'])
);
CREATE UNIQUE INDEX employees_email_uq ON employees (company_id, lower(email));
CREATE INDEX employees_manager_idx ON employees (company_id, manager_id);

-- Local sign-in accounts, one per employee. Passwords only as slow salted hashes.
CREATE TABLE accounts (
    company_id          uuid NOT NULL,
    employee_id         uuid NOT NULL,
    email               text NOT NULL,
    password_hash       text,
    role                text NOT NULL DEFAULT 'employee' CHECK (role IN ('admin', 'manager', 'employee')),
    active              boolean NOT NULL DEFAULT true,
    invite_token_hash   text,
    invite_expires_at   timestamptz,
    password_changed_at timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, employee_id),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id)
);
CREATE UNIQUE INDEX accounts_email_uq ON accounts (company_id, lower(email));
-- Sign-in looks an account up by e-mail before the company is known.
CREATE INDEX accounts_login_idx ON accounts (lower(email));
CREATE UNIQUE INDEX accounts_invite_uq ON accounts (invite_token_hash) WHERE invite_token_hash IS NOT NULL;

CREATE TABLE policies (
    company_id  uuid NOT NULL REFERENCES companies (id),
    id          uuid NOT NULL,
    key         text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    category    text NOT NULL CHECK (category IN ('VACATION','SICK','PERSONAL','BEREAVEMENT','PARENTAL','OTHER')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    UNIQUE (company_id, key)
);

-- Immutable versions: an update adds version N+1 and end-dates version N.
CREATE TABLE policy_versions (
    company_id      uuid NOT NULL,
    id              uuid NOT NULL,
    policy_id       uuid NOT NULL,
    version         integer NOT NULL CHECK (version >= 1),
    effective_from  date NOT NULL,
    effective_to    date,
    type            text NOT NULL CHECK (type IN ('UNLIMITED', 'ACCRUAL')),
    accrual_method  text CHECK (accrual_method IN ('TIME', 'HOURS_WORKED')),
    settings        jsonb NOT NULL,
    created_by      uuid NOT NULL,
    change_reason   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    UNIQUE (company_id, policy_id, version),
    FOREIGN KEY (company_id, policy_id) REFERENCES policies (company_id, id),
    CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CHECK ((type = 'UNLIMITED') = (accrual_method IS NULL))
);

CREATE TABLE assignments (
    company_id      uuid NOT NULL,
    id              uuid NOT NULL,
    employee_id     uuid NOT NULL,
    policy_id       uuid NOT NULL,
    effective_from  date NOT NULL,
    effective_to    date,
    created_by      uuid NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id),
    FOREIGN KEY (company_id, policy_id) REFERENCES policies (company_id, id),
    CHECK (effective_to IS NULL OR effective_to > effective_from),
    -- Two assignments of one employee to one policy never overlap (half-open ranges).
    CONSTRAINT assignments_no_overlap EXCLUDE USING gist (
        company_id WITH =, employee_id WITH =, policy_id WITH =,
        daterange(effective_from, effective_to, '[)') WITH &&)
);
CREATE INDEX assignments_policy_idx ON assignments (company_id, policy_id, effective_from);
CREATE INDEX assignments_employee_idx ON assignments (company_id, employee_id, effective_from);

CREATE TABLE requests (
    company_id        uuid NOT NULL,
    id                uuid NOT NULL,
    employee_id       uuid NOT NULL,
    policy_id         uuid NOT NULL,
    start_at          timestamptz NOT NULL,
    end_at            timestamptz NOT NULL,
    requested_minutes integer NOT NULL CHECK (requested_minutes > 0),
    reason            text CHECK (length(reason) <= 1000),
    status            text NOT NULL CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','DENIED','CANCELLED')),
    submitted_at      timestamptz,
    decided_at        timestamptz,
    decided_by        uuid,
    decision_note     text CHECK (length(decision_note) <= 1000),
    idempotency_key   text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    payload_hash      text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id),
    FOREIGN KEY (company_id, policy_id) REFERENCES policies (company_id, id),
    CHECK (end_at > start_at),
    UNIQUE (company_id, employee_id, idempotency_key),
    -- One person cannot be away twice at once: live requests of an employee never overlap.
    CONSTRAINT requests_no_overlap EXCLUDE USING gist (
        company_id WITH =, employee_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&)
        WHERE (status IN ('SUBMITTED', 'APPROVED'))
);
CREATE INDEX requests_status_idx ON requests (company_id, status, start_at);
CREATE INDEX requests_employee_idx ON requests (company_id, employee_id, start_at DESC);

-- The ledger: append-only source of truth for balances.
CREATE TABLE ledger_entries (
    company_id        uuid NOT NULL,
    id                uuid NOT NULL,
    employee_id       uuid NOT NULL,
    policy_id         uuid NOT NULL,
    policy_version_id uuid NOT NULL,
    entry_type        text NOT NULL CHECK (entry_type IN ('ACCRUAL','HOLD','HOLD_RELEASE','USAGE','USAGE_REVERSAL','ADJUSTMENT','EXPIRATION','CARRYOVER')),
    amount_minutes    integer NOT NULL,
    effective_at      timestamptz NOT NULL,
    source_type       text NOT NULL CHECK (source_type IN ('REQUEST','PAYROLL','ADMIN','SYSTEM')),
    source_id         text NOT NULL CHECK (length(source_id) BETWEEN 1 AND 300),
    metadata_json     jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id),
    FOREIGN KEY (company_id, policy_id) REFERENCES policies (company_id, id),
    FOREIGN KEY (company_id, policy_version_id) REFERENCES policy_versions (company_id, id),
    -- What makes every writer idempotent.
    CONSTRAINT ledger_source_uq UNIQUE (company_id, source_type, source_id, entry_type)
);
CREATE INDEX ledger_employee_policy_idx ON ledger_entries (company_id, employee_id, policy_id, effective_at DESC, id);
CREATE INDEX ledger_effective_idx ON ledger_entries (company_id, effective_at);

-- Cached sums of the ledger per (employee, policy); locked FOR UPDATE by every ledger write.
CREATE TABLE balance_snapshots (
    company_id      uuid NOT NULL,
    employee_id     uuid NOT NULL,
    policy_id       uuid NOT NULL,
    accrued_minutes bigint NOT NULL DEFAULT 0,
    used_minutes    bigint NOT NULL DEFAULT 0,
    held_minutes    bigint NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, employee_id, policy_id),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id),
    FOREIGN KEY (company_id, policy_id) REFERENCES policies (company_id, id)
);

CREATE TABLE holidays (
    company_id  uuid NOT NULL REFERENCES companies (id),
    id          uuid NOT NULL,
    date        date NOT NULL,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    CONSTRAINT holidays_date_uq UNIQUE (company_id, date)
);

CREATE TABLE audit_log (
    company_id   uuid NOT NULL,
    id           uuid NOT NULL,
    actor_id     uuid NOT NULL,
    entity_type  text NOT NULL CHECK (entity_type IN ('POLICY','POLICY_VERSION','REQUEST','ASSIGNMENT','EMPLOYEE','HOLIDAY','ADJUSTMENT','ACCRUAL')),
    entity_id    uuid NOT NULL,
    action       text NOT NULL CHECK (action IN ('CREATE','UPDATE','DELETE','APPROVE','DENY','CANCEL','SUBMIT')),
    before_json  jsonb,
    after_json   jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE INDEX audit_log_time_idx ON audit_log (company_id, created_at DESC, id);
CREATE INDEX audit_log_entity_idx ON audit_log (company_id, entity_type, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (company_id, actor_id, created_at DESC);

-- Worker bookkeeping: the last date each job completed (catch-up starts the day after).
CREATE TABLE job_progress (
    job                  text PRIMARY KEY,
    last_completed_date  date NOT NULL,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- One row per completed run of a job for a date (and a company, for admin-triggered runs).
CREATE TABLE accrual_runs (
    id           uuid PRIMARY KEY,
    job          text NOT NULL CHECK (job IN ('TIME_ACCRUAL','CARRYOVER','EXPIRATION','PAYROLL')),
    company_id   uuid,
    target_date  date NOT NULL,
    trigger      text NOT NULL CHECK (trigger IN ('WORKER','ADMIN','WEBHOOK')),
    processed    integer NOT NULL DEFAULT 0,
    accrued      integer NOT NULL DEFAULT 0,
    skipped      integer NOT NULL DEFAULT 0,
    errors       integer NOT NULL DEFAULT 0,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NOT NULL DEFAULT now(),
    details      jsonb
);
CREATE INDEX accrual_runs_job_idx ON accrual_runs (job, target_date DESC);

-- The ledger and the audit log are append-only for everyone, the application included.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
