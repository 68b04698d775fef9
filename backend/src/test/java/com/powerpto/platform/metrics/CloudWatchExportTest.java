package com.powerpto.platform.metrics;

import com.powerpto.PowerPtoApplication;
import com.powerpto.accrual.AccrualMetrics;
import com.powerpto.accrual.AccrualService;
import com.powerpto.accrual.BatchGate;
import com.powerpto.accrual.JobKind;
import com.powerpto.notification.NotificationKind;
import com.powerpto.notification.NotificationMetrics;
import com.powerpto.platform.database.DatabaseUrl;
import com.powerpto.platform.database.EmbeddedDatabase;
import com.powerpto.platform.process.ProcessMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defect 5 of issue 18: the metrics the alarms and the dashboard read must reach CloudWatch.
 * A worker-mode application (its own database, the real accrual worker loop) and an api-mode one on
 * the same database export through the AWS SDK to a local stand-in for CloudWatch; the names, dimensions and units that the Terraform
 * alarms expect (read from infra/terraform) must arrive, and nothing outside the allow-list.
 */
class CloudWatchExportTest {

    private static final Set<String> SUFFIXES = Set.of("count", "sum", "avg", "max", "value");

    private static CloudWatchStandIn cloudWatch;
    private static ConfigurableApplicationContext worker;
    /** An api-mode process on the same database: the alarms on api metrics (readiness) need its data. */
    private static ConfigurableApplicationContext api;
    private static final Map<String, String> savedProperties = new java.util.HashMap<>();

    @BeforeAll
    static void startWorkerExportingToTheStandIn() throws Exception {
        cloudWatch = new CloudWatchStandIn();
        // The SDK's default chains read these: a region and (fake) credentials, as ECS provides them.
        setProperty("aws.region", "us-east-1");
        setProperty("aws.accessKeyId", "AKIDSTANDIN");
        setProperty("aws.secretAccessKey", "stand-in-secret");
        String database = freshDatabase("cloudwatch_export");
        worker = PowerPtoApplication.application(ProcessMode.WORKER).run(
                "--pto.database.url=" + database,
                "--spring.flyway.enabled=true",
                "--server.port=0",
                "--management.server.port=0",
                // The test runs the worker's unit of work itself, once the SDK is warm (a first publish
                // arrived): a step registry drops the counts of a step it could not publish in time.
                "--pto.worker.enabled=false",
                "--management.cloudwatch.metrics.export.enabled=true",
                // 5 s: short for the test, long enough that a loaded machine does not skip a step (and its counts).
                "--management.cloudwatch.metrics.export.step=5s",
                "--pto.cloudwatch.endpoint=" + cloudWatch.endpoint());
        api = PowerPtoApplication.application(ProcessMode.API).run(
                "--pto.database.url=" + database,
                "--server.port=0",
                "--management.server.port=0",
                "--management.cloudwatch.metrics.export.enabled=true",
                "--management.cloudwatch.metrics.export.step=5s",
                "--pto.cloudwatch.endpoint=" + cloudWatch.endpoint());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (worker != null) {
            worker.close();
        }
        if (cloudWatch != null) {
            cloudWatch.close();
        }
        savedProperties.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void whatTheAlarmsAndTheDashboardReadArrivesWithTheirDimensionsAndUnits() throws Exception {
        assertThat(waitFor(() -> cloudWatch.actions.contains("PutMetricData") ? List.of() : List.of("first publish")))
                .as("the registry publishes at all").isEmpty();
        // The worker's unit of work for today (empty database: every job succeeds) counts the successes.
        worker.getBean(AccrualService.class).runDate(LocalDate.now(), null, "accrual", BatchGate.OPEN);
        // Failures and notification outcomes do not happen on an empty database: count them the way
        // the code paths do (AccrualService / the notification outbox), through the application's registry.
        AccrualMetrics accrual = worker.getBean(AccrualMetrics.class);
        for (JobKind job : JobKind.values()) {
            accrual.failure(job);
        }
        MeterRegistry registry = worker.getBean(MeterRegistry.class);
        // The same meters NotificationMetrics registers (name and kind tag) as the outbox delivery counts them.
        String kind = NotificationKind.REQUEST_SUBMITTED.name();
        Counter.builder(NotificationMetrics.FAILURE).tag("kind", kind).register(registry).increment();
        Counter.builder(NotificationMetrics.SUCCESS).tag("kind", kind).register(registry).increment();
        // Slack and Teams (issue 29): the same names and tags as NotificationMetrics' chat counters.
        Counter.builder(NotificationMetrics.CHAT_FAILURE).tag("channel", "SLACK").tag("kind", kind).register(registry).increment();
        Counter.builder(NotificationMetrics.CHAT_SUCCESS).tag("channel", "TEAMS").tag("kind", kind).register(registry).increment();
        int port = worker.getEnvironment().getProperty("local.server.port", Integer.class);
        HttpResponse<String> live = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);

        List<TerraformAlarms.Expected> expected = TerraformAlarms.read();
        assertThat(expected).extracting(TerraformAlarms.Expected::metricName)
                .contains("accrual.job.success.count", "accrual.job.failure.count", "notification.delivery.failure.count",
                        "pto.readiness.value");
        assertThat(expected).filteredOn(e -> e.metricName().equals("pto.readiness.value"))
                .extracting(TerraformAlarms.Expected::dimensions)
                .containsExactlyInAnyOrder(Map.of("service", "api"), Map.of("service", "worker"));
        List<String> dashboard = TerraformAlarms.dashboardMetricNames();
        assertThat(dashboard).contains("http.server.requests.count", "hikaricp.connections.active.value");

        List<String> missing = waitFor(() -> {
            List<String> open = new ArrayList<>();
            for (TerraformAlarms.Expected e : expected) {
                if (cloudWatch.received.stream().filter(d -> matches(e, d)).mapToDouble(CloudWatchStandIn.Datum::value).sum() < 1) {
                    open.add(e.alarm() + ": " + e.metricName() + " " + e.dimensions());
                }
            }
            for (String name : dashboard) {
                if (cloudWatch.received.stream().noneMatch(d -> d.name().equals(name))) {
                    open.add("dashboard: " + name);
                }
            }
            return open;
        });
        assertThat(missing).as("metrics read by the Terraform alarms and dashboard that never arrived; received: "
                + cloudWatch.received.stream().map(d -> d.name() + d.dimensions() + " " + d.unit()).collect(Collectors.toCollection(java.util.TreeSet::new)))
                .isEmpty();

        for (CloudWatchStandIn.Datum d : cloudWatch.received) {
            assertThat(d.namespace()).isEqualTo("PowerPTO");
            String meter = d.name().substring(0, d.name().lastIndexOf('.'));
            assertThat(CloudWatchMetricsConfig.PUBLISHED).as("only what alarms and the dashboard use: " + d.name()).contains(meter);
            assertThat(SUFFIXES).contains(d.name().substring(d.name().lastIndexOf('.') + 1));
            assertThat(d.name()).doesNotContain("bucket").doesNotContain("histogram");
            if (d.name().startsWith("accrual.job.") || d.name().startsWith("notification.delivery.")) {
                assertThat(d.unit()).as(d.name()).isEqualTo("Count");
            }
            if (d.name().startsWith("http.server.requests")) {
                assertThat(d.dimensions().keySet()).as("request dimensions kept few").isSubsetOf(CloudWatchMetricsConfig.HTTP_DIMENSIONS);
            }
            assertThat(d.dimensions().get("service")).as("published by the worker or the api").isIn("worker", "api");
        }
        assertThat(cloudWatch.received).anySatisfy(d -> {
            assertThat(d.name()).isEqualTo("http.server.requests.sum");
            assertThat(d.unit()).isEqualTo("Milliseconds");
        });
        for (TerraformAlarms.Expected e : expected) {
            if (e.unit() != null) {
                assertThat(cloudWatch.received.stream().filter(d -> matches(e, d)).map(CloudWatchStandIn.Datum::unit))
                        .as(e.alarm() + " unit").containsOnly(e.unit());
            }
        }
    }

    private static boolean matches(TerraformAlarms.Expected e, CloudWatchStandIn.Datum d) {
        if (!d.name().equals(e.metricName()) || !"PowerPTO".equals(d.namespace())) {
            return false;
        }
        return e.exactDimensions() ? d.dimensions().equals(e.dimensions())
                : d.dimensions().entrySet().containsAll(e.dimensions().entrySet());
    }

    private static List<String> waitFor(java.util.function.Supplier<List<String>> open) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<String> left = open.get();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            left = open.get();
        }
        return left;
    }

    private static void setProperty(String key, String value) {
        savedProperties.put(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    /** Its own database on the JVM's embedded server: the worker loop must not touch other tests' data. */
    private static String freshDatabase(String name) throws Exception {
        DatabaseUrl server = EmbeddedDatabase.shared(null, 0);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        return server.jdbcUrl().replaceFirst("/postgres$", "/" + name) + "?user=" + server.user();
    }
}
