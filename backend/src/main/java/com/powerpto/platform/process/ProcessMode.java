package com.powerpto.platform.process;

import org.springframework.context.ApplicationContext;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The processes one backend image can run. Each mode is a set of default properties, so a
 * single environment variable can still override any of them.
 */
public enum ProcessMode {
    ALL(true, true, true, true, false),
    API(true, false, false, false, false),
    WORKER(true, true, false, false, false),
    MIGRATE(false, false, false, true, true),
    RECONCILE(false, false, false, false, true);

    private final boolean servesHttp;
    private final boolean runsWorker;
    private final boolean servesUi;
    private final boolean migrates;
    private final boolean exitsWhenDone;

    ProcessMode(boolean servesHttp, boolean runsWorker, boolean servesUi, boolean migrates, boolean exitsWhenDone) {
        this.servesHttp = servesHttp;
        this.runsWorker = runsWorker;
        this.servesUi = servesUi;
        this.migrates = migrates;
        this.exitsWhenDone = exitsWhenDone;
    }

    public static ProcessMode resolve(String[] args, String fromEnvironment) {
        String name = args.length > 0 && !args[0].startsWith("-") ? args[0] : fromEnvironment;
        if (name == null || name.isBlank()) {
            return ALL;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + name + "': use api, worker, migrate, reconcile or all");
        }
    }

    public boolean servesHttp() {
        return servesHttp;
    }

    public boolean exitsWhenDone() {
        return exitsWhenDone;
    }

    public String serviceName() {
        return this == WORKER ? "worker" : this == ALL ? "all" : name().toLowerCase(Locale.ROOT);
    }

    public Map<String, Object> defaultProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("pto.mode", name());
        properties.put("pto.service", serviceName());
        properties.put("pto.worker.enabled", runsWorker);
        properties.put("pto.api.enabled", this != WORKER);
        properties.put("pto.ui.enabled", servesUi);
        properties.put("spring.flyway.enabled", migrates);
        properties.put("pto.demo-data.enabled", this == ALL);
        return properties;
    }

    /** Exit code of a one-shot mode: commands publish it as a bean named {@code processExitCode}. */
    public int exitCode(ApplicationContext context) {
        return context.containsBean("processExitCode") ? (Integer) context.getBean("processExitCode") : 0;
    }
}
