package com.powerpto.reliability;

import com.powerpto.PowerPtoApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: a worker process killed with SIGKILL in the middle of a correction leaves nothing half
 * written, and once a worker runs again the reconciliation is clean. Process level: real child JVMs of
 * the application (modes {@code worker} and {@code reconcile}) on a database of their own on the test's
 * PostgreSQL server, migrated by Flyway. A policy-wide correction of 400 balances is queued (as a
 * backdated policy version queues it); the worker claims 50 balances per transaction; it is killed
 * once a few batches have committed.
 */
class WorkerKillTest {

    static final int EMPLOYEES = 400;
    private final List<Process> started = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    @AfterEach
    void stopChildren() throws Exception {
        started.forEach(Process::destroyForcibly);
        for (Path log : logs) {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void aWorkerKilledDuringACorrectionLeavesTheLedgerReconciled() throws Exception {
        String url = Databases.create("worker_kill_" + UUID.randomUUID().toString().substring(0, 8));
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        UUID company = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(url)) {
            seed(db, company);
            Process worker = run("worker", url);
            long queued = queued(db);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (queued > EMPLOYEES - 100 && System.nanoTime() < deadline && worker.isAlive()) {
                Thread.sleep(20);
                queued = queued(db);
            }
            assertThat(queued).as("a few batches done").isLessThan(EMPLOYEES);
            worker.destroyForcibly(); // SIGKILL: no shutdown hook, the open transaction dies with the connection
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long left = queued(db);
            assertThat(left).as("the kill came in the middle").isPositive();
            // Nothing half written: snapshots = ledger sums; a balance is either corrected whole or still queued.
            assertThat(count(db, SNAPSHOT_MISMATCHES)).isZero();
            assertThat(count(db, "SELECT count(DISTINCT employee_id) FROM ledger_entries")).isEqualTo(EMPLOYEES - left);
            assertThat(count(db, """
                    SELECT count(*) FROM recalc_queue q
                    WHERE EXISTS (SELECT 1 FROM ledger_entries l WHERE l.company_id = q.company_id AND l.employee_id = q.employee_id)
                    """)).isZero();

            Process again = run("worker", url);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (queued(db) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(queued(db)).isZero();
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
            assertThat(count(db, SNAPSHOT_MISMATCHES)).isZero();
        }
        assertThat(runToExit("reconcile", url)).as("make reconcile after the restart").isZero();
    }

    static final String SNAPSHOT_MISMATCHES = """
            SELECT count(*) FROM balance_snapshots b
            FULL JOIN (SELECT company_id, employee_id, policy_id, sum(amount_minutes) AS s FROM ledger_entries
                       GROUP BY 1, 2, 3) l USING (company_id, employee_id, policy_id)
            WHERE coalesce(b.accrued_minutes - b.used_minutes - b.held_minutes, 0) <> coalesce(l.s, 0)
            """;

    /**
     * A company whose 400 employees are on a monthly policy since 1 January 2025 with nothing posted
     * yet, the worker's horizon at today, and every balance queued for a correction.
     */
    private static void seed(Connection db, UUID company) throws SQLException {
        String c = "'" + company + "'";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO companies (id, name) VALUES (" + c + ", 'Kill test')");
            s.execute("INSERT INTO policies (company_id, id, key, category) VALUES (" + c + ", md5(" + c + " || 'p')::uuid, 'vacation', 'VACATION')");
            s.execute("""
                    INSERT INTO policy_versions (company_id, id, policy_id, version, effective_from, type, accrual_method, settings, created_by)
                    VALUES (%1$s, md5(%1$s || 'v')::uuid, md5(%1$s || 'p')::uuid, 1, DATE '2024-01-01', 'ACCRUAL', 'TIME',
                            '{"type": "ACCRUAL", "accrual_method": "TIME", "accrual_frequency": "MONTHLY", "accrual_timing": "START_OF_PERIOD",
                              "rate_minutes_per_month": 800, "proration": "DAYS_ACTIVE", "unit": "DAYS", "allow_negative": false,
                              "bank_cap_minutes": 12000, "tenure_tiers": [], "carryover": {"enabled": true, "cap_minutes": 2400},
                              "expiration": {"enabled": false}}', md5(%1$s || 'a')::uuid)
                    """.formatted(c));
            s.execute("""
                    INSERT INTO employees (company_id, id, first_name, last_name, email, hire_date)
                    SELECT %1$s, md5(%1$s || 'e' || i)::uuid, 'First' || i, 'Last' || i, 'e' || i || '@kill.test',
                           DATE '2025-01-01' + (i %% 200)
                    FROM generate_series(1, %2$d) i
                    """.formatted(c, EMPLOYEES));
            s.execute("""
                    INSERT INTO assignments (company_id, id, employee_id, policy_id, effective_from, created_by)
                    SELECT %1$s, gen_random_uuid(), id, md5(%1$s || 'p')::uuid, DATE '2025-01-01', md5(%1$s || 'a')::uuid
                    FROM employees WHERE company_id = %1$s
                    """.formatted(c));
            s.execute("INSERT INTO job_progress (job, last_completed_date, first_completed_date) VALUES ('accrual', DATE '"
                    + today + "', DATE '2024-01-01')");
            s.execute("""
                    INSERT INTO recalc_queue (company_id, employee_id, policy_id, cause)
                    SELECT company_id, employee_id, policy_id, 'policy version 1 effective 2024-01-01' FROM assignments
                    WHERE company_id = %s
                    """.formatted(c));
        }
    }

    private static long queued(Connection db) throws SQLException {
        return count(db, "SELECT count(*) FROM recalc_queue");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Process run(String mode, String url) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and serial GC: short-lived children start faster (make test time).
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dpto.worker.initial-delay=PT1H", "-Dpto.recalc.poll-interval=PT0.1S", "-Dpto.recalc.batch-size=50",
                "-Dpto.notifications.enabled=false",
                "-cp", System.getProperty("java.class.path"), PowerPtoApplication.class.getName(), mode));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("ENVIRONMENT", "development");
        builder.environment().put("DATABASE_URL", url);
        builder.environment().put("PORT", Integer.toString(freePort()));
        builder.environment().put("PTO_MANAGEMENT_PORT", Integer.toString(freePort()));
        Path log = Files.createTempFile("worker-kill-" + mode, ".log");
        logs.add(log);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private int runToExit(String mode, String url) throws Exception {
        Process process = run(mode, url);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(mode + " ends").isTrue();
        return process.exitValue();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
