package com.powerpto.integration.slack;

import io.github.bucket4j.Bucket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limit of the public Slack interactivity route (Bucket4j, in memory per API task): per
 * company id named in the URL, {@code pto.slack.interactions-per-minute} (120) requests per minute (the budget is renewed each minute),
 * counted before the signature is checked, so a flood of unsigned requests costs little. Memory is
 * bounded: past 10,000 keys, full (idle) buckets are dropped.
 */
@Component
class SlackRateLimit {

    private static final int MAX_KEYS_BEFORE_SWEEP = 10_000;

    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SlackRateLimit(@Value("${pto.slack.interactions-per-minute:120}") int perMinute) {
        this.perMinute = Math.max(1, perMinute);
    }

    /** 0 when allowed, else the seconds to wait. */
    long tryTake(String key) {
        if (buckets.size() > MAX_KEYS_BEFORE_SWEEP) {
            buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= perMinute);
        }
        Bucket bucket = buckets.computeIfAbsent(key == null ? "" : key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1))).build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
