package com.powerpto.request;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/** When one employee works: time zone, work days, daily start and length, and the company holidays. */
public record WorkSchedule(ZoneId zone, Set<DayOfWeek> workDays, LocalTime workdayStart, int workdayMinutes,
                           Set<LocalDate> holidays) {

    public boolean isWorkDay(LocalDate date) {
        return workDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }
}
