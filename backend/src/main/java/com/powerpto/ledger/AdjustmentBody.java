package com.powerpto.ledger;

import java.util.UUID;

/** An admin's correction of a balance; {@code idempotencyKey} (optional) makes retries safe. */
public record AdjustmentBody(UUID employeeId, UUID policyId, Long amountMinutes, String reason, String idempotencyKey) {
}
