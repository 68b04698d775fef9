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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bench/calendar: the whole-company feed of a 500-person company (4 approved requests each in the
 * feed's window, 2,000 events) over real HTTP. Not part of the normal suite (the name does not end
 * in Test); run with {@code mvn -o -q test -Dtest=CalendarFeedBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints p50/p95/max of 100 fetches after 20 warm-ups, and of 100 revalidations (If-None-Match → 304);
 * fails when the full-body median or the revalidation p95 reaches 100 ms.
 */
class CalendarFeedBench extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void companyFeedOf500People() {
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
        jdbc.sql("ANALYZE requests").update();
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
        System.out.printf("CALENDAR BENCH: 500 people, %d events, %d bytes; full body: p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                        + " If-None-Match (304): p50 %.1f ms, p95 %.1f ms%n", events, body.length(), millis.get(49),
                millis.get(94), millis.get(99), revalidate.get(49), revalidate.get(94));
        assertThat(millis.get(49)).isLessThan(100.0);
        assertThat(revalidate.get(94)).isLessThan(100.0);
    }
}
