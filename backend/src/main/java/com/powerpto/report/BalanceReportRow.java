package com.powerpto.report;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the balance report: the contract's Balance plus the employee it belongs to
 * ({@code employee_id}, and {@code employee_name} as an extra). {@code availableMinutes} is null
 * when the policy is unlimited. {@code policyName} (issue 20) is the policy's display name, null when unset.
 */
public record BalanceReportRow(UUID employeeId, String employeeName, UUID policyId, String policyKey,
                               String policyCategory, long accruedMinutes, long usedMinutes, long heldMinutes,
                               Long availableMinutes, boolean isUnlimited, Instant updatedAt,
                               String policyName) {
}
