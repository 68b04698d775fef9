package com.powerpto.policy.settings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The typed settings of a policy version, one of three shapes (docs/policy-settings.md).
 * Immutable values; parsed strictly by {@link PolicySettingsParser}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public sealed interface PolicySettings permits UnlimitedSettings, AccrualSettings {

    @JsonProperty("type")
    String type();

    DisplayUnit unit();

    /** Rules every request under this version must keep; null when there are none. */
    RequestRules requestRules();

    @JsonIgnore
    default boolean isUnlimited() {
        return this instanceof UnlimitedSettings;
    }

    /** Null for UNLIMITED. */
    default String accrualMethod() {
        return null;
    }

    default boolean allowNegative() {
        return false;
    }

    default Integer negativeLimitMinutes() {
        return null;
    }

    default Integer bankCapMinutes() {
        return null;
    }
}
