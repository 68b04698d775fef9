package com.powerpto.policy.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * ACCRUAL / TIME: a rate per day, month or year, posted at the start or end of each period.
 * All three rate fields are always answered, the two that do not match the frequency as null
 * (as the original contract did); a write may send them as null but never as a second rate.
 */
@JsonPropertyOrder({"type", "accrual_method", "accrual_frequency", "accrual_timing"})
public record TimeAccrualSettings(
        AccrualFrequency accrualFrequency,
        AccrualTiming accrualTiming,
        Integer rateMinutesPerDay,
        Integer rateMinutesPerMonth,
        Integer rateMinutesPerYear,
        ProrationMethod proration,
        DisplayUnit unit,
        boolean allowNegative,
        Integer negativeLimitMinutes,
        Integer bankCapMinutes,
        List<TenureTier> tenureTiers,
        Carryover carryover,
        Expiration expiration) implements AccrualSettings {

    @Override
    @JsonProperty("accrual_method")
    public String accrualMethod() {
        return "TIME";
    }

    /** The base rate per period (the field matching the frequency). */
    public int baseRateMinutes() {
        return switch (accrualFrequency) {
            case DAILY -> rateMinutesPerDay;
            case MONTHLY -> rateMinutesPerMonth;
            case YEARLY -> rateMinutesPerYear;
        };
    }
}
