package com.powerpto.accrual.calc;

import java.time.LocalDate;
import java.util.Optional;

/** What one TIME assignment earns on one date, before the bank cap (which needs the locked balance). */
public final class TimeAccrualCalculator {

    private TimeAccrualCalculator() {
    }

    /** A posting: {@code amount} for {@code period}, with the figures behind it (for the ledger metadata). */
    public record Grant(long amount, long rate, AccrualPeriod period, long activeDays, boolean prorated) {
    }

    /**
     * Empty when {@code date} is not a posting date for this assignment (see {@link AccrualSchedule});
     * otherwise the rate (tenure tiers applied, as of {@code date}) prorated by days active.
     */
    public static Optional<Grant> grant(TimeAccrualRule rule, LocalDate date, LocalDate assignmentFrom,
                                        LocalDate assignmentToExclusive, LocalDate hireDate) {
        Optional<AccrualPeriod> posted = AccrualSchedule.periodPostedOn(rule.frequency(), rule.timing(), date,
                assignmentFrom, assignmentToExclusive);
        if (posted.isEmpty()) {
            return Optional.empty();
        }
        AccrualPeriod period = posted.get();
        long rate = TenureRates.rate(rule.rateMinutes(), rule.tenureTiers(), hireDate, assignmentFrom, date);
        long active = period.activeDays(assignmentFrom, assignmentToExclusive);
        long amount = ProrationCalculator.prorate(rate, rule.proration(), period, assignmentFrom, assignmentToExclusive);
        return Optional.of(new Grant(amount, rate, period, active,
                rule.proration() == Proration.DAYS_ACTIVE && active < period.days()));
    }
}
