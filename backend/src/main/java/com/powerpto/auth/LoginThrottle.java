package com.powerpto.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import com.powerpto.platform.security.EmailKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory throttle of password attempts (Bucket4j), per account e-mail and per client address.
 * An attempt takes a token from both buckets before the password is checked; a success gives the
 * address token back and refills the account's bucket, a failure keeps them. With no token left
 * the attempt is refused with 429 and a Retry-After, whatever the password.
 * <p>
 * The account key is the e-mail as typed, normalised by {@link EmailKey} exactly as the sign-in
 * lookup normalises it (issue 16), so unknown addresses are throttled exactly
 * like real ones and a 429 reveals nothing. State is per process: with N API tasks an attacker
 * gets at most N times the budget (see docs/threat-model.md).
 */
@Component
public class LoginThrottle {

    private static final int MAX_KEYS_BEFORE_SWEEP = 10_000;

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(@Value("${pto.auth.max-failures-per-account:5}") int perAccount,
                         @Value("${pto.auth.max-failures-per-address:20}") int perAddress,
                         @Value("${pto.auth.failure-window:PT15M}") Duration window) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Refused: too many recent failures for this account or address. */
    public static final class Throttled extends RuntimeException {
        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("too many attempts", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** A reserved attempt; call {@link #succeeded()} when the password was right. */
    public final class Attempt {
        private final String accountKey;
        private final String addressKey;

        private Attempt(String accountKey, String addressKey) {
            this.accountKey = accountKey;
            this.addressKey = addressKey;
        }

        public void succeeded() {
            if (accountKey != null) {
                bucket(accounts, accountKey, perAccount).reset();
            }
            if (addressKey != null) {
                bucket(addresses, addressKey, perAddress).addTokens(1);
            }
        }
    }

    /** Reserves one attempt for this e-mail (may be null) from this address, or throws {@link Throttled}. */
    public Attempt begin(String email, String address) {
        String accountKey = email == null ? null : EmailKey.of(email);
        String addressKey = address == null || address.isBlank() ? null : address;
        if (addressKey != null) {
            take(bucket(addresses, addressKey, perAddress));
        }
        if (accountKey != null) {
            try {
                take(bucket(accounts, accountKey, perAccount));
            } catch (Throttled e) {
                if (addressKey != null) {
                    bucket(addresses, addressKey, perAddress).addTokens(1);
                }
                throw e;
            }
        }
        return new Attempt(accountKey, addressKey);
    }

    /** Forgets every bucket (tests). */
    void reset() {
        accounts.clear();
        addresses.clear();
    }

    private static void take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
            throw new Throttled(Math.max(1, seconds));
        }
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= MAX_KEYS_BEFORE_SWEEP) {
            // Full buckets carry no information: dropping them bounds memory under a spray of keys.
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build());
    }
}
