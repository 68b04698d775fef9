package com.powerpto.policy.settings;

import com.fasterxml.jackson.annotation.JsonInclude;

public record UnlimitedSettings(DisplayUnit unit,
                                @JsonInclude(JsonInclude.Include.NON_NULL) RequestRules requestRules) implements PolicySettings {

    @Override
    public String type() {
        return "UNLIMITED";
    }
}
