package com.powerpto.policy;

import java.time.Instant;
import java.util.UUID;

/** The contract's Policy: a stable identity plus the version in force today (or the latest). */
public record Policy(UUID id, UUID companyId, String key, PolicyCategory category, Instant createdAt,
                     PolicyVersionView currentVersion) {
}
