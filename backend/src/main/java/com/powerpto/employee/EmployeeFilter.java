package com.powerpto.employee;

import java.util.UUID;

/**
 * Filters of the employee list. {@code status} null = every employee (admins' {@code status=ALL});
 * the list's default is ACTIVE, so people who have left drop out of pickers and team views.
 */
public record EmployeeFilter(UUID managerId, boolean withoutManager, String department, String location,
                             Employee.Status status) {
}
