package com.powerpto.ledger;

import java.util.UUID;

/**
 * An admin's correction of a balance; {@code idempotencyKey} (optional) makes retries safe.
 * {@code effectiveDate} (issue 24, optional): the day it takes effect, today or earlier (default: now);
 * a date in the past corrects what it changes (caps, carryovers, expiries after it).
 */
public record AdjustmentBody(UUID employeeId, UUID policyId, Long amountMinutes, String reason, String idempotencyKey,
                             java.time.LocalDate effectiveDate) {

    public AdjustmentBody(UUID employeeId, UUID policyId, Long amountMinutes, String reason, String idempotencyKey) {
        this(employeeId, policyId, amountMinutes, reason, idempotencyKey, null);
    }
}
