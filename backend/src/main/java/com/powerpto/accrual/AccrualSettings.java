package com.powerpto.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.accrual.calc.Frequency;
import com.powerpto.accrual.calc.Proration;
import com.powerpto.accrual.calc.TenureTier;
import com.powerpto.accrual.calc.TimeAccrualRule;
import com.powerpto.accrual.calc.Timing;

import java.util.ArrayList;
import java.util.List;

/**
 * What the accrual jobs need from a policy version's settings JSON (docs/policy-settings.md). The
 * policy feature validates settings strictly when a version is written; this reader is lenient and
 * only fails (one row's error, never the run) when a field the job needs is missing.
 */
record AccrualSettings(String type, String method, TimeAccrualRule timeRule, long accrueMinutes, long perWorkedMinutes,
                       List<TenureTier> tenureTiers, Long bankCapMinutes, Carryover carryover, Expiration expiration) {

    record Carryover(boolean enabled, Long capMinutes, Integer expiresAfterDays) {
    }

    record Expiration(boolean enabled, Integer expiresAfterDays, Integer month, Integer day) {
    }

    boolean isTime() {
        return "ACCRUAL".equals(type) && "TIME".equals(method);
    }

    boolean isHoursWorked() {
        return "ACCRUAL".equals(type) && "HOURS_WORKED".equals(method);
    }

    static AccrualSettings parse(JsonNode s) {
        String type = text(s, "type");
        String method = text(s, "accrual_method");
        List<TenureTier> tiers = new ArrayList<>();
        for (JsonNode tier : s.path("tenure_tiers")) {
            tiers.add(new TenureTier(tier.path("min_months").asInt(), tier.path("accrual_rate_minutes").asLong()));
        }
        TimeAccrualRule time = null;
        long accrue = 0;
        long per = 0;
        if ("ACCRUAL".equals(type) && "TIME".equals(method)) {
            Frequency frequency = Frequency.valueOf(required(s, "accrual_frequency"));
            String rateField = switch (frequency) {
                case DAILY -> "rate_minutes_per_day";
                case MONTHLY -> "rate_minutes_per_month";
                case YEARLY -> "rate_minutes_per_year";
            };
            long rate = s.path(rateField).asLong(0);
            if (rate <= 0) {
                throw new IllegalArgumentException("settings." + rateField + " is missing or not positive");
            }
            String proration = text(s, "proration");
            time = new TimeAccrualRule(frequency, Timing.valueOf(required(s, "accrual_timing")), rate,
                    proration == null ? Proration.DAYS_ACTIVE : Proration.valueOf(proration), tiers);
        } else if ("ACCRUAL".equals(type) && "HOURS_WORKED".equals(method)) {
            accrue = s.path("accrual_ratio").path("accrue_minutes").asLong(0);
            per = s.path("accrual_ratio").path("per_worked_minutes").asLong(0);
            if (accrue <= 0 || per <= 0) {
                throw new IllegalArgumentException("settings.accrual_ratio is missing or not positive");
            }
        }
        JsonNode c = s.path("carryover");
        JsonNode e = s.path("expiration");
        return new AccrualSettings(type, method, time, accrue, per, List.copyOf(tiers), longOrNull(s, "bank_cap_minutes"),
                new Carryover(c.path("enabled").asBoolean(false), longOrNull(c, "cap_minutes"), intOrNull(c, "expires_after_days")),
                new Expiration(e.path("enabled").asBoolean(false), intOrNull(e, "expires_after_days"),
                        intOrNull(e, "expires_on_month"), intOrNull(e, "expires_on_day")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("settings." + field + " is missing");
        }
        return value;
    }

    private static Long longOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }

    private static Integer intOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }
}
