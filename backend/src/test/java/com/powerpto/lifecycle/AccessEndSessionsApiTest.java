package com.powerpto.lifecycle;

import com.powerpto.auth.AccessEndSessions;
import com.powerpto.support.ApiTest;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, finding 6: termination never raised the session generation, so a rehire revived the
 * tokens and calendar feed URLs issued before. Now the generation is raised when access ends (the
 * end of the last day in the employee's zone) — not when a future termination is entered, which
 * would sign out someone still working. Dates are relative to the real clock because the
 * database's trigger (V112) compares with the database's own clock.
 */
@Import(MutableClock.Config.class)
class AccessEndSessionsApiTest extends ApiTest {

    static final String PASSWORD = "leaver's password 1";

    @Autowired
    MutableClock clock;
    @Autowired
    AccessEndSessions accessEnd;
    @Autowired
    JdbcClient jdbc;

    World world;
    Person noah;
    String token;
    String feed;

    @BeforeEach
    void signedInWithAFeed() {
        clock.reset();
        world = fixtures.newWorld();
        noah = world.employee("Noah", null);
        world.asAdmin().put(path("/account"), Map.of("role", "employee", "password", PASSWORD)).expect(200);
        String email = world.asAdmin().get(path("")).expectJson(200).path("email").asText();
        token = http.post("/api/auth/login", Map.of("email", email, "password", PASSWORD)).expectJson(200)
                .path("access_token").asText();
        feed = "/api/calendar/" + http.withToken(token).post("/api/me/calendar-feeds", Map.of("scope", "mine"))
                .expectJson(201).path("token").asText() + ".ics";
        http.get(feed).expect(200);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String path(String rest) {
        return world.base() + "/employees/" + noah.id() + rest;
    }

    private long generation() {
        return jdbc.sql("SELECT session_generation FROM accounts WHERE company_id = :c AND employee_id = :e")
                .param("c", noah.companyId()).param("e", noah.id()).query(Long.class).single();
    }

    private int me() {
        return http.withToken(token).get("/api/auth/me").status();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void aFutureTerminationEndsNothingUntilAccessEndsAndThenARehireRevivesNothing() {
        long before = generation();
        world.asAdmin().post(path("/terminate"), Map.of("termination_date", today().plusDays(1).toString())).expect(200);
        assertThat(generation()).as("entering a future termination signs nobody out").isEqualTo(before);
        assertThat(me()).isEqualTo(200);
        http.get(feed).expect(200);

        // The last day is over (UTC zone): the worker's pass ends every session, once.
        clock.set(Instant.now().plus(Duration.ofDays(3)));
        assertThat(accessEnd.run()).isGreaterThanOrEqualTo(1);
        assertThat(generation()).isEqualTo(before + 1);
        accessEnd.run();
        assertThat(generation()).as("once per access end").isEqualTo(before + 1);

        // A rehire needs the employment to have ended (issue 24, decision 0041: before that the
        // termination is withdrawn instead), so it is entered while the clock is past the last day.
        world.asAdmin().post(path("/rehire"), Map.of("hire_date", today().plusDays(5).toString())).expect(200);
        clock.reset();
        assertThat(me()).as("a token from before the termination").isEqualTo(401);
        http.get(feed).expectError(404);
    }

    @Test
    void aRehireBeforeTheWorkerCameByRevivesNothingEither() {
        // A last day already over when it is entered; nobody ran the worker's pass since.
        world.asAdmin().post(path("/terminate"), Map.of("termination_date", today().minusDays(2).toString())).expect(200);
        assertThat(me()).isEqualTo(401);
        http.get(feed).expectError(404);

        world.asAdmin().post(path("/rehire"), Map.of("hire_date", today().toString())).expect(200);
        assertThat(me()).isEqualTo(401);
        http.get(feed).expectError(404);
        // The person signs in afresh.
        String email = world.asAdmin().get(path("")).expectJson(200).path("email").asText();
        String fresh = http.post("/api/auth/login", Map.of("email", email, "password", PASSWORD)).expectJson(200)
                .path("access_token").asText();
        assertThat(http.withToken(fresh).get("/api/auth/me").status()).isEqualTo(200);
    }
}
