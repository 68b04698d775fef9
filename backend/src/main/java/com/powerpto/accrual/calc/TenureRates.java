package com.powerpto.accrual.calc;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The rate in force for a tenure: the highest tier whose min_months ≤ whole months served. */
public final class TenureRates {

    private TenureRates() {
    }

    /**
     * Whole months from {@code start} to {@code on} (a month is complete on the same day-of-month,
     * or on the month's last day when it is shorter: Jan 31 → Feb 28/29 is one month). 0 before start.
     */
    public static long wholeMonths(LocalDate start, LocalDate on) {
        if (on.isBefore(start)) {
            return 0;
        }
        long months = ChronoUnit.MONTHS.between(start, on);
        while (!start.plusMonths(months + 1).isAfter(on)) {
            months++; // plusMonths clamps to the month's end: Jan 31 + 1 month = Feb 28/29
        }
        return months;
    }

    /**
     * {@code baseRate} unless a tier applies. Tenure counts from {@code hireDate}, or from
     * {@code assignmentStart} when there is no hire date.
     */
    public static long rate(long baseRate, List<TenureTier> tiers, LocalDate hireDate, LocalDate assignmentStart,
                            LocalDate on) {
        if (tiers == null || tiers.isEmpty()) {
            return baseRate;
        }
        long months = wholeMonths(hireDate != null ? hireDate : assignmentStart, on);
        TenureTier best = null;
        for (TenureTier tier : tiers) {
            if (tier.minMonths() <= months && (best == null || tier.minMonths() > best.minMonths())) {
                best = tier;
            }
        }
        return best == null ? baseRate : best.rateMinutes();
    }
}
