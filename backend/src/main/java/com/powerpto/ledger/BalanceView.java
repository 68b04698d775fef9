package com.powerpto.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * The contract's Balance: one employee on one policy. {@code availableMinutes} is null when unlimited.
 * {@code policyName} and {@code policyDescription} (issue 20, additive) are the policy's display name
 * and description, null when unset; clients show the name and fall back to the key.
 */
public record BalanceView(UUID policyId, String policyKey, String policyCategory, long accruedMinutes,
                          long usedMinutes, long heldMinutes, Long availableMinutes, boolean isUnlimited,
                          Instant updatedAt, String policyName, String policyDescription) {
}
