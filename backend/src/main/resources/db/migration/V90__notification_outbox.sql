-- Transactional outbox of e-mail notifications (issue 17, decision 0019). A row per recipient and
-- message is inserted in the transaction of the change that causes it, already rendered, so a
-- rolled-back change leaves no row and the worker needs nothing but this table to send.
CREATE TABLE notification_outbox (
    company_id      uuid NOT NULL REFERENCES companies (id),
    id              uuid NOT NULL,
    kind            text NOT NULL CHECK (kind ~ '^[A-Z_]{1,64}$'),
    recipient_id    uuid,
    recipient_email text NOT NULL CHECK (length(recipient_email) BETWEEN 3 AND 254),
    subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body_text       text NOT NULL,
    body_html       text NOT NULL,
    -- Stable RFC 5322 Message-ID: a retry after an unknown outcome carries the same id, so the
    -- receiving side can recognise a duplicate.
    message_id      text NOT NULL UNIQUE,
    -- What the row is about (kind + subject + recipient): a repeated call inserts nothing.
    dedupe_key      text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 400),
    -- Bodies holding a secret (an invitation link) are blanked once delivered.
    contains_secret boolean NOT NULL DEFAULT false,
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    sent_at         timestamptz,
    failed_at       timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    CONSTRAINT notification_outbox_dedupe_uq UNIQUE (company_id, dedupe_key)
);
-- The worker's claim: due pending rows, oldest first, across companies.
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_outbox_company_idx ON notification_outbox (company_id, status, created_at DESC);

-- Per-person opt-outs; a missing row means "on". Security kinds are never looked up here.
CREATE TABLE notification_preferences (
    company_id  uuid NOT NULL,
    employee_id uuid NOT NULL,
    kind        text NOT NULL CHECK (kind ~ '^[A-Z_]{1,64}$'),
    enabled     boolean NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, employee_id, kind),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id)
);
