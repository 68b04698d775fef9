package com.powerpto.accrual.calc;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Posting dates. A period is posted on its first day (START_OF_PERIOD) or its last day
 * (END_OF_PERIOD); DAILY posts every day. An assignment that starts inside a period is first
 * credited on its own first day (START_OF_PERIOD), and one that ends inside a period is
 * credited on its own last day (END_OF_PERIOD): the period's calendar posting date falls
 * outside the assignment there, and the partial period is still earned (prorated).
 */
public final class AccrualSchedule {

    private AccrualSchedule() {
    }

    /** Whether {@code date} is the calendar posting date of its period. */
    public static boolean isCalendarPostingDate(Frequency frequency, Timing timing, LocalDate date) {
        AccrualPeriod period = AccrualPeriod.containing(frequency, date);
        return date.equals(timing == Timing.START_OF_PERIOD ? period.first() : period.last());
    }

    /**
     * The period credited on {@code date} for an assignment active on {@code [from, toExclusive)},
     * or empty when nothing is posted that day (not a posting date, or the assignment is not active).
     */
    public static Optional<AccrualPeriod> periodPostedOn(Frequency frequency, Timing timing, LocalDate date,
                                                         LocalDate from, LocalDate toExclusive) {
        if (date.isBefore(from) || (toExclusive != null && !date.isBefore(toExclusive))) {
            return Optional.empty();
        }
        AccrualPeriod period = AccrualPeriod.containing(frequency, date);
        LocalDate firstActive = from.isAfter(period.first()) ? from : period.first();
        LocalDate lastActive = period.last();
        if (toExclusive != null && toExclusive.minusDays(1).isBefore(lastActive)) {
            lastActive = toExclusive.minusDays(1);
        }
        LocalDate postingDate = timing == Timing.START_OF_PERIOD ? firstActive : lastActive;
        return date.equals(postingDate) ? Optional.of(period) : Optional.empty();
    }
}
