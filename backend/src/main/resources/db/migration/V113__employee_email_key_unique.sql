-- Issue 25 (finding 10): email_key (the NFKC, lower-case form of the address, issue 16) is unique
-- per company. Two addresses that fold to one key — "val6@…" and its fullwidth twin "ｖａｌ６@…",
-- different mailboxes — could both be employees, and single sign-on then answered 500 for them.
-- Rows that already share a key keep it on the oldest; the others get a key no address can have,
-- so they cannot sign in by e-mail until an admin corrects the address (closed, not wrong).
WITH ranked AS (
    SELECT company_id, id,
           row_number() OVER (PARTITION BY company_id, email_key ORDER BY created_at, id) AS n
      FROM employees
     WHERE email_key IS NOT NULL
)
UPDATE employees e
   SET email_key = 'duplicate-address:' || e.id
  FROM ranked r
 WHERE r.company_id = e.company_id AND r.id = e.id AND r.n > 1;

CREATE UNIQUE INDEX employees_email_key_uq ON employees (company_id, email_key);
