package com.powerpto.request;

import java.util.List;

/**
 * What a submit would do, computed without writing anything. {@code days} and
 * {@code ruleViolations} are additions (issue 19): the request day by day, and the request rules
 * a submit would refuse it for (each also in {@code warnings} as a sentence).
 */
public record RequestPreview(long requestedMinutes, Long availableMinutesAfter, List<String> warnings,
                             List<DurationCalculator.Day> days, List<RuleWarning> ruleViolations) {

    /** A request rule the submit would break. */
    public record RuleWarning(String code, String message, java.util.Map<String, Object> context) {
    }
}
