package com.powerpto.employee;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Upsert body; optional fields take the contract's defaults. {@code scheduleEffectiveFrom} (issue 24,
 * additive, not part of the Employee shape): the date a change of {@code work_days} or
 * {@code workday_minutes} takes effect for part-time proration (default: today).
 */
public record EmployeeBody(String firstName, String lastName, String email, Employee.PayType payType,
                           Integer workdayMinutes, String timezone, LocalDate hireDate, UUID managerId,
                           List<String> workDays, String workdayStart,
                           String department, String location, LocalDate scheduleEffectiveFrom) {

    public EmployeeBody(String firstName, String lastName, String email, Employee.PayType payType, Integer workdayMinutes,
                        String timezone, LocalDate hireDate, UUID managerId, List<String> workDays, String workdayStart,
                        String department, String location) {
        this(firstName, lastName, email, payType, workdayMinutes, timezone, hireDate, managerId, workDays, workdayStart,
                department, location, null);
    }
}
