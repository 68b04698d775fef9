-- Secret iCalendar feed URLs (issue 17, decision 0020). Only the SHA-256 of the token is stored;
-- revoking sets revoked_at, rotating revokes the old feed and creates a new one.
CREATE TABLE calendar_feeds (
    company_id      uuid NOT NULL,
    id              uuid NOT NULL,
    employee_id     uuid NOT NULL,
    scope           text NOT NULL CHECK (scope IN ('MINE', 'TEAM', 'COMPANY', 'HOLIDAYS')),
    include_pending boolean NOT NULL DEFAULT false,
    token_hash      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id)
);
CREATE UNIQUE INDEX calendar_feeds_token_uq ON calendar_feeds (token_hash);
-- One live feed per person and scope.
CREATE UNIQUE INDEX calendar_feeds_live_uq ON calendar_feeds (company_id, employee_id, scope) WHERE revoked_at IS NULL;
-- The feeds read requests of a time window for a set of employees.
CREATE INDEX IF NOT EXISTS requests_company_time_idx ON requests (company_id, start_at, end_at) WHERE status IN ('SUBMITTED', 'APPROVED');
