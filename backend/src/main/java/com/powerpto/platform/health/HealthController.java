package com.powerpto.platform.health;

import com.powerpto.platform.config.PtoProperties;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two probes with different jobs (decision 0022):
 * <ul>
 *   <li>readiness, {@code /health}: the ALB target group; 503 while the database is unreachable, so the
 *       load balancer stops sending requests to a task that cannot serve them;</li>
 *   <li>liveness, {@code /health/live}: the ECS container health check; the process answers, nothing else.
 *       A database failover (60–120 s on Multi-AZ) must not make ECS kill and cold-start every task.</li>
 * </ul>
 */
@RestController
public class HealthController {

    public static final String LIVE = "/health/live";

    private final JdbcClient jdbc;
    private final PtoProperties properties;

    public HealthController(JdbcClient jdbc, PtoProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public record Health(String status, String version, String environment) {
    }

    @Operation(summary = "Service health with a database check")
    @GetMapping({"/health", "/api/health"})
    public ResponseEntity<Health> health() {
        boolean databaseUp;
        try {
            databaseUp = jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            databaseUp = false;
        }
        Health body = new Health(databaseUp ? "ok" : "error", properties.version(), properties.environment());
        return ResponseEntity.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    @Operation(summary = "Liveness: the process answers (no database check); for the container health check")
    @GetMapping({LIVE, "/api" + LIVE})
    public Health live() {
        return new Health("ok", properties.version(), properties.environment());
    }
}
