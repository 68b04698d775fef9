package com.powerpto.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid request bodies for the policy routes; tests copy and break them. */
final class PolicyTestBodies {

    private PolicyTestBodies() {
    }

    /** A minimal valid ACCRUAL / TIME / MONTHLY settings object (mutable copy). */
    static Map<String, Object> monthly() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "ACCRUAL");
        s.put("accrual_method", "TIME");
        s.put("accrual_frequency", "MONTHLY");
        s.put("accrual_timing", "START_OF_PERIOD");
        s.put("rate_minutes_per_month", 800);
        return s;
    }

    /** Every field of the TIME shape set to a valid value. */
    static Map<String, Object> fullTime() {
        Map<String, Object> s = monthly();
        s.put("proration", "NONE");
        s.put("unit", "HOURS");
        s.put("allow_negative", true);
        s.put("negative_limit_minutes", 960);
        s.put("bank_cap_minutes", 20000);
        s.put("tenure_tiers", new ArrayList<>(List.of(
                new LinkedHashMap<>(Map.of("min_months", 24, "accrual_rate_minutes", 1000)),
                new LinkedHashMap<>(Map.of("min_months", 0, "accrual_rate_minutes", 800)))));
        s.put("carryover", new LinkedHashMap<>(Map.of("enabled", true, "cap_minutes", 2400, "expires_after_days", 90)));
        s.put("expiration", new LinkedHashMap<>(Map.of("enabled", true, "expires_on_month", 3, "expires_on_day", 31)));
        return s;
    }

    static Map<String, Object> hoursWorked() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "ACCRUAL");
        s.put("accrual_method", "HOURS_WORKED");
        s.put("accrual_ratio", new LinkedHashMap<>(Map.of("accrue_minutes", 60, "per_worked_minutes", 1440)));
        return s;
    }

    static Map<String, Object> unlimited() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "UNLIMITED");
        return s;
    }

    static Map<String, Object> version(String effectiveFrom, Object settings) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("effective_from", effectiveFrom);
        v.put("settings", settings);
        return v;
    }

    static Map<String, Object> create(String key, String category, String effectiveFrom, Object settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("category", category);
        body.put("version", version(effectiveFrom, settings));
        return body;
    }
}
