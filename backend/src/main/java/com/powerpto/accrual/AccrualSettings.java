package com.powerpto.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.web.ApiException;
import com.powerpto.policy.settings.HoursWorkedSettings;
import com.powerpto.policy.settings.PolicySettings;
import com.powerpto.policy.settings.PolicySettingsParser;
import com.powerpto.policy.settings.TimeAccrualSettings;
import com.powerpto.accrual.calc.CarryoverDates;
import com.powerpto.accrual.calc.Frequency;
import com.powerpto.accrual.calc.Proration;
import com.powerpto.accrual.calc.TenureTier;
import com.powerpto.accrual.calc.TimeAccrualRule;
import com.powerpto.accrual.calc.Timing;

import com.powerpto.accrual.timeline.PolicyRules;

import java.time.MonthDay;
import java.util.List;

/**
 * What the accrual jobs need from a policy version's settings (docs/policy-settings.md), in the
 * calculators' own types.
 */
record AccrualSettings(String type, String method, TimeAccrualRule timeRule, long accrueMinutes, long perWorkedMinutes,
                       List<TenureTier> tenureTiers, Long bankCapMinutes, Carryover carryover, Expiration expiration,
                       boolean allowNegative, Integer negativeLimitMinutes, boolean partTime, long fullTimeWeekMinutes) {

    record Carryover(boolean enabled, Long capMinutes, Integer expiresAfterDays, CarryoverDates.Rule reset) {
    }

    record Expiration(boolean enabled, Integer expiresAfterDays, Integer month, Integer day) {
    }

    boolean isTime() {
        return "ACCRUAL".equals(type) && "TIME".equals(method);
    }

    boolean isHoursWorked() {
        return "ACCRUAL".equals(type) && "HOURS_WORKED".equals(method);
    }

    /** The rules a balance timeline plays ({@link com.powerpto.accrual.timeline.Timeline}). */
    PolicyRules rules() {
        if (!"ACCRUAL".equals(type)) {
            return PolicyRules.UNLIMITED;
        }
        PolicyRules.HoursRatio hours = isHoursWorked() ? new PolicyRules.HoursRatio(accrueMinutes, perWorkedMinutes, tenureTiers) : null;
        MonthDay on = expiration.month() != null && expiration.day() != null ? MonthDay.of(expiration.month(), expiration.day()) : null;
        return new PolicyRules(isTime() ? timeRule : null, hours, bankCapMinutes,
                allowNegative && negativeLimitMinutes != null ? -negativeLimitMinutes.longValue() : null,
                allowNegative && negativeLimitMinutes == null,
                new PolicyRules.Carryover(carryover.enabled(), carryover.capMinutes(), carryover.expiresAfterDays(), carryover.reset()),
                new PolicyRules.Expiration(expiration.enabled(), expiration.expiresAfterDays(), on),
                new PolicyRules.PartTime(partTime, fullTimeWeekMinutes));
    }

    /**
     * Reads a stored settings JSON through the policy feature's strict parser (the one definition of
     * the shapes), then keeps what the jobs need in calculator types. A version that no longer
     * parses fails its own rows only: the caller counts it as an error.
     */
    static AccrualSettings parse(JsonNode json) {
        PolicySettings settings;
        try {
            settings = PolicySettingsParser.parse(json);
        } catch (ApiException invalid) {
            throw new IllegalArgumentException(invalid.getMessage());
        }
        if (!(settings instanceof com.powerpto.policy.settings.AccrualSettings accrual)) {
            return new AccrualSettings(settings.type(), null, null, 0, 0, List.of(), null,
                    new Carryover(false, null, null, CarryoverDates.Rule.JANUARY_FIRST), new Expiration(false, null, null, null),
                    true, null, false, 0);
        }
        List<TenureTier> tiers = accrual.tenureTiers().stream()
                .map(t -> new TenureTier(t.minMonths(), t.accrualRateMinutes())).toList();
        TimeAccrualRule time = null;
        long accrue = 0;
        long per = 0;
        boolean partTime = false;
        long fullTimeWeek = TimeAccrualSettings.DEFAULT_FULL_TIME_WEEK_MINUTES;
        if (accrual instanceof TimeAccrualSettings t) {
            time = new TimeAccrualRule(Frequency.valueOf(t.accrualFrequency().name()), Timing.valueOf(t.accrualTiming().name()),
                    t.baseRateMinutes(), Proration.valueOf(t.proration().name()), tiers);
            partTime = t.partTime();
            fullTimeWeek = t.fullTimeWeek();
        } else if (accrual instanceof HoursWorkedSettings h) {
            accrue = h.accrualRatio().accrueMinutes();
            per = h.accrualRatio().perWorkedMinutes();
        }
        var c = accrual.carryover();
        var e = accrual.expiration();
        return new AccrualSettings(accrual.type(), accrual.accrualMethod(), time, accrue, per, tiers,
                accrual.bankCapMinutes() == null ? null : accrual.bankCapMinutes().longValue(),
                new Carryover(c.enabled(), c.capMinutes() == null ? null : c.capMinutes().longValue(), c.expiresAfterDays(),
                        CarryoverDates.Rule.of(c.resetOn(), c.resetMonth(), c.resetDay())),
                new Expiration(e.enabled(), e.expiresAfterDays(), e.expiresOnMonth(), e.expiresOnDay()),
                accrual.allowNegative(), accrual.negativeLimitMinutes(), partTime, fullTimeWeek);
    }
}
