package com.powerpto.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code notification.delivery.success} and {@code notification.delivery.failure} (a permanent
 * failure after the last try), tagged by {@code kind} only: low cardinality for CloudWatch.
 */
@Component
public class NotificationMetrics {

    public static final String SUCCESS = "notification.delivery.success";
    public static final String FAILURE = "notification.delivery.failure";

    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (NotificationKind kind : NotificationKind.values()) {
            success(kind.name());
            failure(kind.name());
        }
    }

    Counter success(String kind) {
        return Counter.builder(SUCCESS).description("e-mails handed to the SMTP server").tag("kind", kind).register(registry);
    }

    Counter failure(String kind) {
        return Counter.builder(FAILURE).description("e-mails given up after the last try").tag("kind", kind).register(registry);
    }
}
