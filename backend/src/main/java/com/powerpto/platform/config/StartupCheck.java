package com.powerpto.platform.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses to start a process whose configuration would fail open: no ENVIRONMENT at all (the
 * development behaviour is enabled only by an explicit ENVIRONMENT=development), an unknown
 * one, or staging/production without the secrets that must not default.
 */
public final class StartupCheck {

    static final Set<String> ENVIRONMENTS = Set.of("development", "staging", "production");
    static final int MIN_JWT_SECRET_BYTES = 32;
    /** Upper bound of PTO_JWT_TTL_SECONDS: a token lives at most one working day. */
    public static final long MAX_JWT_TTL_SECONDS = 12 * 3600;
    public static final long MIN_JWT_TTL_SECONDS = 60;

    private StartupCheck() {
    }

    /**
     * {@link #problems(Map)} plus what a mode that makes links needs: the API, the worker and
     * {@code all} put links into e-mails and chat messages, so outside development they need
     * APP_BASE_URL (the UI's absolute https address). Migrate and reconcile do not.
     */
    public static List<String> problems(Map<String, String> env, boolean makesLinks) {
        List<String> problems = problems(env);
        String environment = env.get("ENVIRONMENT");
        if (!problems.isEmpty() || !makesLinks || "development".equals(environment)) {
            return problems;
        }
        String baseUrl = env.get("APP_BASE_URL");
        if (isBlank(baseUrl)) {
            problems.add("APP_BASE_URL is required when ENVIRONMENT=" + environment + " (links in e-mails and chat messages)");
        } else if (!baseUrl.trim().matches("^https://[^/?#\\s]+(/[^?#\\s]*)?$")) {
            problems.add("APP_BASE_URL must be the web UI's absolute https:// address (got '" + baseUrl.trim() + "')");
        }
        return problems;
    }

    public static List<String> problems(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String environment = env.get("ENVIRONMENT");
        if (isBlank(environment)) {
            problems.add("ENVIRONMENT is required (development, staging or production); it is never assumed");
            return problems;
        }
        if (!ENVIRONMENTS.contains(environment)) {
            problems.add("ENVIRONMENT must be development, staging or production (got '" + environment + "')");
            return problems;
        }
        String ttl = env.get("PTO_JWT_TTL_SECONDS");
        if (!isBlank(ttl) && !ttlAllowed(ttl)) {
            problems.add("PTO_JWT_TTL_SECONDS must be a whole number from " + MIN_JWT_TTL_SECONDS + " to " + MAX_JWT_TTL_SECONDS);
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

    private static boolean ttlAllowed(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= MIN_JWT_TTL_SECONDS && seconds <= MAX_JWT_TTL_SECONDS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
