package com.powerpto.accrual.calc;

/**
 * The bank cap limits the banked balance (accrued − used), not lifetime accruals: an accrual
 * grants only the headroom left under the cap, and accrual resumes once time is used.
 */
public final class BankCap {

    private BankCap() {
    }

    /** What may be granted of {@code amount} when {@code banked} minutes are banked; null cap = no cap. */
    public static long grant(long amount, long banked, Long capMinutes) {
        if (amount <= 0) {
            return 0;
        }
        if (capMinutes == null) {
            return amount;
        }
        long headroom = capMinutes - banked;
        return headroom <= 0 ? 0 : Math.min(amount, headroom);
    }
}
