package com.powerpto.accrual.calc;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One accrual period, both ends inclusive: a day, a calendar month or a calendar year. */
public record AccrualPeriod(LocalDate first, LocalDate last) {

    public AccrualPeriod {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("period ends before it starts: " + first + ".." + last);
        }
    }

    /** The period of the given frequency that contains {@code date}. */
    public static AccrualPeriod containing(Frequency frequency, LocalDate date) {
        return switch (frequency) {
            case DAILY -> new AccrualPeriod(date, date);
            case MONTHLY -> new AccrualPeriod(date.withDayOfMonth(1), date.withDayOfMonth(date.lengthOfMonth()));
            case YEARLY -> new AccrualPeriod(date.withDayOfYear(1), date.withDayOfYear(date.lengthOfYear()));
        };
    }

    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    /**
     * Days of this period covered by the half-open range {@code [from, toExclusive)}
     * ({@code toExclusive == null} = open-ended).
     */
    public long activeDays(LocalDate from, LocalDate toExclusive) {
        LocalDate start = from.isAfter(first) ? from : first;
        LocalDate endExclusive = last.plusDays(1);
        if (toExclusive != null && toExclusive.isBefore(endExclusive)) {
            endExclusive = toExclusive;
        }
        return Math.max(0, ChronoUnit.DAYS.between(start, endExclusive));
    }
}
