package com.powerpto.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code notification.delivery.success|failure} count e-mails, {@code notification.chat.delivery.success|failure}
 * Slack and Teams messages (tag {@code channel}); a failure is a permanent one, after the last try. Tagged
 * by {@code kind} (and channel) only: low cardinality for CloudWatch.
 */
@Component
public class NotificationMetrics {

    public static final String SUCCESS = "notification.delivery.success";
    public static final String FAILURE = "notification.delivery.failure";
    public static final String CHAT_SUCCESS = "notification.chat.delivery.success";
    public static final String CHAT_FAILURE = "notification.chat.delivery.failure";

    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (NotificationKind kind : NotificationKind.values()) {
            success(Channel.EMAIL, kind.name());
            failure(Channel.EMAIL, kind.name());
        }
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.slack()) {
                success(Channel.SLACK, kind.name());
                failure(Channel.SLACK, kind.name());
            }
        }
        success(Channel.TEAMS, NotificationKind.REQUEST_SUBMITTED.name());
        failure(Channel.TEAMS, NotificationKind.REQUEST_SUBMITTED.name());
    }

    Counter success(Channel channel, String kind) {
        if (channel == Channel.EMAIL) {
            return Counter.builder(SUCCESS).description("e-mails handed to the SMTP server").tag("kind", kind).register(registry);
        }
        return Counter.builder(CHAT_SUCCESS).description("Slack and Teams messages accepted by the service")
                .tag("channel", channel.name()).tag("kind", kind).register(registry);
    }

    Counter failure(Channel channel, String kind) {
        if (channel == Channel.EMAIL) {
            return Counter.builder(FAILURE).description("e-mails given up after the last try").tag("kind", kind).register(registry);
        }
        return Counter.builder(CHAT_FAILURE).description("Slack and Teams messages given up after the last try")
                .tag("channel", channel.name()).tag("kind", kind).register(registry);
    }
}
