package com.powerpto.policy.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** ACCRUAL / HOURS_WORKED: {@code accrue_minutes} for every {@code per_worked_minutes} of payroll time. */
@JsonPropertyOrder({"type", "accrual_method", "accrual_ratio"})
public record HoursWorkedSettings(
        AccrualRatio accrualRatio,
        DisplayUnit unit,
        boolean allowNegative,
        Integer negativeLimitMinutes,
        Integer bankCapMinutes,
        List<TenureTier> tenureTiers,
        Carryover carryover,
        Expiration expiration,
        @JsonInclude(JsonInclude.Include.NON_NULL) RequestRules requestRules) implements AccrualSettings {

    @Override
    @JsonProperty("accrual_method")
    public String accrualMethod() {
        return "HOURS_WORKED";
    }
}
