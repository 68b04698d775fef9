package com.powerpto.lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What is left to pay out, per policy: {@code payable} = {@code available} for accrual policies
 * (negative when the balance is), 0 for unlimited ones (whose available is null).
 */
public record FinalStatement(UUID employeeId, LocalDate terminationDate, List<Item> items) {

    /** {@code policyName} (issue 20, additive): the policy's display name, null when unset. */
    public record Item(UUID policyId, String policyKey, Long availableMinutes, long payableMinutes, String unit,
                       String policyName) {
    }
}
