package com.powerpto.policy.settings;

public enum AccrualTiming {
    START_OF_PERIOD, END_OF_PERIOD
}
