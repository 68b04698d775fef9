package com.powerpto.employee;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The contract's Employee. */
public record Employee(UUID id, UUID companyId, String firstName, String lastName, String email, PayType payType,
                       int workdayMinutes, String timezone, LocalDate hireDate, UUID managerId, List<String> workDays,
                       @JsonFormat(pattern = "HH:mm") LocalTime workdayStart,
                       Status status, LocalDate terminationDate, String department, String location) {

    public enum PayType { SALARY, HOURLY }

    /** TERMINATED from the end of {@code termination_date} in the employee's zone; ACTIVE before (and without one). */
    public enum Status { ACTIVE, TERMINATED }

    /** Week days as stored in {@code work_days}, Monday first. */
    public static final List<String> DAY_NAMES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    @JsonIgnore
    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    @JsonIgnore
    public Set<DayOfWeek> workDaySet() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        workDays.forEach(d -> days.add(DayOfWeek.of(DAY_NAMES.indexOf(d) + 1)));
        return days;
    }
}
