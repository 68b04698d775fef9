package com.powerpto.platform.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Token buckets kept in PostgreSQL ({@code rate_limit_buckets}, Bucket4j's own back-end), so every
 * API task takes from the same budget (issue 25, finding 15: in-memory buckets gave N tasks N
 * times the budget, and a restart reset them). Each take is one short transaction that locks the
 * bucket's row ({@code SELECT … FOR UPDATE}): parallel attempts on any task cannot overshoot.
 * A row expires once its bucket would be full again; {@link #removeExpired} clears those.
 */
@Component
public class SharedRateLimits {

    private static final int SWEEP_BATCH = 1000;
    static final int LONGEST_KEY = 200;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final JdbcClient jdbc;

    public SharedRateLimits(DataSource dataSource, JdbcClient jdbc) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        this.jdbc = jdbc;
    }

    /** The shared bucket of {@code key}: {@code capacity} tokens, refilled greedily over {@code window}. */
    public Bucket bucket(String key, int capacity, Duration window) {
        return buckets.builder().build(storedKey(key), () -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build());
    }

    /** Takes one token from the bucket of {@code key}; empty when taken, else the whole seconds until one is back. */
    public java.util.Optional<Long> take(String key, int capacity, Duration window) {
        io.github.bucket4j.ConsumptionProbe probe = bucket(key, capacity, window).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    /**
     * The row id of {@code key}. A key longer than {@link #LONGEST_KEY} (an e-mail typed as a
     * megabyte of text) keeps its name up to the first ':' and is otherwise its SHA-256, so it fits
     * the table's {@code length(id) <= 400} and is still one bucket per key, never a 500.
     */
    static String storedKey(String key) {
        if (key.length() <= LONGEST_KEY) {
            return key;
        }
        int colon = key.indexOf(':');
        String name = colon >= 0 && colon < LONGEST_KEY ? key.substring(0, colon + 1) : "";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return name + "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Removes buckets that are full again (they carry no information); returns how many rows went. */
    public int removeExpired() {
        int total = 0;
        int removed;
        do {
            removed = buckets.removeExpired(SWEEP_BATCH);
            total += removed;
        } while (removed == SWEEP_BATCH);
        return total;
    }

    /** Forgets every bucket whose key starts with {@code prefix} (tests). */
    public void forget(String prefix) {
        jdbc.sql("DELETE FROM rate_limit_buckets WHERE starts_with(id, :prefix)").param("prefix", prefix).update();
    }
}
