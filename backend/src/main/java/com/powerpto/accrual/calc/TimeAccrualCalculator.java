package com.powerpto.accrual.calc;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Optional;

/** What one TIME assignment earns on one date, before the bank cap (which needs the balance). */
public final class TimeAccrualCalculator {

    private TimeAccrualCalculator() {
    }

    /**
     * A posting: {@code amount} for {@code period}, with the figures behind it (for the ledger
     * metadata). {@code weeklyMinutes}/{@code fullTimeWeekMinutes} are 0 unless part-time proration applied.
     */
    public record Grant(long amount, long rate, AccrualPeriod period, long activeDays, boolean prorated,
                        long weeklyMinutes, long fullTimeWeekMinutes) {

        public Grant(long amount, long rate, AccrualPeriod period, long activeDays, boolean prorated) {
            this(amount, rate, period, activeDays, prorated, 0, 0);
        }
    }

    /**
     * Empty when {@code date} is not a posting date for this assignment (see {@link AccrualSchedule});
     * otherwise the rate (tenure tiers applied, as of {@code date}) prorated by days active.
     */
    public static Optional<Grant> grant(TimeAccrualRule rule, LocalDate date, LocalDate assignmentFrom,
                                        LocalDate assignmentToExclusive, LocalDate hireDate) {
        return grant(rule, date, assignmentFrom, assignmentToExclusive, hireDate, 0, 0);
    }

    /**
     * As above; with {@code fullTimeWeekMinutes > 0} the grant also scales by the employee's
     * {@code weeklyMinutes} against a full-time week (never above it). Proration and part-time
     * scaling are one integer division: rate × active days × weekly ÷ (period days × full-time week).
     */
    public static Optional<Grant> grant(TimeAccrualRule rule, LocalDate date, LocalDate assignmentFrom,
                                        LocalDate assignmentToExclusive, LocalDate hireDate, long weeklyMinutes,
                                        long fullTimeWeekMinutes) {
        Optional<AccrualPeriod> posted = AccrualSchedule.periodPostedOn(rule.frequency(), rule.timing(), date,
                assignmentFrom, assignmentToExclusive);
        if (posted.isEmpty()) {
            return Optional.empty();
        }
        AccrualPeriod period = posted.get();
        long rate = TenureRates.rate(rule.rateMinutes(), rule.tenureTiers(), hireDate, assignmentFrom, date);
        long active = period.activeDays(assignmentFrom, assignmentToExclusive);
        boolean prorated = rule.proration() == Proration.DAYS_ACTIVE && active < period.days();
        boolean partTime = fullTimeWeekMinutes > 0;
        long weekly = partTime ? Math.max(0, Math.min(weeklyMinutes, fullTimeWeekMinutes)) : 0;
        BigInteger numerator = BigInteger.valueOf(rate);
        BigInteger denominator = BigInteger.ONE;
        if (prorated) {
            numerator = numerator.multiply(BigInteger.valueOf(active));
            denominator = denominator.multiply(BigInteger.valueOf(period.days()));
        }
        if (partTime) {
            numerator = numerator.multiply(BigInteger.valueOf(weekly));
            denominator = denominator.multiply(BigInteger.valueOf(fullTimeWeekMinutes));
        }
        long amount = numerator.divide(denominator).longValueExact();
        return Optional.of(new Grant(amount, rate, period, active, prorated, weekly, partTime ? fullTimeWeekMinutes : 0));
    }
}
