-- Least privilege for the running application (docs/operations.md, "Database roles").
-- power_pto_app is a NOLOGIN group role: the API/worker login users (the DATABASE_URL user) are
-- members of it; migrations run as the schema owner. The role may read and append to the ledger
-- and the audit log but never change or remove their rows, whatever happens to the append-only
-- triggers (only the owner can disable those); everything else it may read and write.
-- Roles are cluster-wide: guarded so that every database of one cluster can run this.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'power_pto_app') THEN
        CREATE ROLE power_pto_app NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- another database of the cluster created it at the same moment
END
$$;

GRANT USAGE ON SCHEMA public TO power_pto_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO power_pto_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO power_pto_app;

REVOKE UPDATE, DELETE, TRUNCATE ON ledger_entries, audit_log FROM power_pto_app;
GRANT SELECT, INSERT ON ledger_entries, audit_log TO power_pto_app;

-- Tables and sequences that later migrations create (as the same owner) get full DML by default;
-- a later append-only table must REVOKE UPDATE, DELETE from power_pto_app explicitly.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO power_pto_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO power_pto_app;
