package com.powerpto.policy.settings;

public enum DisplayUnit {
    MINUTES, HOURS, DAYS
}
