package com.powerpto.policy.settings;

public enum ProrationMethod {
    DAYS_ACTIVE, NONE
}
