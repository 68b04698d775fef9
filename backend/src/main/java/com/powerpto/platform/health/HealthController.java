package com.powerpto.platform.health;

import com.powerpto.platform.config.PtoProperties;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two probes with different jobs (decision 0022):
 * <ul>
 *   <li>readiness, {@code /health}: 503 while the database is unreachable; the post-deploy smoke test
 *       requires 200, and {@link ReadinessProbe} publishes the same answer as a metric with an alarm. The
 *       ALB target group checks it too but accepts 200 and 503 (the process answered), so that a
 *       database outage does not make ECS replace every API task (decision 0065);</li>
 *   <li>liveness, {@code /health/live}: the ECS container health check; the process answers, nothing else.
 *       A database failover (60–120 s on Multi-AZ) must not make ECS kill and cold-start every task.</li>
 * </ul>
 */
@RestController
public class HealthController {

    public static final String LIVE = "/health/live";

    private final ReadinessProbe readiness;
    private final PtoProperties properties;

    public HealthController(ReadinessProbe readiness, PtoProperties properties) {
        this.readiness = readiness;
        this.properties = properties;
    }

    public record Health(String status, String version, String environment) {
    }

    @Operation(summary = "Service health with a database check")
    @GetMapping({"/health", "/api/health"})
    public ResponseEntity<Health> health() {
        boolean databaseUp = readiness.check();
        Health body = new Health(databaseUp ? "ok" : "error", properties.version(), properties.environment());
        return ResponseEntity.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    @Operation(summary = "Liveness: the process answers (no database check); for the container health check")
    @GetMapping({LIVE, "/api" + LIVE})
    public Health live() {
        return new Health("ok", properties.version(), properties.environment());
    }
}
