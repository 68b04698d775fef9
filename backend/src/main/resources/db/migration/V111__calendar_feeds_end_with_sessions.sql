-- Issue 25 (finding 5): a calendar feed URL is a credential of its own; it now ends with its
-- owner's sessions. Each feed remembers the account's session generation it was made in; the
-- feed answers only while the account is still at that generation, so sign-out everywhere, a
-- password change, an admin's reset, a deactivation or the end of employment ends the URL too.
-- Expand-only: the trigger fills the column on every insert, also for the previous release's
-- code, which does not know the column.
ALTER TABLE calendar_feeds ADD COLUMN session_generation bigint;

UPDATE calendar_feeds f
   SET session_generation = COALESCE((SELECT a.session_generation FROM accounts a
                                       WHERE a.company_id = f.company_id AND a.employee_id = f.employee_id), 0);

ALTER TABLE calendar_feeds ALTER COLUMN session_generation SET NOT NULL;

CREATE FUNCTION calendar_feed_session_generation() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.session_generation := COALESCE((SELECT a.session_generation FROM accounts a
                                         WHERE a.company_id = NEW.company_id AND a.employee_id = NEW.employee_id), 0);
    RETURN NEW;
END;
$$;

CREATE TRIGGER calendar_feeds_session_generation
    BEFORE INSERT ON calendar_feeds
    FOR EACH ROW EXECUTE FUNCTION calendar_feed_session_generation();
