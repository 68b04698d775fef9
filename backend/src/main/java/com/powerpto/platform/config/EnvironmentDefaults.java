package com.powerpto.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides the environment from the one variable ENVIRONMENT of the process environment (fail
 * closed: missing or unknown stops the application; an ENVIRONMENT from any other source that
 * disagrees stops it too; nothing else, e.g. PTO_ENVIRONMENT or a pto.environment property, can
 * override it because the decided value is put in front of every other property source), then
 * applies the plan's "Configuration by Environment" table (debug, Swagger UI, CORS, log level)
 * as defaults; explicit properties and variables still win because this source is added last.
 */
public class EnvironmentDefaults implements EnvironmentPostProcessor, Ordered {

    /** The only variable that decides the environment. */
    public static final String VARIABLE = "ENVIRONMENT";
    static final String DEVELOPMENT_JWT_SECRET = "development-only-jwt-secret-not-for-real-use!";
    static final String DEVELOPMENT_WEBHOOK_SECRET = "development-only-payroll-secret";
    static final String DEVELOPMENT_CORS = "http://localhost:5173";
    /** 32 bytes, base64: encrypts stored company secrets in development only. */
    static final String DEVELOPMENT_SECRETS_KEY = "ZGV2ZWxvcG1lbnQtb25seS1zZWNyZXRzLWtleS0zMmI=";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // The process environment alone decides (issue 25, finding 4): Spring's resolved property
        // also reads SPRING_APPLICATION_JSON, system properties and the command line, and
        // SPRING_APPLICATION_JSON={"ENVIRONMENT":"development"} once turned production into development.
        String name = decide(System.getenv(VARIABLE));
        String resolved = environment.getProperty(VARIABLE);
        if (resolved != null && !resolved.trim().equals(name)) {
            throw new IllegalStateException(VARIABLE + " is '" + name + "' in the process environment but '" + resolved.trim()
                    + "' in another configuration source (SPRING_APPLICATION_JSON, a system property, the command line"
                    + " or a file); only the process environment decides: remove the other one");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("pto-environment",
                Map.of("pto.environment", name)));
        environment.getPropertySources().addLast(new MapPropertySource("pto-environment-defaults", defaultsFor(name)));
    }

    static String decide(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(VARIABLE + " is required (development, staging or production); it is never assumed");
        }
        String name = value.trim();
        if (!StartupCheck.ENVIRONMENTS.contains(name)) {
            throw new IllegalStateException(VARIABLE + " must be development, staging or production (got '" + name + "')");
        }
        return name;
    }

    static Map<String, Object> defaultsFor(String environment) {
        boolean development = environment.equals("development");
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("logging.level.com.powerpto", development ? "DEBUG" : "INFO");
        defaults.put("springdoc.swagger-ui.enabled", !environment.equals("production"));
        if (development) {
            defaults.put("pto-defaults.jwt-secret", DEVELOPMENT_JWT_SECRET);
            defaults.put("pto-defaults.payroll-webhook-secret", DEVELOPMENT_WEBHOOK_SECRET);
            defaults.put("pto-defaults.cors-origins", DEVELOPMENT_CORS);
            defaults.put("pto-defaults.secrets-key", DEVELOPMENT_SECRETS_KEY);
        } else {
            defaults.put("management.cloudwatch.metrics.export.enabled", true);
        }
        return defaults;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
