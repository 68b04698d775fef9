package com.powerpto.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The contract's Assignment: one employee on one policy for the half-open range [from, to). */
public record Assignment(UUID id, UUID companyId, UUID employeeId, UUID policyId, LocalDate effectiveFrom,
                         LocalDate effectiveTo, UUID createdBy, Instant createdAt) {

    public boolean covers(LocalDate from, LocalDate toInclusive) {
        return !effectiveFrom.isAfter(from) && (effectiveTo == null || effectiveTo.isAfter(toInclusive));
    }
}
