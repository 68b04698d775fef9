package com.powerpto.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.database.EmbeddedDatabase;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class FoundationApiTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void healthIsOkWithTheDatabaseUpOnBothPaths() {
        for (String path : new String[]{"/health", "/api/health"}) {
            JsonNode body = http.get(path).expectJson(200);
            assertThat(body.path("status").asText()).isEqualTo("ok");
            assertThat(body.path("environment").asText()).isEqualTo("development");
            assertThat(body.has("version")).isTrue();
        }
    }

    @Test
    void healthIs503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        var server = EmbeddedDatabase.server();
        server.stopServer();
        try {
            Http.Response down = http.get("/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().path("status").asText()).isEqualTo("error");
            // Liveness stays 200: ECS must not replace every task during a database failover.
            for (String live : new String[]{"/health/live", "/api/health/live"}) {
                JsonNode alive = http.get(live).expectJson(200);
                assertThat(alive.path("status").asText()).isEqualTo("ok");
            }
        } finally {
            server.startServer();
        }
        JsonNode up = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            Http.Response response = http.get("/health");
            if (response.status() == 200) {
                up = response.json();
                break;
            }
            Thread.sleep(200);
        }
        assertThat(up).as("health back to 200 without a restart").isNotNull();
        assertThat(up.path("status").asText()).isEqualTo("ok");
    }

    @Test
    void migrationsAreAppliedAndARerunIsANoOp() {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        assertThat(flyway.info().current().getVersion().getVersion()).isNotBlank();
        assertThat(Arrays.stream(flyway.info().pending())).isEmpty();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void unknownRouteIs404WithTheErrorShape() {
        Person admin = fixtures.newCompanyAdmin();
        http.as(admin).get("/api/no-such-thing").expectError(404);
        http.as(admin).get("/api/companies/" + admin.companyId() + "/nothing-here").expectError(404);
    }

    @Test
    void wrongMethodIs405AndWrongContentTypeIs415() {
        Person admin = fixtures.newCompanyAdmin();
        http.as(admin).send("PATCH", "/api/health", null, null).expectError(405);
        http.as(admin).send("POST", "/api/companies/" + admin.companyId() + "/holidays", "date=2026-01-01", "text/plain")
                .expectError(415);
    }

    /**
     * Issue 27: routes are asked for their path before their methods, and Spring Security no
     * longer resolves the handler a second time in front of every request. The answers stay
     * Spring MVC's own: a known path with another method is 405 with the methods it has, a path
     * one segment longer than a route is 404, HEAD is served by a GET route.
     */
    @Test
    void routesWithPathVariablesAnswerAsBefore(CapturedOutput output) {
        World world = fixtures.newWorld();
        Person ann = world.employee("Ann", null);
        String balances = world.base() + "/employees/" + ann.id() + "/balances";
        world.asAdmin().get(balances).expect(200);
        Http.Response wrongMethod = world.asAdmin().send("DELETE", balances, null, null);
        wrongMethod.expectError(405);
        assertThat(wrongMethod.header("Allow")).contains("GET");
        world.asAdmin().get(balances + "/more").expectError(404);
        world.asAdmin().send("HEAD", balances, null, null).expect(200);
        assertThat(output.getAll()).doesNotContain("Mapped to ");
        assertThat(context.getBean("springSecurityFilterChain"))
                .isInstanceOf(com.powerpto.platform.security.SecurityChainWithoutHandlerLookup.PathParsingChainProxy.class);
    }

    @Autowired
    private ApplicationContext context;

    /**
     * The routes a path shape reaches are remembered: paths of one shape (other employees) reach the
     * same route, paths of another shape their own — a UUID where a route has a literal is no route,
     * a non-UUID where a route has a variable is still that route.
     */
    @Test
    void pathsOfOneShapeReachOneRouteAndOtherShapesTheirOwn() {
        World world = fixtures.newWorld();
        UUID policy = world.timePolicy("vacation", java.util.Map.of());
        String employees = world.base() + "/employees/";
        for (String name : new String[]{"Ann", "Bob", "Cy"}) {
            Person person = world.employee(name, null);
            world.assign(policy, person, "2024-01-01", null);
            JsonNode balance = world.asAdmin().get(employees + person.id() + "/balances").expectJson(200).path("items").get(0);
            assertThat(balance.has("accrued_minutes")).as(name).isTrue();
            JsonNode assignment = world.asAdmin().get(employees + person.id() + "/assignments").expectJson(200).path("items").get(0);
            assertThat(assignment.path("employee_id").asText()).isEqualTo(person.id().toString());
            assertThat(assignment.has("accrued_minutes")).isFalse();
            JsonNode noRoute = world.asAdmin().get(employees + person.id() + "/" + UUID.randomUUID()).expectError(404);
            assertThat(noRoute.path("code").asText()).isEqualTo("no_such_route");
        }
        JsonNode notAnId = world.asAdmin().get(employees + "not-an-id/balances").json();
        assertThat(notAnId.path("code").asText()).isNotEqualTo("no_such_route").isNotBlank();
    }


    @Test
    void malformedJsonIs422() {
        Person admin = fixtures.newCompanyAdmin();
        JsonNode error = http.as(admin).post("/api/companies/" + admin.companyId() + "/holidays", "{\"date\": ").expectError(422);
        assertThat(error.path("error").asText()).contains("JSON");
    }

    @Test
    void oversizedBodyIs413WithTheErrorShape() {
        Person admin = fixtures.newCompanyAdmin();
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        http.as(admin).post("/api/companies/" + admin.companyId() + "/holidays", huge).expectError(413);
    }

    @Test
    void unauthenticatedApiCallIs401AndTheRequestIdIsEchoed() {
        Http.Response response = http.header("X-Request-Id", "req-abc-123").get("/api/companies/" + UUID.randomUUID() + "/policies");
        response.expectError(401);
        assertThat(response.header("X-Request-Id")).isEqualTo("req-abc-123");
        assertThat(http.get("/health").header("X-Request-Id")).isNotBlank();
    }

    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    /**
     * Issue 27: Spring Security no longer wraps each filter, authentication and authorization of
     * every request in its own observation (they cost CPU on every request and fed metrics nobody
     * reads); the request itself is still timed.
     */
    @Test
    void requestsAreTimedWithoutAnObservationPerSecurityFilter() {
        Person admin = fixtures.newCompanyAdmin();
        http.as(admin).get("/api/companies/" + admin.companyId() + "/policies").expect(200);
        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters()).noneMatch(m -> m.getId().getName().startsWith("spring.security."));
    }

    @Test
    void aRequestWithoutAnIdGetsAFreshVersion4Uuid() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            String id = http.get("/api/health").header("X-Request-Id");
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(parsed.toString()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(5);
    }

    @Test
    void requestLogLineCarriesThePlanFields(CapturedOutput output) throws Exception {
        Person admin = fixtures.newCompanyAdmin();
        http.as(admin).header("X-Request-Id", "log-check-42").get("/api/companies/" + admin.companyId() + "/audit-log").expect(200);
        JsonNode line = null;
        for (String text : output.getOut().split("\n")) {
            if (text.contains("log-check-42") && text.contains("audit-log")) {
                line = Http.JSON.readTree(text);
            }
        }
        assertThat(line).as("a JSON request log line").isNotNull();
        assertThat(line.path("timestamp").asText()).isNotBlank();
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("service").asText()).isEqualTo("api");
        assertThat(line.path("request_id").asText()).isEqualTo("log-check-42");
        assertThat(line.path("company_id").asText()).isEqualTo(admin.companyId().toString());
        assertThat(line.path("user_id").asText()).isEqualTo(admin.id().toString());
        assertThat(line.path("message").asText()).contains("GET").contains("200");
        assertThat(line.path("duration_ms").isIntegralNumber()).isTrue();
    }

    @Test
    void foreignCompanyPathIs403() {
        Person admin = fixtures.newCompanyAdmin();
        Person other = fixtures.newCompanyAdmin();
        http.as(admin).get("/api/companies/" + other.companyId() + "/audit-log").expectError(403);
        http.as(new Person(admin.companyId(), admin.id(), Role.EMPLOYEE))
                .get("/api/companies/" + admin.companyId() + "/audit-log").expectError(403);
    }
}
