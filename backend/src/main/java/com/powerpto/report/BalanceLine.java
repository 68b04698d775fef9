package com.powerpto.report;

import java.util.UUID;

/**
 * One employee × policy balance as payroll reads it (issue 20): names instead of ids alone, the
 * policy's display unit and the employee's workday length (what "a day" means for them), the
 * minutes and the available amount in the policy's unit. {@code availableMinutes} and
 * {@code availableInUnit} are null when the policy is unlimited.
 */
public record BalanceLine(UUID employeeId, String employeeName, String employeeEmail, UUID policyId, String policyKey,
                          String policyName, String policyCategory, String unit, int workdayMinutes,
                          long accruedMinutes, long usedMinutes, long heldMinutes, Long availableMinutes,
                          String availableInUnit, boolean isUnlimited) {

    static BalanceLine of(UUID employeeId, String employeeName, String employeeEmail, UUID policyId, String policyKey,
                          String policyName, String policyCategory, String unit, int workdayMinutes, long accrued,
                          long used, long held, boolean unlimited) {
        Long available = unlimited ? null : accrued - used - held;
        return new BalanceLine(employeeId, employeeName, employeeEmail, policyId, policyKey, policyName,
                policyCategory, unit, workdayMinutes, accrued, used, held, available,
                available == null ? null : Units.inUnit(available, unit, workdayMinutes), unlimited);
    }
}
