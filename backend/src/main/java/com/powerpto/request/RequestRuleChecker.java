package com.powerpto.request;

import com.powerpto.policy.settings.RequestRules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The request rules of a policy version (docs/policy-settings.md), checked against a request's
 * day-by-day breakdown. Pure: the caller reads the team's absences and today's date.
 * Only days that count working time matter: a weekend inside a blackout is not a violation,
 * and "consecutive days" are the working days one request takes off.
 */
public final class RequestRuleChecker {

    private RequestRuleChecker() {
    }

    /** One broken rule: its stable code, a short message, a sentence for people and the numbers behind it. */
    public record Violation(String code, String message, String sentence, Map<String, Object> context) {
    }

    /** Another person's live absence, for the staffing rule. */
    public record Absence(UUID employeeId, Instant start, Instant end) {
    }

    /** Notice, length and blackout rules, in that order. */
    public static List<Violation> check(RequestRules rules, List<DurationCalculator.Day> days, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (rules == null) {
            return violations;
        }
        List<DurationCalculator.Day> working = days.stream().filter(d -> d.minutes() > 0).toList();
        if (working.isEmpty()) {
            return violations;
        }
        LocalDate first = working.get(0).date();
        if (rules.minNoticeDays() != null) {
            LocalDate earliest = today.plusDays(rules.minNoticeDays());
            if (first.isBefore(earliest)) {
                violations.add(new Violation("rule_min_notice",
                        "requests under this policy need " + rules.minNoticeDays() + " days' notice",
                        "This policy needs " + rules.minNoticeDays() + " days' notice: the earliest start you can request today is "
                                + earliest + ".",
                        context("min_notice_days", rules.minNoticeDays(), "earliest_start_date", earliest.toString(),
                                "start_date", first.toString())));
            }
        }
        if (rules.maxConsecutiveDays() != null && working.size() > rules.maxConsecutiveDays()) {
            violations.add(new Violation("rule_max_consecutive",
                    "requests under this policy may take at most " + rules.maxConsecutiveDays() + " working days in a row",
                    "This request takes " + working.size() + " working days off; this policy allows at most "
                            + rules.maxConsecutiveDays() + " in one request. Split it or ask an admin.",
                    context("max_consecutive_days", rules.maxConsecutiveDays(), "requested_days", working.size())));
        }
        if (rules.blackoutPeriods() != null) {
            for (RequestRules.BlackoutPeriod period : rules.blackoutPeriods()) {
                var hit = working.stream().filter(d -> period.contains(d.date())).findFirst();
                if (hit.isPresent()) {
                    String name = period.name() == null ? "a blackout period" : "\u201c" + period.name() + "\u201d";
                    violations.add(new Violation("rule_blackout",
                            "the request falls into the blackout period " + (period.name() == null ? "" : period.name() + " ")
                                    + "(" + period.startDate() + " to " + period.endDate() + ")",
                            "Time off cannot be requested during " + name + " (" + period.startDate() + " to "
                                    + period.endDate() + "); " + hit.get().date() + " falls inside it.",
                            context("blackout_name", period.name(), "blackout_start_date", period.startDate(),
                                    "blackout_end_date", period.endDate(), "date", hit.get().date().toString())));
                    break;
                }
            }
        }
        return violations;
    }

    /**
     * The staffing rule: on no working day may more than {@code limit} people of the scope, the
     * requester included, be away at the same time as the requester's absence on that day (its
     * overlap with that day's working window): a morning off and a colleague's afternoon off do
     * not meet.
     */
    public static List<Violation> staffing(RequestRules rules, List<DurationCalculator.Day> days, WorkSchedule schedule,
                                           Instant start, Instant end, List<Absence> others) {
        if (rules == null || rules.maxConcurrentAbsences() == null) {
            return List.of();
        }
        int limit = rules.maxConcurrentAbsences().limit();
        for (DurationCalculator.Day day : days) {
            if (day.minutes() <= 0) {
                continue;
            }
            Instant[] window = DurationCalculator.window(day.date(), schedule);
            Instant from = start.isAfter(window[0]) ? start : window[0];
            Instant to = end.isBefore(window[1]) ? end : window[1];
            Set<UUID> away = new HashSet<>();
            for (Absence other : others) {
                if (other.start().isBefore(to) && other.end().isAfter(from)) {
                    away.add(other.employeeId());
                }
            }
            if (away.size() + 1 > limit) {
                String scope = rules.maxConcurrentAbsences().scope().name().toLowerCase();
                return List.of(new Violation("rule_staffing",
                        "at most " + limit + " people of the " + scope + " may be away at the same time",
                        "On " + day.date() + " " + away.size() + (away.size() == 1 ? " person" : " people")
                                + " of your " + scope + " will already be away; this policy allows at most " + limit + " at once.",
                        context("scope", rules.maxConcurrentAbsences().scope().name(), "limit", limit,
                                "date", day.date().toString(), "already_away", away.size())));
            }
        }
        return List.of();
    }

    private static Map<String, Object> context(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
