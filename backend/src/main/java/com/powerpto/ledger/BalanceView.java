package com.powerpto.ledger;

import java.time.Instant;
import java.util.UUID;

/** The contract's Balance: one employee on one policy. {@code availableMinutes} is null when unlimited. */
public record BalanceView(UUID policyId, String policyKey, String policyCategory, long accruedMinutes,
                          long usedMinutes, long heldMinutes, Long availableMinutes, boolean isUnlimited,
                          Instant updatedAt) {
}
