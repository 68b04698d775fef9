-- Issue 25 (finding 6): the end of employment ends every session, so that a rehire (or a
-- termination moved or withdrawn after access ended) never revives tokens and calendar feed URLs
-- issued before it. Raised when access ends, not when a future termination is entered: the
-- person keeps working, and signed in, until the end of their last day.
--
-- access_ended_at: the employees.access_ends_at whose sessions were ended (at most once each).
-- The worker raises the generation soon after that instant (AccessEndSessions); the trigger
-- below covers a change of access_ends_at after it passed and before the worker came by.
ALTER TABLE accounts ADD COLUMN access_ended_at timestamptz;

CREATE INDEX employees_access_ends_idx ON employees (access_ends_at) WHERE access_ends_at IS NOT NULL;

CREATE FUNCTION end_sessions_of_ended_access() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF OLD.access_ends_at IS NOT NULL AND OLD.access_ends_at <= now()
       AND NEW.access_ends_at IS DISTINCT FROM OLD.access_ends_at THEN
        UPDATE accounts
           SET session_generation = session_generation + 1, access_ended_at = OLD.access_ends_at, updated_at = now()
         WHERE company_id = NEW.company_id AND employee_id = NEW.id
           AND access_ended_at IS DISTINCT FROM OLD.access_ends_at;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER employees_end_sessions_of_ended_access
    AFTER UPDATE OF access_ends_at ON employees
    FOR EACH ROW EXECUTE FUNCTION end_sessions_of_ended_access();
