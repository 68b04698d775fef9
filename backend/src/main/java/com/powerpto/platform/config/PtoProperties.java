package com.powerpto.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/** The plan's environment variables, bound once (see application.yml for the mapping). */
@ConfigurationProperties(prefix = "pto")
public record PtoProperties(
        String environment,
        String version,
        String service,
        List<String> corsOrigins,
        String jwtSecret,
        long jwtTtlSeconds,
        String payrollWebhookSecret,
        long maxBodyBytes) {

    public boolean isDevelopment() {
        return "development".equals(environment);
    }

    public boolean isProduction() {
        return "production".equals(environment);
    }
}
