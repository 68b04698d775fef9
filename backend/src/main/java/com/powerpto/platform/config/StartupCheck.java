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
     * What a mode that makes links needs (issue 26): the API, the worker and {@code all} put links into
     * e-mails, chat messages and feeds, so outside development they need APP_BASE_URL, the UI's
     * absolute https address. Migrate and reconcile make no links. Empty in development (links then
     * follow the request, see PublicBaseUrl) and while ENVIRONMENT itself is wrong.
     */
    public static List<String> linkProblems(Map<String, String> env, boolean makesLinks) {
        List<String> problems = new ArrayList<>();
        String environment = env.get("ENVIRONMENT") == null ? "" : env.get("ENVIRONMENT").trim();
        if (!makesLinks || !ENVIRONMENTS.contains(environment) || "development".equals(environment)) {
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
        return problems(env, Map.of(), new String[0]);
    }

    /**
     * As {@link #problems(Map)}, and ENVIRONMENT given by another source that Spring would read —
     * a system property, {@code --ENVIRONMENT=} on the command line, SPRING_APPLICATION_JSON — must
     * not disagree with the process environment's (issue 25, finding 4). The Spring layer
     * ({@link EnvironmentDefaults}) checks every source again.
     */
    public static List<String> problems(Map<String, String> env, Map<?, ?> systemProperties, String[] args) {
        List<String> problems = new ArrayList<>(environmentProblems(env));
        String decided = env.get("ENVIRONMENT") == null ? null : env.get("ENVIRONMENT").trim();
        if (decided != null && ENVIRONMENTS.contains(decided)) {
            otherSources(env, systemProperties, args).forEach((source, value) -> {
                if (!decided.equals(value)) {
                    problems.add("ENVIRONMENT is '" + decided + "' in the process environment but '" + value + "' in " + source
                            + "; only the process environment decides");
                }
            });
        }
        return problems;
    }

    private static Map<String, String> otherSources(Map<String, String> env, Map<?, ?> systemProperties, String[] args) {
        Map<String, String> found = new java.util.LinkedHashMap<>();
        Object property = systemProperties.get("ENVIRONMENT");
        if (property != null) {
            found.put("the system property ENVIRONMENT", property.toString().trim());
        }
        for (String arg : args) {
            if (arg.startsWith("--ENVIRONMENT=")) {
                found.put("the command line", arg.substring("--ENVIRONMENT=".length()).trim());
            }
        }
        String json = env.get("SPRING_APPLICATION_JSON");
        if (!isBlank(json)) {
            try {
                com.fasterxml.jackson.databind.JsonNode value = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)
                        .path("ENVIRONMENT");
                if (!value.isMissingNode()) {
                    found.put("SPRING_APPLICATION_JSON", value.asText().trim());
                }
            } catch (java.io.IOException e) {
                found.put("SPRING_APPLICATION_JSON", "(not JSON)");
            }
        }
        return found;
    }

    private static List<String> environmentProblems(Map<String, String> env) {
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
