package com.powerpto.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * What a request message needs, so this package does not depend on the request package.
 * {@code enteredBy} is who entered the request when it was not the employee (on behalf), else null.
 */
public record RequestFacts(UUID companyId, UUID requestId, UUID employeeId, UUID policyId, Instant startAt, Instant endAt,
                           long minutes, UUID decidedBy, String decisionNote, UUID enteredBy) {
}
