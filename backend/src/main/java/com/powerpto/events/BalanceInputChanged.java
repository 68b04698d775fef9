package com.powerpto.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Something a balance's timeline is computed from changed with effect from {@code from}: an
 * assignment, a policy version, a hire date, a schedule, an employment, a request, an adjustment.
 * Features publish it in the transaction that made the change; the accrual feature listens and posts
 * the corrections the change causes (docs/corrections.md). Publishers know nothing of accruals: the
 * lower packages never depend on the one that computes balances (docs/decisions/0040).
 *
 * @param policyId    the balance's policy; null = every policy of the employees
 * @param employeeIds the employees; empty = everyone assigned to {@code policyId}
 * @param from        the first date whose events may change ({@link LocalDate#MIN}: any)
 * @param cause       what changed, for the correction's metadata and the audit log
 * @param actorId     who changed it
 */
public record BalanceInputChanged(UUID companyId, UUID policyId, List<UUID> employeeIds, LocalDate from, String cause,
                                  UUID actorId) {

    public BalanceInputChanged {
        employeeIds = employeeIds == null ? List.of() : List.copyOf(employeeIds);
        if (policyId == null && employeeIds.isEmpty()) {
            throw new IllegalArgumentException("a change names a policy or employees");
        }
    }

    /** One employee's balances (of one policy, or all). */
    public static BalanceInputChanged employee(UUID companyId, UUID employeeId, UUID policyIdOrNull, LocalDate from,
                                               String cause, UUID actorId) {
        return new BalanceInputChanged(companyId, policyIdOrNull, List.of(employeeId), from, cause, actorId);
    }

    /** Every balance of a policy. */
    public static BalanceInputChanged policy(UUID companyId, UUID policyId, LocalDate from, String cause, UUID actorId) {
        return new BalanceInputChanged(companyId, policyId, List.of(), from, cause, actorId);
    }
}
