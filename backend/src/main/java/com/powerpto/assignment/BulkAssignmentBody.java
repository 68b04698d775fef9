package com.powerpto.assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST …/policies/{pid}/assignments/bulk}: one policy, one date range, and exactly one way
 * to pick the employees: {@code all}, a {@code department}, a {@code manager_id} (their direct
 * reports) or a list of {@code employee_ids}. Only employees who have not left are picked.
 */
public record BulkAssignmentBody(LocalDate effectiveFrom, LocalDate effectiveTo, Boolean all, String department,
                                 UUID managerId, List<UUID> employeeIds) {
}
