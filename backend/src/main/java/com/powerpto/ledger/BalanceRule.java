package com.powerpto.ledger;

/**
 * The invariant of one policy version: how far below zero {@code available} may go.
 * Unlimited policies track usage but have no floor. {@code unit} only words refusals (issue 26).
 */
public record BalanceRule(boolean unlimited, boolean allowNegative, Integer negativeLimitMinutes, AmountUnit unit) {

    public static final BalanceRule UNLIMITED = new BalanceRule(true, true, null);
    public static final BalanceRule NO_NEGATIVE = new BalanceRule(false, false, null);

    public BalanceRule {
        unit = unit == null ? AmountUnit.MINUTES : unit;
    }

    public BalanceRule(boolean unlimited, boolean allowNegative, Integer negativeLimitMinutes) {
        this(unlimited, allowNegative, negativeLimitMinutes, AmountUnit.MINUTES);
    }

    /** The lowest {@code available} allowed, or null when there is none. */
    public Long floor() {
        if (unlimited) {
            return null;
        }
        if (!allowNegative) {
            return 0L;
        }
        return negativeLimitMinutes == null ? null : -negativeLimitMinutes.longValue();
    }

    /** A change that lowers available must not end below the floor; raising it is always allowed. */
    public boolean permits(Balance before, Balance after) {
        Long floor = floor();
        return floor == null || after.available() >= before.available() || after.available() >= floor;
    }
}
