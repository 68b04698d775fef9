package com.powerpto.accrual.calc;

/** Hours-worked accrual: worked × accrue ÷ per_worked, integer (rounds down). */
public final class HoursWorkedCalculator {

    private HoursWorkedCalculator() {
    }

    public static long accrue(long workedMinutes, long accrueMinutes, long perWorkedMinutes) {
        if (workedMinutes <= 0) {
            return 0;
        }
        if (accrueMinutes <= 0 || perWorkedMinutes <= 0) {
            throw new IllegalArgumentException("accrual ratio must be positive");
        }
        return Math.multiplyExact(workedMinutes, accrueMinutes) / perWorkedMinutes;
    }
}
