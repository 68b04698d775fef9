package com.powerpto.employee;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Upsert body; optional fields take the contract's defaults. */
public record EmployeeBody(String firstName, String lastName, String email, Employee.PayType payType,
                           Integer workdayMinutes, String timezone, LocalDate hireDate, UUID managerId,
                           List<String> workDays, String workdayStart,
                           String department, String location) {
}
