package com.powerpto.policy;

import java.time.Instant;
import java.util.UUID;

/**
 * The contract's Policy: a stable identity plus the version in force today (or the latest).
 * {@code name} and {@code description} (issue 20) are optional display texts, null when unset.
 */
public record Policy(UUID id, UUID companyId, String key, PolicyCategory category, Instant createdAt,
                     PolicyVersionView currentVersion, String name, String description) {

    /** What a person reads: the name, else the key. */
    public String label() {
        return name != null ? name : key;
    }
}
