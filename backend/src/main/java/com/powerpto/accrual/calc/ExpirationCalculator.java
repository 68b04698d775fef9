package com.powerpto.accrual.calc;

/** How many minutes expire (a non-negative number; the ledger entry carries it negated). */
public final class ExpirationCalculator {

    private ExpirationCalculator() {
    }

    /** On an expiration date the positive available balance expires. */
    public static long expireAvailable(long available) {
        return Math.max(0, available);
    }

    /**
     * Carried minutes not used in time: usage draws from carried minutes first, so what expires is
     * {@code carried − used since the carryover}, never more than what is available now (so the
     * expiration never takes the balance below zero).
     */
    public static long expireCarried(long carried, long usedSinceCarryover, long available) {
        long unused = carried - Math.max(0, usedSinceCarryover);
        return Math.max(0, Math.min(unused, available));
    }
}
