-- Issue 16: sessions that end when they should, and one e-mail normalisation.
--
-- session_generation: every access token carries the generation it was issued in; raising it
-- (password change or set, reset by invitation, deactivation, sign-out everywhere, termination)
-- ends every token issued before, at the next request.
ALTER TABLE accounts ADD COLUMN session_generation bigint NOT NULL DEFAULT 0;

-- email_key: the e-mail normalised once in Java (NFKC, then lower case with Locale.ROOT), so that
-- storage, sign-in lookup and the login throttle agree whatever the database's locale is
-- (PostgreSQL's lower() follows the collation: with a Turkish libc locale 'I' and 'İ' differ).
-- Written by the application; V81 fills existing rows.
ALTER TABLE employees ADD COLUMN email_key text;
ALTER TABLE accounts ADD COLUMN email_key text;
CREATE INDEX accounts_email_key_idx ON accounts (email_key);

-- Rows written by SQL outside the application (an operator's fix, an old loader) get a key too
-- when the address is plain ASCII: there NFKC changes nothing and lower() under the "C" collation
-- is exactly Java's Locale.ROOT lower case. A non-ASCII address written that way keeps the key
-- the application gave it (or none, and then it cannot sign in: closed, not wrong).
CREATE FUNCTION pto_ascii_email_key(email text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT AS
$$
SELECT CASE WHEN btrim(email) ~ '^[ -~]*$' THEN lower(btrim(email) COLLATE "C") END
$$;

CREATE FUNCTION email_key_default() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.email_key := COALESCE(NEW.email_key, pto_ascii_email_key(NEW.email));
    ELSIF NEW.email IS DISTINCT FROM OLD.email AND NEW.email_key IS NOT DISTINCT FROM OLD.email_key THEN
        NEW.email_key := COALESCE(pto_ascii_email_key(NEW.email), NEW.email_key);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER employees_email_key_default
    BEFORE INSERT OR UPDATE OF email, email_key ON employees
    FOR EACH ROW EXECUTE FUNCTION email_key_default();
CREATE TRIGGER accounts_email_key_default
    BEFORE INSERT OR UPDATE OF email, email_key ON accounts
    FOR EACH ROW EXECUTE FUNCTION email_key_default();

-- The account follows its employee's e-mail (V20); now its key too.
CREATE OR REPLACE FUNCTION accounts_follow_employee_email() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.email IS DISTINCT FROM OLD.email OR NEW.email_key IS DISTINCT FROM OLD.email_key THEN
        UPDATE accounts
           SET email = NEW.email, email_key = COALESCE(NEW.email_key, email_key), updated_at = now()
         WHERE company_id = NEW.company_id AND employee_id = NEW.id;
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER employees_email_to_account ON employees;
CREATE TRIGGER employees_email_to_account
    AFTER UPDATE OF email, email_key ON employees
    FOR EACH ROW EXECUTE FUNCTION accounts_follow_employee_email();
