package com.powerpto.platform.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Refuses to start a non-development process without the secrets it must not default. */
public final class StartupCheck {

    static final Set<String> ENVIRONMENTS = Set.of("development", "staging", "production");
    static final int MIN_JWT_SECRET_BYTES = 32;

    private StartupCheck() {
    }

    public static List<String> problems(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String environment = env.getOrDefault("ENVIRONMENT", "development");
        if (!ENVIRONMENTS.contains(environment)) {
            problems.add("ENVIRONMENT must be development, staging or production (got '" + environment + "')");
            return problems;
        }
        if (environment.equals("development")) {
            return problems;
        }
        if (isBlank(env.get("DATABASE_URL"))) {
            problems.add("DATABASE_URL is required when ENVIRONMENT=" + environment);
        }
        String jwtSecret = env.get("JWT_SECRET");
        if (isBlank(jwtSecret)) {
            problems.add("JWT_SECRET is required when ENVIRONMENT=" + environment);
        } else if (jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_JWT_SECRET_BYTES) {
            problems.add("JWT_SECRET must be at least " + MIN_JWT_SECRET_BYTES + " bytes for HS256");
        }
        if (isBlank(env.get("PAYROLL_WEBHOOK_SECRET"))) {
            problems.add("PAYROLL_WEBHOOK_SECRET is required when ENVIRONMENT=" + environment);
        }
        return problems;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
