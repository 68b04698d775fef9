package com.powerpto.report;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One person × policy × pay period of the payroll report (issue 26), in minutes and in the policy's
 * unit ({@code *InUnit}: a plain decimal string, DAYS by the employee's workday, HOURS by 60).
 * <ul>
 *   <li>{@code opening}: the balance (accrued − used, pending requests not subtracted) at the start
 *       of the period, as the report for the previous period closed it;</li>
 *   <li>{@code accrued}, {@code taken}, {@code adjusted}, {@code expired}: entries dated in the period
 *       (the employee's local dates) and posted by its end;</li>
 *   <li>{@code priorPeriodCorrections}: entries dated before the period but posted during it (a
 *       recalculation, a late adjustment), signed;</li>
 *   <li>{@code balance}: opening + accrued − taken + adjusted − expired + corrections.</li>
 * </ul>
 * So each ledger entry is counted once, in the period where the later of its date and its posting
 * falls, and a period's report never changes after it ended. Balances are null for unlimited policies.
 */
public record PayrollLine(LocalDate periodStart, LocalDate periodEnd, UUID employeeId, String employeeName,
                          String employeeEmail, UUID policyId, String policyKey, String policyName,
                          String policyCategory, String unit, int workdayMinutes, boolean isUnlimited,
                          Long openingBalanceMinutes, long accruedMinutes, long takenMinutes, long adjustedMinutes,
                          long expiredMinutes, long priorPeriodCorrectionsMinutes, Long balanceMinutes,
                          String openingBalanceInUnit, String accruedInUnit, String takenInUnit, String adjustedInUnit,
                          String expiredInUnit, String priorPeriodCorrectionsInUnit, String balanceInUnit) {

    static PayrollLine of(LocalDate start, LocalDate end, UUID employeeId, String employeeName, String employeeEmail,
                          UUID policyId, String policyKey, String policyName, String policyCategory, String unit,
                          int workdayMinutes, boolean unlimited, long opening, long accrued, long taken, long adjusted,
                          long expired, long corrections) {
        Long open = unlimited ? null : opening;
        Long balance = unlimited ? null : opening + accrued - taken + adjusted - expired + corrections;
        return new PayrollLine(start, end, employeeId, employeeName, employeeEmail, policyId, policyKey, policyName,
                policyCategory, unit, workdayMinutes, unlimited, open, accrued, taken, adjusted, expired, corrections, balance,
                in(open, unit, workdayMinutes), in(accrued, unit, workdayMinutes), in(taken, unit, workdayMinutes),
                in(adjusted, unit, workdayMinutes), in(expired, unit, workdayMinutes), in(corrections, unit, workdayMinutes),
                in(balance, unit, workdayMinutes));
    }

    private static String in(Long minutes, String unit, int workdayMinutes) {
        return minutes == null ? null : Units.inUnit(minutes, unit, workdayMinutes);
    }
}
