package com.powerpto.policy.settings;

public record UnlimitedSettings(DisplayUnit unit) implements PolicySettings {

    @Override
    public String type() {
        return "UNLIMITED";
    }
}
