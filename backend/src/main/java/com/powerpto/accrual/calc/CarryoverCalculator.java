package com.powerpto.accrual.calc;

/**
 * Year-end carryover: carry {@code min(available, cap)} (everything when there is no cap); the
 * excess expires. Nothing is carried or expired from a balance that is not positive.
 */
public final class CarryoverCalculator {

    private CarryoverCalculator() {
    }

    public record Split(long carried, long expired) {
    }

    public static Split split(long available, Long capMinutes) {
        if (available <= 0) {
            return new Split(0, 0);
        }
        long carried = capMinutes == null ? available : Math.min(available, Math.max(0, capMinutes));
        return new Split(carried, available - carried);
    }
}
