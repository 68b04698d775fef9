package com.powerpto.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import com.powerpto.platform.security.EmailKey;
import com.powerpto.platform.security.SharedRateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Throttle of password attempts, per account e-mail and per client address, in token buckets
 * that every API task shares ({@link SharedRateLimits}: PostgreSQL, issue 25). An attempt takes a
 * token from both buckets before the password is checked; a success gives the address token back
 * and refills the account's bucket, a failure keeps them. With no token left the attempt is
 * refused with 429 and a Retry-After, whatever the password.
 * <p>
 * The account key is the e-mail as typed, normalised by {@link EmailKey} exactly as the sign-in
 * lookup normalises it (issue 16), so unknown addresses are throttled exactly like real ones and
 * a 429 reveals nothing.
 */
@Component
public class LoginThrottle {

    static final String ACCOUNT_PREFIX = "login-account:";
    static final String ADDRESS_PREFIX = "login-address:";

    private final SharedRateLimits limits;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    public LoginThrottle(SharedRateLimits limits,
                         @Value("${pto.auth.max-failures-per-account:5}") int perAccount,
                         @Value("${pto.auth.max-failures-per-address:20}") int perAddress,
                         @Value("${pto.auth.failure-window:PT15M}") Duration window) {
        this.limits = limits;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Refused: too many recent failures for this account or address. */
    public static final class Throttled extends RuntimeException {
        private final long retryAfterSeconds;

        public Throttled(long retryAfterSeconds) {
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
                account(accountKey).reset();
            }
            if (addressKey != null) {
                address(addressKey).addTokens(1);
            }
        }
    }

    /** Reserves one attempt for this e-mail (may be null) from this address, or throws {@link Throttled}. */
    public Attempt begin(String email, String address) {
        String accountKey = email == null ? null : EmailKey.of(email);
        String addressKey = address == null || address.isBlank() ? null : address;
        if (addressKey != null) {
            take(address(addressKey));
        }
        if (accountKey != null) {
            try {
                take(account(accountKey));
            } catch (Throttled e) {
                if (addressKey != null) {
                    address(addressKey).addTokens(1);
                }
                throw e;
            }
        }
        return new Attempt(accountKey, addressKey);
    }

    /** Forgets every sign-in bucket (tests). */
    void reset() {
        limits.forget("login-");
    }

    /** Takes one token or throws {@link Throttled} with the seconds until one is back. */
    static void take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
            throw new Throttled(Math.max(1, seconds));
        }
    }

    private Bucket account(String key) {
        return limits.bucket(ACCOUNT_PREFIX + key, perAccount, window);
    }

    private Bucket address(String key) {
        return limits.bucket(ADDRESS_PREFIX + key, perAddress, window);
    }
}
