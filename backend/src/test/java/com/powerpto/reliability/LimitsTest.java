package com.powerpto.reliability;

import com.zaxxer.hikari.HikariDataSource;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Every configured limit answers as documented in docs/limits.md, with the error body and no write. */
class LimitsTest extends ReliabilityApiTest {

    @Value("${pto.max-body-bytes}")
    long maxBodyBytes;
    @Value("${pto.database.connection-timeout-ms}")
    long connectionTimeoutMs;

    private static final HttpClient RAW = HttpClient.newHttpClient();

    @Test
    void aBodyOneByteOverTheLimitIs413WithTheErrorBodyWhetherDeclaredOrStreamed() throws Exception {
        World world = fixtures.newWorld();
        List<String> tables = Checks.companyTables(jdbc);
        Map<String, Long> before = Checks.rowCounts(jdbc, tables, world.companyId());
        // A valid JSON body padded to exactly max + 1 bytes.
        String prefix = "{\"date\":\"2027-01-01\",\"name\":\"";
        String suffix = "\"}";
        byte[] body = (prefix + "x".repeat((int) (maxBodyBytes + 1 - prefix.length() - suffix.length())) + suffix)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isEqualTo(maxBodyBytes + 1);
        for (boolean streamed : new boolean[]{false, true}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.baseUrl() + world.base() + "/holidays"))
                    .header("Content-Type", "application/json")
                    .header("X-Company-Id", world.companyId().toString())
                    .header("X-User-Id", world.admin.id().toString())
                    .header("X-Role", "admin");
            request.POST(streamed
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)) // chunked, no length
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> raw = RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Http.Response response = new Http.Response(raw.statusCode(), raw.body(), raw.headers().map());
            assertThat(response.status()).as("streamed=" + streamed + ": " + response.text()).isEqualTo(413);
            assertThat(Checks.errorShapeProblem(response)).isNull();
        }
        // Exactly at the limit is read (and refused for its content, not its size).
        byte[] atLimit = Arrays.copyOf(body, body.length - 1);
        atLimit[atLimit.length - 2] = '"';
        atLimit[atLimit.length - 1] = '}';
        Http.Response ok = world.asAdmin().send("POST", world.base() + "/holidays",
                new String(atLimit, StandardCharsets.UTF_8), "application/json");
        assertThat(ok.status()).isEqualTo(422);
        assertThat(Checks.rowCounts(jdbc, tables, world.companyId())).isEqualTo(before);
    }

    @Test
    void pageLimitsAre1To100AndOffsetIsNotNegative() {
        World world = fixtures.newWorld();
        Http admin = world.asAdmin();
        for (String list : List.of("/employees", "/policies", "/requests", "/holidays", "/audit-log", "/reports/ledger",
                "/reports/balances", "/employees/" + world.admin.id() + "/ledger")) {
            admin.get(world.base() + list + "?limit=100").expect(200);
            admin.get(world.base() + list + "?limit=101").expectError(422);
            admin.get(world.base() + list + "?limit=0").expectError(422);
            admin.get(world.base() + list + "?offset=-1").expectError(422);
            admin.get(world.base() + list + "?limit=99999999999").expectError(422);
        }
        assertThat(admin.get(world.base() + "/employees").expectJson(200).has("total")).isTrue();
    }

    @Test
    void aRequestSpanningMoreThan366DaysIs422AndWritesNothing() {
        World world = fixtures.newWorld();
        Person emma = world.employee("Emma", null);
        UUID vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 600 * 480, "plenty");
        List<String> tables = Checks.companyTables(jdbc);
        Map<String, Long> before = Checks.rowCounts(jdbc, tables, world.companyId());
        var refused = world.submit(emma, vacation, "2027-01-01T00:00", "2028-01-03T00:00").expectError(422);
        assertThat(refused.path("error").asText()).contains("366");
        world.as(emma).post(world.base() + "/requests/preview",
                world.request(emma, vacation, "2027-01-01T00:00", "2028-01-03T00:00")).expectError(422);
        assertThat(Checks.rowCounts(jdbc, tables, world.companyId())).isEqualTo(before);
        // 366 days exactly is accepted as far as the span goes.
        world.submit(emma, vacation, "2027-01-01T00:00", "2028-01-02T00:00").expect(201);
    }

    @Test
    void aSlowQueryIsCancelledAtTheStatementTimeoutAsASessionDefault() {
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo(STATEMENT_TIMEOUT_MS + "ms");
        assertThat(jdbc.sql("SHOW lock_timeout").query(String.class).single()).isEqualTo(STATEMENT_TIMEOUT_MS + "ms");
        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> jdbc.sql("SELECT pg_sleep(10)").query(String.class).single());
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[limits] pg_sleep(10) cancelled after %d ms (statement_timeout %d ms): %s%n",
                millis, STATEMENT_TIMEOUT_MS, failure == null ? null : failure.getClass().getSimpleName());
        assertThat(failure).isInstanceOf(DataAccessException.class);
        // Both are answered 503 by GlobalExceptionHandler.databaseUnavailable.
        assertThat(failure).isInstanceOfAny(QueryTimeoutException.class, DataAccessResourceFailureException.class);
        assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo("57014"); // query_canceled
        assertThat(millis).isBetween((long) STATEMENT_TIMEOUT_MS - 50, (long) STATEMENT_TIMEOUT_MS + 1500);
        // The connection went back to the pool usable.
        assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anExhaustedPoolAnswers503WithinTheConnectionTimeoutNotAHang() throws Exception {
        World world = fixtures.newWorld();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getConnectionTimeout()).isEqualTo(connectionTimeoutMs);
        List<Connection> held = new ArrayList<>();
        Http.Response refused;
        Http.Response health;
        long millis;
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            long started = System.nanoTime();
            refused = world.asAdmin().get(world.base() + "/employees");
            millis = (System.nanoTime() - started) / 1_000_000;
            health = http.get("/health");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        System.out.printf("[limits] pool of %d held: request refused after %d ms (connection-timeout %d ms)%n",
                held.size(), millis, connectionTimeoutMs);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(Checks.errorShapeProblem(refused)).isNull();
        assertThat(millis).isBetween(connectionTimeoutMs - 100, connectionTimeoutMs + 2000);
        assertThat(health.status()).isEqualTo(503);
        world.asAdmin().get(world.base() + "/employees").expect(200);
        http.get("/health").expect(200);
    }
}
