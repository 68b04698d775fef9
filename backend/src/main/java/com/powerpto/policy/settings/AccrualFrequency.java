package com.powerpto.policy.settings;

public enum AccrualFrequency {
    DAILY, MONTHLY, YEARLY
}
