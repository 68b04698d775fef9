package com.powerpto.request;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Working minutes between two instants for one employee. Each work day has one window that
 * opens at the employee's local workday start and lasts {@code workdayMinutes} of real time, so
 * a DST change inside a day never gives more (or less) than a day's minutes; a window opening in
 * a DST gap opens at the first valid local time after it. A whole-day holiday has no window; a
 * half-day holiday keeps the first half of it (the second half is free). Seconds are summed before
 * rounding down, so splitting a request anywhere never changes its total.
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
            if (!schedule.workDays().contains(day.getDayOfWeek())) {
                continue;
            }
            WorkSchedule.HolidayDay holiday = schedule.holiday(day); // one lookup per work day, as before issue 28
            if (holiday == null || holiday.halfDay()) {
                seconds += overlapSeconds(start, end, window(day, schedule, holiday));
            }
        }
        return seconds / 60;
    }

    /** Why a day of a request counts what it counts. */
    public enum DayReason { WORKDAY, WEEKEND, HOLIDAY, NON_WORKDAY, PARTIAL }

    /**
     * One local day of a request: the minutes it counts (its working window's overlap) and why;
     * {@code holiday} names the holiday on that day (null when none) and {@code halfDay} says it
     * halves the day (its window is the first half; WORKDAY then means that half is covered).
     */
    public record Day(LocalDate date, long minutes, DayReason reason, String holiday, boolean halfDay) {

        public Day(LocalDate date, long minutes, DayReason reason) {
            this(date, minutes, reason, null, false);
        }
    }

    /**
     * The request day by day in the employee's zone: every local day it touches, plus the day
     * before when that day's window reaches past midnight into the request. Minutes are the
     * difference of the running total rounded down, so they always add up to
     * {@link #workingMinutes} exactly.
     */
    public static List<Day> breakdown(Instant start, Instant end, WorkSchedule schedule) {
        List<Day> days = new ArrayList<>();
        if (!end.isAfter(start)) {
            return days;
        }
        LocalDate first = start.atZone(schedule.zone()).toLocalDate();
        LocalDate last = end.minusNanos(1).atZone(schedule.zone()).toLocalDate();
        long seconds = 0;
        for (LocalDate day = first.minusDays(1); !day.isAfter(last.plusDays(1)); day = day.plusDays(1)) {
            long before = seconds / 60;
            WorkSchedule.HolidayDay holiday = schedule.holiday(day);
            boolean workWeekDay = schedule.workDays().contains(day.getDayOfWeek());
            Instant[] window = window(day, schedule, holiday);
            long overlap = workWeekDay && (holiday == null || holiday.halfDay()) ? overlapSeconds(start, end, window) : 0;
            seconds += overlap;
            long minutes = seconds / 60 - before;
            boolean inside = !day.isBefore(first) && !day.isAfter(last);
            if (inside || overlap > 0) {
                days.add(new Day(day, minutes, reason(day, workWeekDay, holiday, overlap, window),
                        holiday == null ? null : holiday.name(), holiday != null && holiday.halfDay()));
            }
        }
        return days;
    }

    private static DayReason reason(LocalDate day, boolean workWeekDay, WorkSchedule.HolidayDay holiday,
                                    long overlapSeconds, Instant[] window) {
        if (!workWeekDay) {
            return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                    ? DayReason.WEEKEND : DayReason.NON_WORKDAY;
        }
        if (holiday != null && !holiday.halfDay()) {
            return DayReason.HOLIDAY;
        }
        return overlapSeconds >= Duration.between(window[0], window[1]).getSeconds() ? DayReason.WORKDAY : DayReason.PARTIAL;
    }

    /** The working window of one day, as instants: the first half only on a half-day holiday. */
    static Instant[] window(LocalDate day, WorkSchedule schedule) {
        return window(day, schedule, schedule.holiday(day));
    }

    private static Instant[] window(LocalDate day, WorkSchedule schedule, WorkSchedule.HolidayDay holiday) {
        ZonedDateTime opens = ZonedDateTime.of(day, schedule.workdayStart(), schedule.zone());
        Instant open = opens.toInstant();
        long seconds = schedule.workdayMinutes() * 60L;
        return new Instant[]{open, open.plusSeconds(holiday != null && holiday.halfDay() ? seconds / 2 : seconds)};
    }

    private static long overlapSeconds(Instant start, Instant end, Instant[] window) {
        Instant from = start.isAfter(window[0]) ? start : window[0];
        Instant to = end.isBefore(window[1]) ? end : window[1];
        return to.isAfter(from) ? Duration.between(from, to).getSeconds() : 0;
    }
}
