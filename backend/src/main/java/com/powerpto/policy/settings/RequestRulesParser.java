package com.powerpto.policy.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.web.ApiException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict parsing of {@code settings.request_rules}: every violation is a 422 naming
 * {@code settings.request_rules.<field>}, like the rest of the settings.
 */
public final class RequestRulesParser {

    private static final String P = "settings.request_rules.";
    private static final int MAX_BLACKOUTS = 100;
    private static final int MAX_NAME = 200;

    private RequestRulesParser() {
    }

    public static RequestRules parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.invalid("settings.request_rules", "must be an object");
        }
        only(node, Set.of("min_notice_days", "max_consecutive_days", "blackout_periods", "max_concurrent_absences"), P);
        return new RequestRules(
                integer(node, "min_notice_days", P, 0, 3660),
                integer(node, "max_consecutive_days", P, 1, 3660),
                blackouts(node.get("blackout_periods")),
                staffing(node.get("max_concurrent_absences")));
    }

    private static List<RequestRules.BlackoutPeriod> blackouts(JsonNode list) {
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            throw ApiException.invalid(P + "blackout_periods", "must be a list");
        }
        if (list.size() > MAX_BLACKOUTS) {
            throw ApiException.invalid(P + "blackout_periods", "at most " + MAX_BLACKOUTS + " periods");
        }
        List<RequestRules.BlackoutPeriod> periods = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String prefix = P + "blackout_periods[" + i + "]";
            JsonNode period = list.get(i);
            if (!period.isObject()) {
                throw ApiException.invalid(prefix, "must be an object");
            }
            only(period, Set.of("start_date", "end_date", "name"), prefix + ".");
            LocalDate start = date(period, "start_date", prefix + ".");
            LocalDate end = date(period, "end_date", prefix + ".");
            if (end.isBefore(start)) {
                throw ApiException.invalid(prefix + ".end_date", "must not be before start_date");
            }
            periods.add(new RequestRules.BlackoutPeriod(start.toString(), end.toString(), name(period, prefix + ".")));
        }
        return List.copyOf(periods);
    }

    private static RequestRules.MaxConcurrentAbsences staffing(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String prefix = P + "max_concurrent_absences.";
        if (!node.isObject()) {
            throw ApiException.invalid(P + "max_concurrent_absences", "must be an object");
        }
        only(node, Set.of("scope", "limit"), prefix);
        JsonNode scope = node.get("scope");
        RequestRules.StaffingScope value;
        if (scope == null || scope.isNull()) {
            value = RequestRules.StaffingScope.TEAM;
        } else if (scope.isTextual() && scope.asText().equals("TEAM")) {
            value = RequestRules.StaffingScope.TEAM;
        } else if (scope.isTextual() && scope.asText().equals("DEPARTMENT")) {
            value = RequestRules.StaffingScope.DEPARTMENT;
        } else {
            throw ApiException.invalid(prefix + "scope", "must be one of TEAM, DEPARTMENT");
        }
        Integer limit = integer(node, "limit", prefix, 1, 10_000);
        if (limit == null) {
            throw ApiException.invalid(prefix + "limit", "is required");
        }
        return new RequestRules.MaxConcurrentAbsences(value, limit);
    }

    private static void only(JsonNode node, Set<String> allowed, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.invalid(prefix + name, "unknown field");
            }
        }
    }

    private static Integer integer(JsonNode node, String field, String prefix, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw ApiException.invalid(prefix + field, "must be a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }

    private static LocalDate date(JsonNode node, String field, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.invalid(prefix + field, "is required");
        }
        try {
            if (!value.isTextual()) {
                throw new DateTimeParseException("not text", "", 0);
            }
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(prefix + field, "must be a date YYYY-MM-DD");
        }
    }

    private static String name(JsonNode node, String prefix) {
        JsonNode value = node.get("name");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_NAME) {
            throw ApiException.invalid(prefix + "name", "must be text of 1 to " + MAX_NAME + " characters");
        }
        return value.asText();
    }
}
