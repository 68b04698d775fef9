package com.powerpto.reliability;

import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The ledger and the audit log cannot be changed through the application's own connections
 * (append-only triggers), and the least-privilege role power_pto_app (V50) could not change them
 * even without the triggers.
 */
class LedgerImmutabilityTest extends ReliabilityApiTest {

    @Test
    void updateDeleteAndTruncateOfTheLedgerAndTheAuditLogFailThroughTheAppsDataSource() throws Exception {
        World world = seeded();
        String c = "'" + world.companyId() + "'";
        long ledger = count("ledger_entries", world.companyId());
        long audit = count("audit_log", world.companyId());
        assertThat(ledger).isPositive();
        assertThat(audit).isPositive();
        for (String sql : List.of(
                "UPDATE ledger_entries SET amount_minutes = amount_minutes + 1 WHERE company_id = " + c,
                "DELETE FROM ledger_entries WHERE company_id = " + c,
                "TRUNCATE ledger_entries CASCADE",
                "UPDATE audit_log SET action = 'DELETE' WHERE company_id = " + c,
                "DELETE FROM audit_log WHERE company_id = " + c,
                "TRUNCATE audit_log")) {
            SQLException refused = fail(sql, false);
            assertThat(refused.getMessage()).as(sql).contains("is append-only");
            assertThat(refused.getSQLState()).as(sql).isEqualTo("42501");
        }
        assertThat(count("ledger_entries", world.companyId())).isEqualTo(ledger);
        assertThat(count("audit_log", world.companyId())).isEqualTo(audit);
        assertThat(ledgerService.reconcile(world.companyId()).mismatches()).isEmpty();
    }

    @Test
    void theAppRoleMayAppendButNeverChangeTheLedgerEvenWithTheTriggersDisabled() throws Exception {
        World world = seeded();
        String c = "'" + world.companyId() + "'";
        assertThat(jdbc.sql("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'power_pto_app'").query(Boolean.class).single())
                .as("power_pto_app is a NOLOGIN role").isFalse();
        for (String table : List.of("ledger_entries", "audit_log")) {
            assertThat(privileges(table)).as(table).containsExactly(true, true, false, false, false);
        }
        for (String table : List.of("employees", "requests", "balance_snapshots", "policies", "assignments", "holidays")) {
            assertThat(privileges(table)).as(table).containsExactly(true, true, true, true, false);
        }
        long ledger = count("ledger_entries", world.companyId());
        for (String sql : List.of(
                "UPDATE ledger_entries SET amount_minutes = amount_minutes + 1 WHERE company_id = " + c,
                "DELETE FROM ledger_entries WHERE company_id = " + c,
                "TRUNCATE ledger_entries CASCADE",
                "UPDATE audit_log SET action = 'DELETE' WHERE company_id = " + c,
                "DELETE FROM audit_log WHERE company_id = " + c,
                "TRUNCATE audit_log")) {
            // Triggers off (only the owner can do that), then the app role: the privilege check refuses.
            SQLException refused = fail(sql, true);
            assertThat(refused.getMessage()).as(sql).startsWith("ERROR: permission denied for table");
        }
        // What the application does need still works under the role (rolled back).
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL ROLE power_pto_app");
                s.executeQuery("SELECT count(*) FROM ledger_entries WHERE company_id = " + c).close();
                s.execute("INSERT INTO ledger_entries (company_id, id, employee_id, policy_id, policy_version_id, entry_type,"
                        + " amount_minutes, effective_at, source_type, source_id)"
                        + " SELECT company_id, gen_random_uuid(), employee_id, policy_id, policy_version_id, 'ADJUSTMENT', 1, now(),"
                        + " 'ADMIN', 'role-check-' || gen_random_uuid() FROM ledger_entries WHERE company_id = " + c + " LIMIT 1");
                assertThat(s.executeUpdate("UPDATE employees SET first_name = 'Renamed' WHERE company_id = " + c)).isPositive();
                assertThat(s.executeUpdate("UPDATE balance_snapshots SET updated_at = now() WHERE company_id = " + c)).isPositive();
                s.executeUpdate("DELETE FROM holidays WHERE company_id = " + c);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        assertThat(count("ledger_entries", world.companyId())).isEqualTo(ledger);
    }

    /** SELECT, INSERT, UPDATE, DELETE, TRUNCATE of power_pto_app on the table. */
    private List<Boolean> privileges(String table) {
        return jdbc.sql("""
                SELECT has_table_privilege('power_pto_app', :t, 'SELECT'), has_table_privilege('power_pto_app', :t, 'INSERT'),
                       has_table_privilege('power_pto_app', :t, 'UPDATE'), has_table_privilege('power_pto_app', :t, 'DELETE'),
                       has_table_privilege('power_pto_app', :t, 'TRUNCATE')
                """).param("t", table).query((rs, i) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                rs.getBoolean(4), rs.getBoolean(5))).single();
    }

    /** Runs the statement in a transaction that is always rolled back and returns how it failed. */
    private SQLException fail(String sql, boolean asAppRoleWithoutTriggers) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                if (asAppRoleWithoutTriggers) {
                    s.execute("SET LOCAL lock_timeout = '10s'");
                    s.execute("ALTER TABLE ledger_entries DISABLE TRIGGER USER");
                    s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
                    s.execute("SET LOCAL ROLE power_pto_app");
                }
                return catchThrowableOfType(SQLException.class, () -> s.execute(sql));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private long count(String table, UUID companyId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE company_id = :c").param("c", companyId).query(Long.class).single();
    }

    private World seeded() {
        World world = fixtures.newWorld();
        Person emma = world.employee("Emma", null);
        UUID vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 4800, "ten days");
        world.holiday("2027-12-25", "Christmas");
        String id = world.submit(emma, vacation, "2027-03-02T00:00", "2027-03-03T00:00").expectJson(201).path("id").asText();
        world.approve(world.admin, id);
        return world;
    }
}
