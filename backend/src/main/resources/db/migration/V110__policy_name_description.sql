-- Issue 20: a policy gets an optional display name and description, shown to people instead of
-- its technical key. Both are optional so existing policies and clients keep working unchanged.
ALTER TABLE policies
    ADD COLUMN name        text CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
    ADD COLUMN description text CHECK (description IS NULL OR length(description) <= 2000);
