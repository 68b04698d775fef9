package com.powerpto.platform.health;

import com.powerpto.platform.config.PtoProperties;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Load balancer and container health: answers 503 while the database is unreachable. */
@RestController
public class HealthController {

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
}
