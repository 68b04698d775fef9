package com.powerpto.policy.settings;

public record AccrualRatio(int accrueMinutes, int perWorkedMinutes) {
}
