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

    public record CreatePolicy(String key, PolicyCategory category, VersionBody version) {
    }

    public record UpdatePolicy(VersionBody version) {
    }
}
