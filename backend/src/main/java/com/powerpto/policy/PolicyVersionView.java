package com.powerpto.policy;

import com.powerpto.policy.settings.PolicySettings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The contract's PolicyVersion; {@code settings} is the typed, normalised settings value. */
public record PolicyVersionView(UUID id, UUID policyId, int version, LocalDate effectiveFrom, LocalDate effectiveTo,
                                String type, String accrualMethod, PolicySettings settings, UUID createdBy,
                                String changeReason, Instant createdAt) {

    public boolean inForceOn(LocalDate date) {
        return !effectiveFrom.isAfter(date) && (effectiveTo == null || effectiveTo.isAfter(date));
    }
}
