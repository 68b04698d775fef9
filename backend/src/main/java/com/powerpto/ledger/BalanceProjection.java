package com.powerpto.ledger;

import java.time.LocalDate;
import java.util.Map;
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
}
