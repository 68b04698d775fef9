package com.powerpto.request;

import java.time.Instant;
import java.util.UUID;

/** A time-off request as the API shows it. */
public record TimeOffRequest(UUID id, UUID companyId, UUID employeeId, UUID policyId, Instant startAt, Instant endAt,
                             long requestedMinutes, String reason, RequestStatus status, Instant submittedAt,
                             Instant decidedAt, UUID decidedBy, String decisionNote, String idempotencyKey,
                             Instant createdAt) {

    TimeOffRequest withDecision(RequestStatus newStatus, Instant at, UUID by, String note) {
        return new TimeOffRequest(id, companyId, employeeId, policyId, startAt, endAt, requestedMinutes, reason,
                newStatus, submittedAt, at, by, note, idempotencyKey, createdAt);
    }
}
