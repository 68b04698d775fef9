package com.powerpto.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What is left to pay out, per policy: {@code payable} = {@code available} for accrual policies
 * (negative when the balance is), 0 for unlimited ones (whose available is null). Issue 24
 * (additive): {@code asOf} is the day the amounts stand on (the last day, or today before it is
 * known or once it has passed) — grants still due by then included; {@code pendingRequests} are
 * listed apart, their holds given back: a termination cancels them.
 */
public record FinalStatement(UUID employeeId, LocalDate terminationDate, List<Item> items, LocalDate asOf,
                             List<PendingRequest> pendingRequests) {

    /** {@code policyName} (issue 20, additive): the policy's display name, null when unset. */
    public record Item(UUID policyId, String policyKey, Long availableMinutes, long payableMinutes, String unit,
                       String policyName) {
    }

    /** A submitted request not decided yet. */
    public record PendingRequest(UUID requestId, UUID policyId, Instant startAt, Instant endAt, long requestedMinutes) {
    }
}
