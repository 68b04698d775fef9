-- Issues 27 and 29 (decisions 0060, 0061): the outbox stores the EVENT, the worker renders it at
-- delivery; messages go to e-mail, Slack (direct messages with buttons) and Microsoft Teams.
-- Expand only: rows written by the previous release (rendered bodies, status PENDING) stay valid
-- and are still sent as they are.

-- An event row carries what must not change later (ids, amounts, the base URL of its links, an
-- encrypted one-time secret) instead of subject and bodies, which the worker renders when it sends.
-- It is written with status QUEUED, which the previous release's worker does not claim (it would
-- find no body to send during a rolling deploy); the API shows QUEUED as "pending".
ALTER TABLE notification_outbox
    ADD COLUMN channel           text NOT NULL DEFAULT 'EMAIL' CHECK (channel IN ('EMAIL', 'SLACK', 'TEAMS')),
    ADD COLUMN event             jsonb,
    ADD COLUMN base_url          text CHECK (base_url ~ '^https?://[^/?#\s]+(/[^?#\s]*)?$' AND length(base_url) <= 300),
    -- SecretBox ciphertext of a one-time secret (an invitation token): set to NULL once delivered.
    ADD COLUMN secret_ciphertext text,
    ALTER COLUMN recipient_email DROP NOT NULL,
    ALTER COLUMN subject DROP NOT NULL,
    ALTER COLUMN body_text DROP NOT NULL,
    ALTER COLUMN body_html DROP NOT NULL;
ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_status_check;
-- SKIPPED: nothing to send after all (e.g. the person is not in the company's Slack workspace).
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_status_check
    CHECK (status IN ('PENDING', 'QUEUED', 'SENT', 'FAILED', 'SKIPPED'));
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_event_or_body
    CHECK (event IS NOT NULL OR (recipient_email IS NOT NULL AND subject IS NOT NULL AND body_text IS NOT NULL
                                 AND body_html IS NOT NULL));
CREATE INDEX notification_outbox_queued_idx ON notification_outbox (next_attempt_at) WHERE status IN ('PENDING', 'QUEUED');

-- Per-person opt-outs of a chat channel, per kind (a missing row means "on"). E-mail opt-outs stay
-- in notification_preferences; turning Slack off never turns e-mail off.
CREATE TABLE notification_channel_preferences (
    company_id  uuid NOT NULL,
    employee_id uuid NOT NULL,
    channel     text NOT NULL CHECK (channel IN ('SLACK')),
    kind        text NOT NULL CHECK (kind ~ '^[A-Z_]{1,64}$'),
    enabled     boolean NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, employee_id, channel, kind),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id)
);

-- A company's Slack app (its admins configure it). Token and signing secret are encrypted by the
-- application (SecretBox, the company id bound as associated data) and never returned by the API.
-- team_id is the workspace the token belongs to (auth.test): interactions of another workspace are refused.
CREATE TABLE company_slack (
    company_id                uuid PRIMARY KEY REFERENCES companies (id),
    team_id                   text NOT NULL CHECK (team_id ~ '^[A-Z0-9]{1,32}$'),
    team_name                 text CHECK (length(team_name) <= 200),
    bot_user_id               text CHECK (length(bot_user_id) <= 32),
    bot_token_ciphertext      text NOT NULL,
    signing_secret_ciphertext text NOT NULL,
    updated_by                uuid NOT NULL,
    updated_at                timestamptz NOT NULL DEFAULT now()
);

-- A company's Microsoft Teams incoming webhook (Teams Workflows). The URL is a credential (whoever
-- has it can post): encrypted like the Slack secrets; only its host is shown.
CREATE TABLE company_teams (
    company_id             uuid PRIMARY KEY REFERENCES companies (id),
    webhook_url_ciphertext text NOT NULL,
    webhook_host           text NOT NULL CHECK (length(webhook_host) BETWEEN 1 AND 253),
    updated_by             uuid NOT NULL,
    updated_at             timestamptz NOT NULL DEFAULT now()
);

-- users.lookupByEmail answers, cached per employee. A changed e-mail address (email_key) or a failed
-- direct message re-resolves; slack_user_id NULL = not in the workspace (asked again after an hour).
CREATE TABLE slack_users (
    company_id    uuid NOT NULL,
    employee_id   uuid NOT NULL,
    email_key     text NOT NULL,
    slack_user_id text CHECK (slack_user_id ~ '^[A-Z0-9]{1,32}$'),
    resolved_at   timestamptz NOT NULL,
    PRIMARY KEY (company_id, employee_id),
    FOREIGN KEY (company_id, employee_id) REFERENCES employees (company_id, id)
);
CREATE INDEX slack_users_user_idx ON slack_users (company_id, slack_user_id);

-- The direct message that asked an approver to decide a request, so that a decision (from Slack or
-- the web app) updates every approver's message.
CREATE TABLE slack_messages (
    company_id  uuid NOT NULL,
    request_id  uuid NOT NULL,
    employee_id uuid NOT NULL,
    channel_id  text NOT NULL CHECK (length(channel_id) BETWEEN 1 AND 32),
    ts          text NOT NULL CHECK (length(ts) BETWEEN 1 AND 32),
    posted_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, request_id, employee_id),
    FOREIGN KEY (company_id, request_id) REFERENCES requests (company_id, id)
);

-- Signatures of Slack interaction requests already accepted (SHA-256 of the header value). Kept in
-- PostgreSQL so that every API task refuses a replay; rows older than the 5-minute window are
-- deleted (a replay that old is refused for its timestamp anyway).
CREATE TABLE slack_seen_signatures (
    company_id     uuid NOT NULL,
    signature_hash text NOT NULL CHECK (length(signature_hash) = 64),
    seen_at        timestamptz NOT NULL,
    PRIMARY KEY (company_id, signature_hash)
);
CREATE INDEX slack_seen_signatures_seen_idx ON slack_seen_signatures (seen_at);
