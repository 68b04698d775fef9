package com.powerpto.policy.settings;

/** From {@code minMonths} of tenure on, the accrual rate per period is {@code accrualRateMinutes}. */
public record TenureTier(int minMonths, int accrualRateMinutes) {
}
