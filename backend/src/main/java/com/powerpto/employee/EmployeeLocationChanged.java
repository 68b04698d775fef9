package com.powerpto.employee;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that changed an employee's location (compared
 * case-insensitively): their requests from {@code at} on may now fall on other holidays.
 * Listeners run in the same transaction (a plain {@code @EventListener}).
 */
public record EmployeeLocationChanged(UUID companyId, UUID employeeId, String before, String after, Instant at) {

    /** Whether two location texts name different locations (null = none; case does not matter). */
    public static boolean differ(String before, String after) {
        return before == null ? after != null : after == null || !before.equalsIgnoreCase(after);
    }
}
