-- A sign-in account's e-mail is always its employee's e-mail (issue 6). Sign-in looks accounts
-- up by accounts.email (accounts_login_idx), so when an employee's e-mail changes the account
-- must follow in the same transaction; otherwise the old address would keep working and the
-- new one would not. Both columns are unique per company, case-insensitively.

CREATE FUNCTION accounts_follow_employee_email() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.email IS DISTINCT FROM OLD.email THEN
        UPDATE accounts
           SET email = NEW.email, updated_at = now()
         WHERE company_id = NEW.company_id AND employee_id = NEW.id;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER employees_email_to_account
    AFTER UPDATE OF email ON employees
    FOR EACH ROW EXECUTE FUNCTION accounts_follow_employee_email();

UPDATE accounts a
   SET email = e.email, updated_at = now()
  FROM employees e
 WHERE e.company_id = a.company_id AND e.id = a.employee_id AND a.email <> e.email;
