package com.powerpto.request;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Working minutes between two instants for one employee. Each work day has one window that
 * opens at the employee's local workday start and lasts {@code workdayMinutes} of real time, so
 * a DST change inside a day never gives more (or less) than a day's minutes; a window opening in
 * a DST gap opens at the first valid local time after it. Seconds are summed before rounding
 * down, so splitting a request anywhere never changes its total.
 */
public final class DurationCalculator {

    private DurationCalculator() {
    }

    public static long workingMinutes(Instant start, Instant end, WorkSchedule schedule) {
        if (!end.isAfter(start)) {
            return 0;
        }
        long seconds = 0;
        // A window that opened the day before can still be open after midnight.
        LocalDate day = start.atZone(schedule.zone()).toLocalDate().minusDays(1);
        LocalDate last = end.atZone(schedule.zone()).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (schedule.isWorkDay(day)) {
                seconds += overlapSeconds(start, end, window(day, schedule));
            }
        }
        return seconds / 60;
    }

    /** The working window of one day, as instants. */
    static Instant[] window(LocalDate day, WorkSchedule schedule) {
        ZonedDateTime opens = ZonedDateTime.of(day, schedule.workdayStart(), schedule.zone());
        Instant open = opens.toInstant();
        return new Instant[]{open, open.plus(Duration.ofMinutes(schedule.workdayMinutes()))};
    }

    private static long overlapSeconds(Instant start, Instant end, Instant[] window) {
        Instant from = start.isAfter(window[0]) ? start : window[0];
        Instant to = end.isBefore(window[1]) ? end : window[1];
        return to.isAfter(from) ? Duration.between(from, to).getSeconds() : 0;
    }
}
