package com.powerpto.request;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * The parts of an employee that decide a request's duration and who may decide it, plus the
 * department (null = none) for the DEPARTMENT staffing rule, and the location (null = none) whose
 * holidays apply to them besides the company-wide ones.
 */
record EmployeeSchedule(UUID id, UUID managerId, ZoneId zone, Set<DayOfWeek> workDays, LocalTime workdayStart,
                        int workdayMinutes, boolean active, String department, String location) {
}
