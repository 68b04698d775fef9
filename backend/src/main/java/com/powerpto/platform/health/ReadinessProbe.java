package com.powerpto.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Can this process serve: is its database reachable? Answered by {@code GET /health} and published
 * as the gauge {@value #METER} (1 ready, 0 not), so that a database outage shows up in CloudWatch and
 * its alarm even though the load balancer no longer counts a 503 from /health as a dead task
 * (decision 0065).
 * <p>
 * A scrape or a metrics publish between two /health calls re-checks when the last answer is older
 * than {@link #MAX_AGE}; otherwise it reports the last answer, so publishing never waits on the database.
 */
@Component
public class ReadinessProbe {

    public static final String METER = "pto.readiness";
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile boolean ready;
    private volatile Instant checkedAt = Instant.EPOCH;

    public ReadinessProbe(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
        Gauge.builder(METER, this, ReadinessProbe::gaugeValue)
                .description("1 when the database answers, 0 when it does not (readiness of /health)")
                .register(registry);
    }

    /** Checks now (SELECT 1, bounded by the pool's connection timeout) and remembers the answer. */
    public boolean check() {
        boolean up;
        try {
            up = jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            up = false;
        }
        ready = up;
        checkedAt = clock.instant();
        return up;
    }

    double gaugeValue() {
        boolean value = Duration.between(checkedAt, clock.instant()).compareTo(MAX_AGE) > 0 ? check() : ready;
        return value ? 1 : 0;
    }
}
