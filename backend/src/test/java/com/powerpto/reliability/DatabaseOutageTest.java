package com.powerpto.reliability;

import com.powerpto.platform.database.EmbeddedDatabase;
import com.powerpto.platform.database.EmbeddedPostgres;
import com.powerpto.platform.health.ReadinessProbe;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away for ~3 s while traffic flows: calls in the gap fail fast with 503 and the
 * error body, /health says so, and everything recovers by itself, with no half-written request.
 */
class DatabaseOutageTest extends ReliabilityApiTest {

    @Value("${pto.database.connection-timeout-ms}")
    long connectionTimeoutMs;

    @Autowired
    MeterRegistry meters;

    record Call(String what, int status, long millis, String problem) {
    }

    @Test
    void aThreeSecondOutageFailsFastWith503AndRecoversByItself() throws Exception {
        World world = fixtures.newWorld();
        Person emma = world.employee("Emma", null);
        UUID vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 1_000 * 480, "plenty");
        Http asEmma = world.as(emma);

        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger day = new AtomicInteger();
        LocalDate monday = LocalDate.of(2027, 1, 4);
        ExecutorService traffic = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            traffic.submit(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    String what;
                    Http.Response response;
                    try {
                        if (thread < 2) {
                            // A week per submit: never overlapping, never short of balance.
                            LocalDate start = monday.plusWeeks(day.getAndIncrement());
                            Map<String, Object> body = world.request(emma, vacation, start + "T00:00", start.plusDays(1) + "T00:00");
                            body.put("idempotency_key", "outage-" + start);
                            what = "submit";
                            response = asEmma.post(world.base() + "/requests", body);
                        } else if (thread == 2) {
                            what = "balances";
                            response = asEmma.get(world.base() + "/employees/" + emma.id() + "/balances");
                        } else {
                            what = "requests";
                            response = world.asAdmin().get(world.base() + "/requests?limit=100");
                        }
                    } catch (RuntimeException e) {
                        calls.add(new Call("client", -1, elapsed(started), e.toString()));
                        continue;
                    }
                    String problem = response.status() >= 400 ? Checks.errorShapeProblem(response) : null;
                    calls.add(new Call(what, response.status(), elapsed(started), problem));
                    sleep(20);
                }
                return null;
            });
        }

        EmbeddedPostgres server = EmbeddedDatabase.server();
        sleep(1000);
        long stopped = System.nanoTime();
        server.stopServer();
        Http.Response healthDown;
        long outageMillis;
        double readinessDown;
        try {
            sleep(1500);
            healthDown = http.get("/health");
            readinessDown = readiness();
            sleep(3000 - elapsed(stopped));
        } finally {
            server.startServer();
            outageMillis = elapsed(stopped);
        }
        long restarted = System.nanoTime();
        long recoveredAfter = -1;
        while (elapsed(restarted) < 30_000) {
            if (http.get("/health").status() == 200) {
                recoveredAfter = elapsed(restarted);
                break;
            }
            sleep(100);
        }
        sleep(1500); // traffic after the recovery
        running.set(false);
        traffic.shutdown();
        assertThat(traffic.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(healthDown.status()).isEqualTo(503);
        assertThat(healthDown.json().path("status").asText()).isEqualTo("error");
        // The readiness metric (its CloudWatch alarm watches it: the ALB no longer does, decision 0065).
        assertThat(readinessDown).as("pto.readiness during the outage").isEqualTo(0.0);
        assertThat(readiness()).as("pto.readiness after the recovery").isEqualTo(1.0);
        assertThat(recoveredAfter).as("health back to 200 after the restart").isBetween(0L, 30_000L);

        List<Call> all = new ArrayList<>(calls);
        List<Call> failed = all.stream().filter(c -> c.status() >= 500 || c.status() < 0).toList();
        long slowest = all.stream().mapToLong(Call::millis).max().orElse(0);
        System.out.printf("[outage] %d ms outage, health 200 %d ms after start; %d calls, %d failed (%s), slowest %d ms%n",
                outageMillis, recoveredAfter, all.size(), failed.size(),
                failed.stream().collect(java.util.stream.Collectors.groupingBy(Call::status, java.util.stream.Collectors.counting())),
                slowest);
        assertThat(failed).as("calls failed in the gap").isNotEmpty();
        assertThat(failed).as("only 503, with the error body").allSatisfy(c -> {
            assertThat(c.status()).as(c.toString()).isEqualTo(503);
            assertThat(c.problem()).as(c.toString()).isNull();
        });
        assertThat(all).as("no call waited past the pool timeout + 2 s").allSatisfy(c ->
                assertThat(c.millis()).as(c.toString()).isLessThanOrEqualTo(connectionTimeoutMs + 2000));
        assertThat(all).as("no unexpected status").allSatisfy(c ->
                assertThat(c.status()).as(c.toString()).isIn(200, 201, 503));

        // Recovered with no restart: a new submit succeeds, and nothing is half-written.
        LocalDate after = monday.plusWeeks(day.getAndIncrement() + 1);
        world.submit(emma, vacation, after + "T00:00", after.plusDays(1) + "T00:00").expect(201);
        http.get("/health").expect(200);
        assertThat(Checks.partialRequests(jdbc, world.companyId())).isEmpty();
        assertThat(ledgerService.reconcile(world.companyId()).mismatches()).isEmpty();
        long submitted = world.asAdmin().get(world.base() + "/requests?limit=1").expectJson(200).path("total").asLong();
        assertThat(submitted).isGreaterThan(1);
    }

    private double readiness() {
        return meters.get(ReadinessProbe.METER).gauge().value();
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
