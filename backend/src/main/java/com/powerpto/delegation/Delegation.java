package com.powerpto.delegation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A manager's approvals handed to another manager or an admin from {@code startDate} to
 * {@code endDate} (both inclusive, UTC dates). Revoking sets {@code revokedAt}; nothing is deleted.
 */
public record Delegation(UUID id, UUID companyId, UUID delegatorId, UUID delegateId, LocalDate startDate,
                         LocalDate endDate, String note, UUID createdBy, Instant createdAt, Instant revokedAt,
                         UUID revokedBy) {

    Delegation revoked(Instant at, UUID by) {
        return new Delegation(id, companyId, delegatorId, delegateId, startDate, endDate, note, createdBy, createdAt, at, by);
    }
}
