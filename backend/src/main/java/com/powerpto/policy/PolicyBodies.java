package com.powerpto.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/** Request bodies of the policy routes. */
public final class PolicyBodies {

    private PolicyBodies() {
    }

    /** {@code settings} stays a raw tree: PolicySettingsParser validates it field by field. */
    public record VersionBody(LocalDate effectiveFrom, JsonNode settings, String changeReason) {
    }

    /** {@code name} and {@code description} are optional display texts (issue 20). */
    public record CreatePolicy(String key, PolicyCategory category, VersionBody version, String name,
                               String description) {

        public CreatePolicy(String key, PolicyCategory category, VersionBody version) {
            this(key, category, version, null, null);
        }
    }

    /**
     * Either a new {@code version}, or new display texts, or both. An absent (null) name or
     * description keeps the stored one; an empty string clears it.
     */
    public record UpdatePolicy(VersionBody version, String name, String description) {

        public UpdatePolicy(VersionBody version) {
            this(version, null, null);
        }

        boolean changesTexts() {
            return name != null || description != null;
        }
    }
}
