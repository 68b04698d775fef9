package com.powerpto.calendar;

import com.powerpto.support.ApiTest;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bench/calendar: the whole-company feed of a 500-person company (4 approved requests each in the
 * feed's window, 2,000 events) over real HTTP. Not part of the normal suite (the name does not end
 * in Test); run with {@code mvn -o -q test -Dtest=CalendarFeedBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints p50/p95/max of 100 fetches after 20 warm-ups, of 100 gzip fetches, of 100 revalidations
 * (If-None-Match → 304) and of 30 fetches right after a change, and EXPLAIN ANALYZE of the repository's
 * own query texts with the poll's real parameters; fails when the full-body median, the gzip median,
 * the revalidation p95 or the re-render p95 reaches 100 ms.
 */
class CalendarFeedBench extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void companyFeedOf500People() throws Exception {
        World world = fixtures.newWorld();
        UUID company = world.companyId();
        UUID policy = world.timePolicy("vacation", Map.of());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < 500; i++) {
            UUID employee = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO employees (company_id, id, first_name, last_name, email)
                    VALUES (:c, :id, :first, :last, :email)
                    """).param("c", company).param("id", employee).param("first", "Person" + i).param("last", "Bench")
                    .param("email", "p" + i + "." + employee.toString().substring(0, 8) + "@bench.test").update();
            for (int k = 0; k < 4; k++) {
                Instant start = today.plusDays(10 + 20L * k + (i % 7)).atStartOfDay(ZoneOffset.UTC).toInstant();
                jdbc.sql("""
                        INSERT INTO requests (company_id, id, employee_id, policy_id, start_at, end_at, requested_minutes,
                                              status, submitted_at, decided_at, created_at, updated_at)
                        VALUES (:c, :id, :e, :p, :s, :end, 480, 'APPROVED', now(), now(), now(), now())
                        """).param("c", company).param("id", UUID.randomUUID()).param("e", employee).param("p", policy)
                        .param("s", Timestamp.from(start)).param("end", Timestamp.from(start.plusSeconds(86400))).update();
            }
        }
        jdbc.sql("ANALYZE requests, employees").update(); // as autovacuum would have by then: the plans below are realistic
        world.asAdmin().put(world.base() + "/employees/" + world.admin.id() + "/account",
                Map.of("role", "admin", "password", "a long password 1")).expect(200);
        String token = world.asAdmin().post("/api/me/calendar-feeds", Map.of("scope", "company")).expectJson(201)
                .path("token").asText();
        String path = "/api/calendar/" + token + ".ics";
        String body = http.get(path).expect(200).text();
        int events = body.split("BEGIN:VEVENT", -1).length - 1;
        assertThat(events).isEqualTo(2000);
        for (int i = 0; i < 20; i++) {
            http.get(path).expect(200);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t0 = System.nanoTime();
            http.get(path).expect(200);
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(millis);
        String etag = http.get(path).expect(200).header("ETag");
        List<Double> revalidate = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t0 = System.nanoTime();
            assertThat(http.header("If-None-Match", etag).get(path).status()).isEqualTo(304);
            revalidate.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(revalidate);

        // gzip, what calendar apps ask for (Accept-Encoding: gzip).
        var client = java.net.http.HttpClient.newHttpClient();
        var gzipRequest = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.baseUrl() + path))
                .header("Accept-Encoding", "gzip").build();
        int gzipBytes = 0;
        List<Double> gzip = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t0 = System.nanoTime();
            var response = client.send(gzipRequest, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            gzip.add((System.nanoTime() - t0) / 1e6);
            gzipBytes = response.body().length;
        }
        Collections.sort(gzip);

        // After a change (one request touched): the fingerprint moves, the feed is rendered again.
        List<Double> rerender = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            jdbc.sql("UPDATE requests SET updated_at = clock_timestamp() WHERE company_id = :c AND id = "
                    + "(SELECT id FROM requests WHERE company_id = :c ORDER BY id LIMIT 1)").param("c", company).update();
            long t0 = System.nanoTime();
            http.get(path).expect(200);
            rerender.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(rerender);

        System.out.printf("CALENDAR BENCH: 500 people, %d events, %d bytes (gzip %d); full body: p50 %.1f ms, p95 %.1f ms,"
                        + " max %.1f ms; gzip: p50 %.1f ms, p95 %.1f ms; If-None-Match (304): p50 %.1f ms, p95 %.1f ms;"
                        + " after a change (re-render): p50 %.1f ms, p95 %.1f ms; %s%n", events, body.length(), gzipBytes,
                millis.get(49), millis.get(94), millis.get(99), gzip.get(49), gzip.get(94), revalidate.get(49),
                revalidate.get(94), rerender.get(14), rerender.get(28), machine());
        for (String plan : plans(company, world.admin.id(), token)) {
            System.out.println("CALENDAR BENCH PLAN: " + plan);
        }
        assertThat(millis.get(49)).as("full body p50").isLessThan(100.0);
        assertThat(gzip.get(49)).as("gzip p50").isLessThan(100.0);
        assertThat(revalidate.get(94)).as("304 p95").isLessThan(100.0);
        assertThat(rerender.get(28)).as("re-render after a change p95").isLessThan(100.0);
    }

    /** The machine and its load while the bench ran (the figures mean little without it). */
    private static String machine() {
        String cpu = "?";
        String load = "?";
        try {
            cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
            load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: leave the question marks
        }
        return Runtime.getRuntime().availableProcessors() + " cpu (" + cpu + "), load average " + load;
    }

    /**
     * EXPLAIN ANALYZE of the two queries every poll runs (token lookup, fingerprint) and of the
     * rendering query: the repository's own texts, with the parameters a poll of this feed binds.
     */
    private List<String> plans(UUID company, UUID owner, String token) {
        Instant now = Instant.now();
        Map<String, Object> poll = new HashMap<>();
        poll.put("hash", CalendarFeedService.sha256(token));
        poll.put("now", Timestamp.from(now));
        Map<String, Object> window = new HashMap<>();
        window.put("company", company);
        window.put("person", owner);
        window.put("manager", null);
        window.put("from", Timestamp.from(now.minus(CalendarFeedService.PAST)));
        window.put("to", Timestamp.from(now.plus(CalendarFeedService.FUTURE)));
        List<String> out = new ArrayList<>();
        // The top node's row count shows the parameters are the real ones: the live feed, its 2,000 events.
        out.add(explain("token lookup", CalendarFeedRepository.BY_TOKEN_HASH, poll, "actual rows=1 "));
        out.add(explain("fingerprint", CalendarFeedRepository.fingerprintSql("COMPANY"), window, "actual rows=1 "));
        out.add(explain("render", CalendarFeedRepository.absencesSql("COMPANY", CalendarFeedRepository.Pending.NONE), window,
                "actual rows=2000 "));
        return out;
    }

    private String explain(String name, String sql, Map<String, Object> parameters, String topRows) {
        List<String> lines = jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + sql).params(parameters)
                .query(String.class).list();
        assertThat(lines.get(0)).as(name).contains(topRows);
        return name + ": " + String.join(" | ", lines.stream().map(String::trim).toList());
    }
}
