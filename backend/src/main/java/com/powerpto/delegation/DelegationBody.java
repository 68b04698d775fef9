package com.powerpto.delegation;

import java.time.LocalDate;
import java.util.UUID;

/** {@code delegatorId} defaults to the caller; only an admin may name another manager. */
public record DelegationBody(UUID delegatorId, UUID delegateId, LocalDate startDate, LocalDate endDate, String note) {
}
