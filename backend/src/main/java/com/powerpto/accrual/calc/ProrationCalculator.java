package com.powerpto.accrual.calc;

import java.time.LocalDate;

/** DAYS_ACTIVE: rate × active days ÷ period days (integer division, rounds down). */
public final class ProrationCalculator {

    private ProrationCalculator() {
    }

    public static long prorate(long rate, Proration proration, AccrualPeriod period, LocalDate from,
                               LocalDate toExclusive) {
        if (proration == Proration.NONE) {
            return rate;
        }
        long active = period.activeDays(from, toExclusive);
        long days = period.days();
        return active >= days ? rate : Math.multiplyExact(rate, active) / days;
    }
}
