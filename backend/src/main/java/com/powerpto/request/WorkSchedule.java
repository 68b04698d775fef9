package com.powerpto.request;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * When one employee works: time zone, work days, daily start and length, and the holidays that
 * apply to them (the company-wide ones and their location's), each with its name and whether it
 * is a half day.
 */
public record WorkSchedule(ZoneId zone, Set<DayOfWeek> workDays, LocalTime workdayStart, int workdayMinutes,
                           Map<LocalDate, HolidayDay> holidayDays) {

    /** A holiday as durations see it: a whole day off, or a half day that keeps the first half of the window. */
    public record HolidayDay(String name, boolean halfDay) {
    }

    /** Whole-day holidays without names (as before issue 28). */
    public WorkSchedule(ZoneId zone, Set<DayOfWeek> workDays, LocalTime workdayStart, int workdayMinutes,
                        Set<LocalDate> holidays) {
        this(zone, workDays, workdayStart, workdayMinutes, wholeDays(holidays));
    }

    /** The dates of every holiday, half days included. */
    public Set<LocalDate> holidays() {
        return holidayDays.keySet();
    }

    /** A day of the work week that is not a whole-day holiday (a half-day holiday still has a window). */
    public boolean isWorkDay(LocalDate date) {
        if (!workDays.contains(date.getDayOfWeek())) {
            return false;
        }
        HolidayDay holiday = holidayDays.get(date);
        return holiday == null || holiday.halfDay();
    }

    public HolidayDay holiday(LocalDate date) {
        return holidayDays.get(date);
    }

    private static Map<LocalDate, HolidayDay> wholeDays(Set<LocalDate> dates) {
        Map<LocalDate, HolidayDay> days = new HashMap<>();
        dates.forEach(d -> days.put(d, new HolidayDay(null, false)));
        return days;
    }
}
