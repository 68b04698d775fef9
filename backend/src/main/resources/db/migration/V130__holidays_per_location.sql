-- Holidays per location (issue 28). A holiday may apply to one location only (null = the whole
-- company, as before) and may be a half day. One holiday per date and scope: the unique key
-- becomes (company, date, location compared case-insensitively), under the SAME constraint name,
-- so the previous release's "INSERT … ON CONFLICT ON CONSTRAINT holidays_date_uq" keeps working
-- during a rolling deploy (it only writes company-wide rows, whose key is the empty string).
ALTER TABLE holidays
    ADD COLUMN location     text CHECK (length(location) BETWEEN 1 AND 100),
    ADD COLUMN half_day     boolean NOT NULL DEFAULT false,
    ADD COLUMN location_key text GENERATED ALWAYS AS (coalesce(lower(location), '')) STORED;

ALTER TABLE holidays
    DROP CONSTRAINT holidays_date_uq,
    ADD CONSTRAINT holidays_date_uq UNIQUE (company_id, date, location_key);

-- A company's locations: names matched case-insensitively with employees.location and
-- holidays.location; a location may be bound to a holiday preset (ISO 3166 country, optional
-- region; holidays named in preset_language, default English), whose holidays the worker imports
-- (on binding, and next year's each December).
-- holidays_filled_through: the last year imported for the current binding (null = none yet).
CREATE TABLE locations (
    company_id              uuid NOT NULL REFERENCES companies (id),
    id                      uuid NOT NULL,
    name                    text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    name_key                text GENERATED ALWAYS AS (lower(name)) STORED,
    preset_country          text CHECK (preset_country ~ '^[A-Z]{2}$'),
    preset_region           text CHECK (preset_region ~ '^[A-Z0-9]{1,3}$'),
    preset_language         text CHECK (preset_language ~ '^[a-z]{2}$'),
    holidays_filled_through integer,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    CONSTRAINT locations_name_uq UNIQUE (company_id, name_key),
    CHECK (preset_region IS NULL OR preset_country IS NOT NULL)
);
-- The worker looks for bound locations whose holidays are not filled in up to the target year.
CREATE INDEX locations_bound_idx ON locations (holidays_filled_through) WHERE preset_country IS NOT NULL;

-- Approved and submitted requests whose duration a holiday change or a location change may have
-- changed: listed to admins until one audited action corrects them (or finds nothing to correct).
CREATE TABLE request_duration_reviews (
    company_id  uuid NOT NULL,
    request_id  uuid NOT NULL,
    cause       text NOT NULL CHECK (length(cause) BETWEEN 1 AND 300),
    touched_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, request_id),
    FOREIGN KEY (company_id, request_id) REFERENCES requests (company_id, id)
);

-- Each duration correction of a request posts under its own key: duration:<request>:<revision>.
ALTER TABLE requests ADD COLUMN duration_revision integer NOT NULL DEFAULT 0;

-- Employees are found by location (case-insensitively) when a located holiday changes.
CREATE INDEX IF NOT EXISTS employees_location_key_idx ON employees (company_id, lower(location)) WHERE location IS NOT NULL;

-- Locations are audited as their own entity; the constraint is rebuilt from its current definition
-- so that values other migrations added stay allowed.
DO $$
DECLARE
    def text;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
    WHERE conrelid = 'audit_log'::regclass AND conname = 'audit_log_entity_type_check';
    IF def IS NOT NULL AND position('LOCATION' IN def) = 0 THEN
        def := replace(def, '''ACCRUAL''::text', '''ACCRUAL''::text, ''LOCATION''::text');
        EXECUTE 'ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_type_check, ADD CONSTRAINT audit_log_entity_type_check ' || def;
    END IF;
END
$$;
