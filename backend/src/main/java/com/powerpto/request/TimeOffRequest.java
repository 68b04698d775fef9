package com.powerpto.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A time-off request as the API shows it. The last four fields are additions (issue 19):
 * who entered it (the employee, their manager or an admin), for whom a delegate decided it, and
 * which request rules an admin overrode with which reason.
 */
public record TimeOffRequest(UUID id, UUID companyId, UUID employeeId, UUID policyId, Instant startAt, Instant endAt,
                             long requestedMinutes, String reason, RequestStatus status, Instant submittedAt,
                             Instant decidedAt, UUID decidedBy, String decisionNote, String idempotencyKey,
                             Instant createdAt, UUID enteredBy, UUID decidedOnBehalfOf, List<String> rulesOverridden,
                             String ruleOverrideReason) {

    TimeOffRequest withDecision(RequestStatus newStatus, Instant at, UUID by, String note) {
        return withDecision(newStatus, at, by, note, null);
    }

    TimeOffRequest withDecision(RequestStatus newStatus, Instant at, UUID by, String note, UUID onBehalfOf) {
        return new TimeOffRequest(id, companyId, employeeId, policyId, startAt, endAt, requestedMinutes, reason,
                newStatus, submittedAt, at, by, note, idempotencyKey, createdAt, enteredBy, onBehalfOf, rulesOverridden,
                ruleOverrideReason);
    }
}
