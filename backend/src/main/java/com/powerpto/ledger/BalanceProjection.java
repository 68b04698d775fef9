package com.powerpto.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a balance will hold on a date if nothing else changes: today's available plus the events of
 * its timeline still to be posted up to that date (grants, carryover, expiries). Implemented by the
 * accrual feature, which computes timelines; the features that show a future balance (the request
 * preview, the final statement) ask through this port and so never depend on it (decision 0040).
 */
public interface BalanceProjection {

    /** The projected available minutes on {@code date} of each accrual balance of the employee, by policy. */
    Map<UUID, Long> availableOn(UUID companyId, UUID employeeId, LocalDate date);

    /**
     * What one balance's projection on {@code date} is made of (issue 26, for the request preview);
     * dates before today are projected for today; empty for an unlimited policy or no assignment.
     */
    Optional<OnDate> projectionOn(UUID companyId, UUID employeeId, UUID policyId, LocalDate date);

    /**
     * {@code projectedAvailableMinutes = availableMinutes + scheduledAccrualMinutes − expiringMinutes};
     * {@code cappedAccrualMinutes}: what the bank cap withholds of the scheduled accruals on the way;
     * {@code bookedMinutes}: requests starting up to the date, already counted in {@code availableMinutes}.
     */
    record OnDate(LocalDate date, long availableMinutes, long scheduledAccrualMinutes, long cappedAccrualMinutes,
                  long bookedMinutes, long expiringMinutes, long projectedAvailableMinutes, List<Forfeit> forfeits) {
    }

    /** Minutes forfeited on {@code date}: {@code kind} CARRYOVER_CAP, EXPIRATION or CARRIED_EXPIRY. */
    record Forfeit(LocalDate date, String kind, long minutes) {
    }
}
