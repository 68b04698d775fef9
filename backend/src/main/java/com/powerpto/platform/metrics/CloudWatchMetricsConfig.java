package com.powerpto.platform.metrics;

import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Publishes the application's Micrometer meters to CloudWatch (namespace {@code PowerPTO}).
 * Spring Boot 3.5 has no CloudWatch auto-configuration, so the registry is built here, outside
 * development only ({@code EnvironmentDefaults} turns the property on for staging and production).
 * <p>
 * Custom metrics are billed per name and dimension set, so the registry publishes only what the
 * alarms and the dashboard read ({@link #PUBLISHED}); Spring Boot adds it to the composite registry
 * beside Prometheus, which keeps everything. Decision 0023.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "management.cloudwatch.metrics.export.enabled", havingValue = "true")
public class CloudWatchMetricsConfig {

    /** Meter names that reach CloudWatch: the alarms' and the dashboard's (docs/metrics.md). */
    public static final Set<String> PUBLISHED = Set.of(
            "accrual.job.success", "accrual.job.failure",
            "notification.delivery.success", "notification.delivery.failure",
            "notification.chat.delivery.success", "notification.chat.delivery.failure",
            "http.server.requests", "http.server.requests.percentile",
            "hikaricp.connections.active",
            "pto.readiness");

    /** Request meters keep only these tags in CloudWatch (uri × method × status would be thousands of metrics). */
    static final Set<String> HTTP_DIMENSIONS = Set.of("outcome", "service", "phi");

    @Bean(destroyMethod = "close")
    CloudWatchAsyncClient cloudWatchAsyncClient(@Value("${pto.cloudwatch.endpoint:}") String endpoint) {
        CloudWatchAsyncClientBuilder builder = CloudWatchAsyncClient.builder();
        // An endpoint override is for stand-ins (tests); on AWS the SDK resolves the regional endpoint.
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    @Bean
    CloudWatchMeterRegistry cloudWatchMeterRegistry(
            CloudWatchAsyncClient client,
            @Value("${management.cloudwatch.metrics.export.namespace:PowerPTO}") String namespace,
            @Value("${management.cloudwatch.metrics.export.step:1m}") Duration step) {
        CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config(namespace, step), Clock.SYSTEM, client);
        filters().forEach(registry.config()::meterFilter);
        return registry;
    }

    static CloudWatchConfig config(String namespace, Duration step) {
        return new CloudWatchConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String namespace() {
                return namespace;
            }

            @Override
            public Duration step() {
                return step;
            }
        };
    }

    static List<MeterFilter> filters() {
        return List.of(
                MeterFilter.denyUnless(id -> PUBLISHED.contains(id.getName())),
                new MeterFilter() {
                    @Override
                    public Meter.Id map(Meter.Id id) {
                        if (!id.getName().startsWith("http.server.requests")) {
                            return id;
                        }
                        List<Tag> kept = id.getTags().stream().filter(t -> HTTP_DIMENSIONS.contains(t.getKey())).toList();
                        return id.replaceTags(kept);
                    }
                });
    }
}
