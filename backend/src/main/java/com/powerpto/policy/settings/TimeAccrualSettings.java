package com.powerpto.policy.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * ACCRUAL / TIME: a rate per day, month or year, posted at the start or end of each period.
 * All three rate fields are always answered, the two that do not match the frequency as null
 * (as the original contract did); a write may send them as null but never as a second rate.
 * {@code part_time_proration} / {@code full_time_week_minutes} (issue 24) are printed only when set,
 * so stored policies read and print as before.
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
        Expiration expiration,
        @JsonInclude(JsonInclude.Include.NON_NULL) RequestRules requestRules,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean partTimeProration,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer fullTimeWeekMinutes) implements AccrualSettings {

    /** Issue 24: scale grants by the employee's weekly minutes against this full-time week. */
    public static final int DEFAULT_FULL_TIME_WEEK_MINUTES = 5 * 480;

    /** Whether grants are prorated for part-time employees (absent = no). */
    public boolean partTime() {
        return Boolean.TRUE.equals(partTimeProration);
    }

    /** The full-time week part-time proration compares with (5 × 480 unless set). */
    public int fullTimeWeek() {
        return fullTimeWeekMinutes == null ? DEFAULT_FULL_TIME_WEEK_MINUTES : fullTimeWeekMinutes;
    }

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
