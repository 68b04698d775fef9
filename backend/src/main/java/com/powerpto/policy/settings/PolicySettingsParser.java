package com.powerpto.policy.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.web.ApiException;

import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict parsing of the three settings shapes: every violation is a 422 naming the field
 * ({@code settings.<field>}), unknown fields are refused, defaults are filled in.
 */
public final class PolicySettingsParser {

    private static final String P = "settings.";
    private static final Set<String> COMMON = Set.of("type", "accrual_method", "unit", "allow_negative",
            "negative_limit_minutes", "bank_cap_minutes", "tenure_tiers", "carryover", "expiration", "request_rules");
    private static final Set<String> TIME = Set.of("accrual_frequency", "accrual_timing", "rate_minutes_per_day",
            "rate_minutes_per_month", "rate_minutes_per_year", "proration", "part_time_proration", "full_time_week_minutes");
    /** A full-time week may be at most every minute of seven days. */
    private static final int MAX_WEEK_MINUTES = 7 * 1440;
    private static final Set<String> HOURS = Set.of("accrual_ratio");
    private static final int MAX_MINUTES = 10_000_000;

    private PolicySettingsParser() {
    }

    public static PolicySettings parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw ApiException.invalid("settings", "is required");
        }
        if (!node.isObject()) {
            throw ApiException.invalid("settings", "must be an object");
        }
        String type = requiredText(node, "type");
        return switch (type) {
            case "UNLIMITED" -> unlimited(node);
            case "ACCRUAL" -> accrual(node);
            default -> throw ApiException.invalid(P + "type", "must be UNLIMITED or ACCRUAL");
        };
    }

    private static UnlimitedSettings unlimited(JsonNode node) {
        onlyFields(node, Set.of("type", "unit", "request_rules"));
        return new UnlimitedSettings(unit(node), RequestRulesParser.parse(node.get("request_rules")));
    }

    private static AccrualSettings accrual(JsonNode node) {
        String method = requiredText(node, "accrual_method");
        return switch (method) {
            case "TIME" -> time(node);
            case "HOURS_WORKED" -> hoursWorked(node);
            default -> throw ApiException.invalid(P + "accrual_method", "must be TIME or HOURS_WORKED");
        };
    }

    private static TimeAccrualSettings time(JsonNode node) {
        onlyFields(node, union(COMMON, TIME));
        AccrualFrequency frequency = enumValue(node, "accrual_frequency", AccrualFrequency.class, null);
        AccrualTiming timing = enumValue(node, "accrual_timing", AccrualTiming.class, null);
        String rateField = "rate_minutes_per_" + switch (frequency) {
            case DAILY -> "day";
            case MONTHLY -> "month";
            case YEARLY -> "year";
        };
        for (String field : List.of("rate_minutes_per_day", "rate_minutes_per_month", "rate_minutes_per_year")) {
            if (!field.equals(rateField) && present(node, field)) {
                throw ApiException.invalid(P + field, "not allowed with accrual_frequency " + frequency + " (use " + rateField + ")");
            }
        }
        Integer rate = positive(node, rateField, true);
        Integer[] rates = {null, null, null};
        rates[frequency.ordinal()] = rate;
        Common common = common(node);
        Boolean partTime = present(node, "part_time_proration") ? bool(node, "part_time_proration", false) : null;
        Integer fullTimeWeek = positive(node, "full_time_week_minutes", false);
        if (fullTimeWeek != null && !Boolean.TRUE.equals(partTime)) {
            throw ApiException.invalid(P + "full_time_week_minutes", "only allowed when part_time_proration is true");
        }
        if (fullTimeWeek != null && (fullTimeWeek < 60 || fullTimeWeek > MAX_WEEK_MINUTES)) {
            throw ApiException.invalid(P + "full_time_week_minutes", "must be between 60 and " + MAX_WEEK_MINUTES);
        }
        return new TimeAccrualSettings(frequency, timing, rates[0], rates[1], rates[2],
                enumValue(node, "proration", ProrationMethod.class, ProrationMethod.DAYS_ACTIVE),
                common.unit, common.allowNegative, common.negativeLimit, common.bankCap, common.tiers,
                common.carryover, common.expiration, RequestRulesParser.parse(node.get("request_rules")),
                partTime, fullTimeWeek);
    }

    private static HoursWorkedSettings hoursWorked(JsonNode node) {
        onlyFields(node, union(COMMON, HOURS));
        JsonNode ratio = node.get("accrual_ratio");
        if (ratio == null || ratio.isNull()) {
            throw ApiException.invalid(P + "accrual_ratio", "is required");
        }
        if (!ratio.isObject()) {
            throw ApiException.invalid(P + "accrual_ratio", "must be an object");
        }
        onlyFields(ratio, Set.of("accrue_minutes", "per_worked_minutes"), "accrual_ratio.");
        AccrualRatio accrualRatio = new AccrualRatio(positive(ratio, "accrue_minutes", true, "accrual_ratio."),
                positive(ratio, "per_worked_minutes", true, "accrual_ratio."));
        Common common = common(node);
        return new HoursWorkedSettings(accrualRatio, common.unit, common.allowNegative, common.negativeLimit,
                common.bankCap, common.tiers, common.carryover, common.expiration,
                RequestRulesParser.parse(node.get("request_rules")));
    }

    private record Common(DisplayUnit unit, boolean allowNegative, Integer negativeLimit, Integer bankCap,
                          List<TenureTier> tiers, Carryover carryover, Expiration expiration) {
    }

    private static Common common(JsonNode node) {
        boolean allowNegative = bool(node, "allow_negative", false);
        Integer negativeLimit = nonNegative(node, "negative_limit_minutes", "");
        if (negativeLimit != null && !allowNegative) {
            throw ApiException.invalid(P + "negative_limit_minutes", "only allowed when allow_negative is true");
        }
        return new Common(unit(node), allowNegative, negativeLimit, positive(node, "bank_cap_minutes", false),
                tiers(node), carryover(node), expiration(node));
    }

    private static List<TenureTier> tiers(JsonNode node) {
        JsonNode tiers = node.get("tenure_tiers");
        if (tiers == null || tiers.isNull()) {
            return List.of();
        }
        if (!tiers.isArray()) {
            throw ApiException.invalid(P + "tenure_tiers", "must be a list");
        }
        if (tiers.size() > 50) {
            throw ApiException.invalid(P + "tenure_tiers", "at most 50 tiers");
        }
        List<TenureTier> result = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            JsonNode tier = tiers.get(i);
            String prefix = "tenure_tiers[" + i + "].";
            if (!tier.isObject()) {
                throw ApiException.invalid(P + "tenure_tiers[" + i + "]", "must be an object");
            }
            onlyFields(tier, Set.of("min_months", "accrual_rate_minutes"), prefix);
            Integer months = nonNegative(tier, "min_months", prefix);
            if (months == null) {
                throw ApiException.invalid(P + prefix + "min_months", "is required");
            }
            if (months > 1200) {
                throw ApiException.invalid(P + prefix + "min_months", "must be at most 1200");
            }
            if (!seen.add(months)) {
                throw ApiException.invalid(P + prefix + "min_months", "each tier needs a different min_months");
            }
            result.add(new TenureTier(months, positive(tier, "accrual_rate_minutes", true, prefix)));
        }
        result.sort(java.util.Comparator.comparingInt(TenureTier::minMonths));
        return List.copyOf(result);
    }

    private static Carryover carryover(JsonNode node) {
        JsonNode c = object(node, "carryover");
        if (c == null) {
            return Carryover.DISABLED;
        }
        onlyFields(c, Set.of("enabled", "cap_minutes", "expires_after_days", "reset_on", "reset_month", "reset_day"),
                "carryover.");
        boolean enabled = bool(c, "enabled", false, "carryover.");
        Integer cap = nonNegative(c, "cap_minutes", "carryover.");
        Integer expires = positive(c, "expires_after_days", false, "carryover.");
        String resetOn = present(c, "reset_on") ? c.get("reset_on").asText() : null;
        if (resetOn != null && (!c.get("reset_on").isTextual()
                || !resetOn.equals(Carryover.FIXED_DATE) && !resetOn.equals(Carryover.HIRE_ANNIVERSARY))) {
            throw ApiException.invalid(P + "carryover.reset_on", "must be one of FIXED_DATE, HIRE_ANNIVERSARY");
        }
        Integer month = positive(c, "reset_month", false, "carryover.");
        Integer day = positive(c, "reset_day", false, "carryover.");
        if (!enabled && (cap != null || expires != null || resetOn != null || month != null || day != null)) {
            throw ApiException.invalid(P + "carryover.enabled", "must be true when cap_minutes, expires_after_days or a reset date is set");
        }
        if (expires != null && expires > 3660) {
            throw ApiException.invalid(P + "carryover.expires_after_days", "must be at most 3660");
        }
        resetDate(resetOn, month, day);
        return new Carryover(enabled, cap, expires, resetOn, month, day);
    }

    /** A fixed reset date must exist every year (no 29 February); an anniversary takes none. */
    private static void resetDate(String resetOn, Integer month, Integer day) {
        String prefix = P + "carryover.";
        if (Carryover.HIRE_ANNIVERSARY.equals(resetOn)) {
            if (month != null || day != null) {
                throw ApiException.invalid(prefix + (month != null ? "reset_month" : "reset_day"),
                        "not allowed with reset_on HIRE_ANNIVERSARY");
            }
            return;
        }
        if ((month == null) != (day == null)) {
            throw ApiException.invalid(prefix + (month == null ? "reset_month" : "reset_day"),
                    "is required with " + (month == null ? "reset_day" : "reset_month"));
        }
        if (month != null && month > 12) {
            throw ApiException.invalid(prefix + "reset_month", "must be 1 to 12");
        }
        if (month != null && day > Month.of(month).minLength()) {
            throw ApiException.invalid(prefix + "reset_day", "must be a day that exists every year in month " + month);
        }
    }

    private static Expiration expiration(JsonNode node) {
        JsonNode e = object(node, "expiration");
        if (e == null) {
            return Expiration.DISABLED;
        }
        String prefix = "expiration.";
        onlyFields(e, Set.of("enabled", "expires_after_days", "expires_on_month", "expires_on_day"), prefix);
        boolean enabled = bool(e, "enabled", false, prefix);
        Integer afterDays = positive(e, "expires_after_days", false, prefix);
        Integer month = positive(e, "expires_on_month", false, prefix);
        Integer day = positive(e, "expires_on_day", false, prefix);
        if (!enabled) {
            if (afterDays != null || month != null || day != null) {
                throw ApiException.invalid(P + prefix + "enabled", "must be true when an expiry is set");
            }
            return Expiration.DISABLED;
        }
        boolean fixedDate = month != null || day != null;
        if (afterDays != null && fixedDate) {
            throw ApiException.invalid(P + prefix + "expires_after_days", "use either expires_after_days or expires_on_month/day, not both");
        }
        if (afterDays == null && !fixedDate) {
            throw ApiException.invalid(P + prefix + "expires_after_days", "set expires_after_days or expires_on_month and expires_on_day");
        }
        if (afterDays != null && afterDays > 3660) {
            throw ApiException.invalid(P + prefix + "expires_after_days", "must be at most 3660");
        }
        if (fixedDate) {
            if (month == null || day == null) {
                throw ApiException.invalid(P + prefix + (month == null ? "expires_on_month" : "expires_on_day"),
                        "is required with " + (month == null ? "expires_on_day" : "expires_on_month"));
            }
            if (month > 12) {
                throw ApiException.invalid(P + prefix + "expires_on_month", "must be 1 to 12");
            }
            if (day > Month.of(month).minLength()) {
                throw ApiException.invalid(P + prefix + "expires_on_day", "must be a day that exists every year in month " + month);
            }
        }
        return new Expiration(true, afterDays, month, day);
    }

    private static DisplayUnit unit(JsonNode node) {
        return enumValue(node, "unit", DisplayUnit.class, DisplayUnit.DAYS);
    }

    private static void onlyFields(JsonNode node, Set<String> allowed) {
        onlyFields(node, allowed, "");
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.invalid(P + prefix + name, "unknown field for this policy type");
            }
        }
    }

    private static boolean present(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.invalid(P + field, "is required");
        }
        if (!value.isTextual()) {
            throw ApiException.invalid(P + field, "must be a string");
        }
        return value.asText();
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw ApiException.invalid(P + field, "must be an object");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type, E fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw ApiException.invalid(P + field, "is required");
            }
            return fallback;
        }
        try {
            if (!value.isTextual()) {
                throw new IllegalArgumentException();
            }
            return Enum.valueOf(type, value.asText());
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw ApiException.invalid(P + field, "must be one of " + String.join(", ", names));
        }
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        return bool(node, field, fallback, "");
    }

    private static boolean bool(JsonNode node, String field, boolean fallback, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw ApiException.invalid(P + prefix + field, "must be true or false");
        }
        return value.booleanValue();
    }

    private static Integer positive(JsonNode node, String field, boolean required) {
        return positive(node, field, required, "");
    }

    private static Integer positive(JsonNode node, String field, boolean required, String prefix) {
        Integer value = integer(node, field, prefix);
        if (value == null) {
            if (required) {
                throw ApiException.invalid(P + prefix + field, "is required");
            }
            return null;
        }
        if (value <= 0) {
            throw ApiException.invalid(P + prefix + field, "must be greater than 0");
        }
        return value;
    }

    private static Integer nonNegative(JsonNode node, String field, String prefix) {
        Integer value = integer(node, field, prefix);
        if (value != null && value < 0) {
            throw ApiException.invalid(P + prefix + field, "must be 0 or more");
        }
        return value;
    }

    private static Integer integer(JsonNode node, String field, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.invalid(P + prefix + field, "must be a whole number of minutes");
        }
        int number = value.intValue();
        if (number > MAX_MINUTES) {
            throw ApiException.invalid(P + prefix + field, "must be at most " + MAX_MINUTES);
        }
        return number;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
