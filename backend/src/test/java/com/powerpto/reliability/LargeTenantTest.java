package com.powerpto.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company of 50,000 employees with 200,000 ledger entries, in a database of its own (so the rest
 * of the suite never scans it): every list stays paginated and fast, and the CSV ledger export
 * streams in constant memory.
 */
class LargeTenantTest extends ApiTest {

    static final int EMPLOYEES = 50_000;
    static final int ENTRIES_PER_EMPLOYEE = 4;
    static final long PAGE_BOUND_MS = 2_000;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        String url = Databases.create("pto_large_" + Long.toHexString(System.nanoTime()));
        registry.add("pto.database.url", () -> url);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void fiftyThousandEmployeesListFastAndTheLedgerExportStreamsInConstantMemory() throws Exception {
        World world = fixtures.newWorld();
        UUID policy = world.timePolicy("vacation", Map.of());
        UUID company = world.companyId();
        long seeding = System.nanoTime();
        seed(company, world.admin.id(), policy);
        System.out.printf("[large] seeded %d employees, %d assignments, %d ledger entries, %d audit rows in %d ms%n",
                EMPLOYEES, EMPLOYEES, EMPLOYEES * ENTRIES_PER_EMPLOYEE, EMPLOYEES, (System.nanoTime() - seeding) / 1_000_000);

        UUID someone = jdbc.sql("SELECT id FROM employees WHERE company_id = :c AND email = 'e25000@large.test'")
                .param("c", company).query(UUID.class).single();
        record Listing(String path, long total) {
        }
        long all = EMPLOYEES + 1; // plus the admin
        List<Listing> listings = List.of(
                new Listing("/employees", all),
                new Listing("/employees?manager_id=" + managerOf(company, 7), EMPLOYEES / 100 - 1),
                new Listing("/policies/" + policy + "/assignments", EMPLOYEES),
                new Listing("/reports/balances", EMPLOYEES),
                new Listing("/reports/ledger", (long) EMPLOYEES * ENTRIES_PER_EMPLOYEE),
                new Listing("/reports/ledger?employee_id=" + someone, ENTRIES_PER_EMPLOYEE),
                new Listing("/employees/" + someone + "/ledger", ENTRIES_PER_EMPLOYEE),
                new Listing("/audit-log?entity_type=EMPLOYEE", EMPLOYEES + 1),
                new Listing("/requests", 0),
                new Listing("/holidays", 0));
        Http admin = world.asAdmin();
        List<String> figures = new ArrayList<>();
        for (Listing listing : listings) {
            String separator = listing.path().contains("?") ? "&" : "?";
            List<Long> offsets = List.of(0L, listing.total() / 2, Math.max(0, listing.total() - 100));
            StringBuilder line = new StringBuilder(String.format("%-70s total %7d:", listing.path().replace(company.toString(), "{cid}"), listing.total()));
            for (long offset : offsets) {
                long started = System.nanoTime();
                JsonNode page = admin.get(world.base() + listing.path() + separator + "limit=100&offset=" + offset).expectJson(200);
                long millis = (System.nanoTime() - started) / 1_000_000;
                line.append(String.format(" offset %d %d ms;", offset, millis));
                assertThat(page.path("total").asLong()).as(listing.path()).isEqualTo(listing.total());
                assertThat(page.path("items").size()).as(listing.path()).isEqualTo((int) Math.min(100, listing.total() - offset));
                assertThat(millis).as(listing.path() + " at offset " + offset).isLessThan(PAGE_BOUND_MS);
            }
            // Without a limit the default page (50) applies — except the two lists the contract answers
            // whole (shared/spec/api.md, "Pagination"; issue 26), which stop at 10,000 rows.
            long started = System.nanoTime();
            JsonNode unpaged = admin.get(world.base() + listing.path()).expectJson(200);
            long unpagedMillis = (System.nanoTime() - started) / 1_000_000;
            String route = listing.path().replaceAll("\\?.*", "");
            if (route.equals("/employees") || route.equals("/reports/balances")) {
                long rows = Math.min(10_000, listing.total());
                assertThat(unpaged.path("items").size()).as(listing.path()).isEqualTo((int) rows);
                assertThat(unpaged.path("total").asLong()).as(listing.path()).isEqualTo(listing.total());
                line.append(String.format(" no limit (%d rows) %d ms;", rows, unpagedMillis));
            } else {
                assertThat(unpaged.path("items").size()).as(listing.path()).isLessThanOrEqualTo(50);
            }
            figures.add(line.toString());
        }
        figures.forEach(f -> System.out.println("[large] " + f));

        exportStreamsInConstantMemory(world, (long) EMPLOYEES * ENTRIES_PER_EMPLOYEE);
    }

    private void exportStreamsInConstantMemory(World world, long rows) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc();
        // A raw socket, so that nothing on the client side reads ahead: any growth is the server's.
        java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
        socket.getOutputStream().write(("GET " + world.base() + "/reports/ledger?format=csv HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Company-Id: " + world.companyId() + "\r\nX-User-Id: " + world.admin.id() + "\r\nX-Role: admin\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        long started = System.nanoTime();
        InputStream raw = new java.io.BufferedInputStream(socket.getInputStream());
        String head = readHead(raw);
        assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: text/csv");
        InputStream body = head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked") ? new Chunked(raw) : raw;
        long lines = 0;
        long bytes = 0;
        long peak = 0;
        List<Long> samples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (lines % (rows / 4) == 0) {
                    // Mid-export: the server is blocked on a full socket, holding whatever it buffers.
                    long sample = usedAfterGc() - baseline;
                    samples.add(sample / 1_000_000);
                    peak = Math.max(peak, sample);
                }
            }
        }
        socket.close();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long growth = Math.max(0, peak);
        System.out.printf("[large] CSV export: %d lines, %.1f MB in %d ms; live heap %.1f MB before, peak growth during export %.1f MB (%.1f%% of the export); max heap %.0f MB; samples at each quarter (MB) %s%n",
                lines, bytes / 1e6, millis, baseline / 1e6, growth / 1e6, 100.0 * growth / bytes,
                memory.getHeapMemoryUsage().getMax() / 1e6, samples);
        assertThat(lines).isEqualTo(rows + 1); // the header
        assertThat(growth).as("heap growth during the export vs its size").isLessThan(bytes / 10);
    }

    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Just enough of HTTP/1.1 chunked transfer coding to read a streamed body. */
    static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line();
                if (size.isEmpty()) {
                    size = line(); // the CRLF that ends the previous chunk
                }
                left = Long.parseLong(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }

    /**
     * Bytes of live objects: the total of a class histogram, which runs a full collection first
     * (System.gc() alone is unreliable while threads sit in socket I/O). Falls back to the heap
     * usage after System.gc() where jcmd is missing.
     */
    private static long usedAfterGc() throws Exception {
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (jcmd.waitFor() == 0) {
                java.util.regex.Matcher total = java.util.regex.Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(histogram);
                if (total.find()) {
                    return Long.parseLong(total.group(1));
                }
            }
        } catch (java.io.IOException noJcmd) {
            // fall through
        }
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private UUID managerOf(UUID company, int n) {
        return jdbc.sql("SELECT md5(:c || 'e' || :n)::uuid").param("c", company.toString()).param("n", n).query(UUID.class).single();
    }

    /** Set-based inserts: managers 1–100, everyone else reporting to one of them, one assignment, four entries each. */
    private void seed(UUID company, UUID admin, UUID policy) {
        Map<String, Object> p = Map.of("c", company, "cs", company.toString(), "a", admin, "p", policy);
        step("""
                INSERT INTO employees (company_id, id, first_name, last_name, email, hire_date, manager_id)
                SELECT :c, md5(:cs || 'e' || i)::uuid, 'First' || i, 'Last' || i, 'e' || i || '@large.test', DATE '2020-01-01',
                       CASE WHEN i <= 100 THEN NULL ELSE md5(:cs || 'e' || (mod(i, 100) + 1))::uuid END
                FROM generate_series(1, 100) i
                """, p);
        step("""
                INSERT INTO employees (company_id, id, first_name, last_name, email, hire_date, manager_id)
                SELECT :c, md5(:cs || 'e' || i)::uuid, 'First' || i, 'Last' || i, 'e' || i || '@large.test', DATE '2020-01-01',
                       md5(:cs || 'e' || (mod(i, 100) + 1))::uuid
                FROM generate_series(101, %d) i
                """.formatted(EMPLOYEES), p);
        step("""
                INSERT INTO assignments (company_id, id, employee_id, policy_id, effective_from, created_by)
                SELECT :c, gen_random_uuid(), id, :p, DATE '2020-01-01', :a FROM employees
                WHERE company_id = :c AND id <> :a
                """, p);
        step("""
                INSERT INTO ledger_entries (company_id, id, employee_id, policy_id, policy_version_id, entry_type, amount_minutes,
                                            effective_at, source_type, source_id, metadata_json)
                SELECT :c, gen_random_uuid(), e.id, :p, v.id, 'ADJUSTMENT', 60 * k, TIMESTAMPTZ '2024-01-01' + k * INTERVAL '1 day',
                       'ADMIN', 'seed:' || e.id || ':' || k, '{"reason": "seed"}'::jsonb
                FROM employees e CROSS JOIN generate_series(1, %d) k
                JOIN policy_versions v ON v.company_id = :c AND v.policy_id = :p AND v.version = 1
                WHERE e.company_id = :c AND e.id <> :a
                """.formatted(ENTRIES_PER_EMPLOYEE), p);
        step("""
                INSERT INTO balance_snapshots (company_id, employee_id, policy_id, accrued_minutes)
                SELECT :c, employee_id, policy_id, sum(amount_minutes) FROM ledger_entries
                WHERE company_id = :c GROUP BY employee_id, policy_id
                """, p);
        step("""
                INSERT INTO audit_log (company_id, id, actor_id, entity_type, entity_id, action, after_json)
                SELECT :c, gen_random_uuid(), :a, 'EMPLOYEE', id, 'CREATE', '{}'::jsonb FROM employees
                WHERE company_id = :c AND id <> :a
                """, p);
        step("ANALYZE", Map.of());
    }

    /** One seeding statement, timed; seeding is not a request, so no statement timeout applies. */
    private void step(String sql, Map<String, Object> params) {
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL statement_timeout = 0").update();
            jdbc.sql(sql).params(params).update();
        });
        System.out.printf("[large] seed step %d ms: %s%n", (System.nanoTime() - started) / 1_000_000,
                sql.strip().lines().findFirst().orElse(""));
    }
}
