package com.powerpto.reliability;

import com.powerpto.platform.backup.LogicalBackup;
import com.powerpto.platform.database.DatabaseUrl;
import com.powerpto.platform.database.EmbeddedDatabase;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local backup/restore drill (docs/operations.md): dump the test database with
 * {@link LogicalBackup} (COPY), restore it into a NEW database on the same server that Flyway
 * migrated, with the append-only triggers on (restore only inserts), and find every balance,
 * ledger sum and row count identical.
 */
class BackupRestoreDrillTest extends ReliabilityApiTest {

    @TempDir
    Path backup;

    @Test
    void aDumpRestoredIntoAFreshlyMigratedDatabaseHasIdenticalBalances() throws Exception {
        World world = active();
        long started = System.nanoTime();
        LogicalBackup.Manifest dumped;
        try (Connection source = dataSource.getConnection()) {
            dumped = LogicalBackup.dump(source, backup);
        }
        long dumpMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(dumped.rowCounts().get("ledger_entries")).isPositive();
        List<String> order = dumped.tables().stream().map(LogicalBackup.Table::name).toList();
        assertThat(order.indexOf("companies")).isLessThan(order.indexOf("employees"));
        assertThat(order.indexOf("employees")).isLessThan(order.indexOf("ledger_entries"));
        assertThat(order.indexOf("policy_versions")).isLessThan(order.indexOf("ledger_entries"));
        assertThat(order).doesNotContain("flyway_schema_history");

        String name = "pto_drill_" + Long.toHexString(System.nanoTime());
        String url = Databases.create(name);
        try {
            Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
            started = System.nanoTime();
            try (Connection target = DriverManager.getConnection(url)) {
                LogicalBackup.restore(target, backup);
                long restoreMillis = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("[drill] %d tables, %d rows: dump %d ms, restore %d ms (schema version %s)%n",
                        dumped.tables().size(), dumped.rows(), dumpMillis, restoreMillis, dumped.schemaVersion());
                try (Connection source = dataSource.getConnection()) {
                    for (String query : List.of(
                            "SELECT company_id, employee_id, policy_id, accrued_minutes, used_minutes, held_minutes"
                                    + " FROM balance_snapshots ORDER BY 1, 2, 3",
                            "SELECT company_id, employee_id, policy_id, entry_type, sum(amount_minutes), count(*)"
                                    + " FROM ledger_entries GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
                            "SELECT company_id, id, status, requested_minutes FROM requests ORDER BY 1, 2",
                            "SELECT count(*), sum(hashtext(id::text || action)) FROM audit_log")) {
                        assertThat(rows(target, query)).as(query).isEqualTo(rows(source, query));
                    }
                    for (LogicalBackup.Table table : dumped.tables()) {
                        assertThat(rows(target, "SELECT count(*) FROM " + table.name()))
                                .as(table.name()).isEqualTo(List.of(List.of(String.valueOf(table.rows()))));
                    }
                    // The seeded company in particular, through the reconciliation query's logic.
                    assertThat(rows(target, balancesOf(world.companyId()))).isEqualTo(rows(source, balancesOf(world.companyId())))
                            .isNotEmpty();
                }
                // The restored ledger is still append-only, and a second restore into a non-empty database is refused.
                assertThatThrownBy(() -> exec(target, "DELETE FROM ledger_entries")).hasMessageContaining("append-only");
                assertThatThrownBy(() -> LogicalBackup.restore(target, backup)).hasMessageContaining("not empty");
            }
        } finally {
            DatabaseUrl server = EmbeddedDatabase.shared(null, 0);
            try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password())) {
                exec(admin, "DROP DATABASE " + name + " WITH (FORCE)");
            }
        }
    }

    private static String balancesOf(UUID companyId) {
        return "SELECT b.employee_id, b.policy_id, b.accrued_minutes - b.used_minutes - b.held_minutes,"
                + " (SELECT coalesce(sum(amount_minutes), 0) FROM ledger_entries l WHERE l.company_id = b.company_id"
                + "  AND l.employee_id = b.employee_id AND l.policy_id = b.policy_id)"
                + " FROM balance_snapshots b WHERE b.company_id = '" + companyId + "' ORDER BY 1, 2";
    }

    /** A company with some of everything: grants, requests in every state, a holiday, an accrual run. */
    private World active() {
        World world = fixtures.newWorld();
        Person max = world.manager("Max");
        Person emma = world.employee("Emma", max.id());
        Person noah = world.employee("Noah", max.id());
        UUID vacation = world.timePolicy("vacation", Map.of());
        UUID sick = world.unlimitedPolicy("sick");
        for (Person p : List.of(emma, noah)) {
            world.assign(vacation, p, "2026-01-01", null);
            world.assign(sick, p, "2026-01-01", null);
            world.adjust(p, vacation, 10 * 480, "ten days");
        }
        world.holiday("2027-12-24", "Christmas Eve");
        world.asAdmin().post(world.base() + "/accruals/trigger?target_date=2026-01-01", null).expect(200);
        String approved = world.submit(emma, vacation, "2027-03-01T00:00", "2027-03-03T00:00").expectJson(201).path("id").asText();
        world.approve(world.admin, approved);
        String denied = world.submit(noah, vacation, "2027-04-01T00:00", "2027-04-02T00:00").expectJson(201).path("id").asText();
        world.asAdmin().post(world.base() + "/requests/" + denied + "/deny", null).expect(200);
        String cancelled = world.submit(noah, vacation, "2027-05-03T00:00", "2027-05-04T00:00").expectJson(201).path("id").asText();
        world.as(noah).post(world.base() + "/requests/" + cancelled + "/cancel", null).expect(200);
        world.submit(emma, vacation, "2027-06-01T00:00", "2027-06-02T00:00").expect(201);
        world.submit(noah, sick, "2027-02-01T00:00", "2027-02-02T00:00").expect(201);
        assertThat(ledgerService.reconcile(world.companyId()).mismatches()).isEmpty();
        return world;
    }

    private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getString(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void exec(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
