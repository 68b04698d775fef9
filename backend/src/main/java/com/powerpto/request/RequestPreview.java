package com.powerpto.request;

import java.util.List;

/**
 * What a submit would do, computed without writing anything. {@code availableMinutesOnStart}: the
 * projected available balance on the request's first day (the balance forecast, issue 14), null
 * for unlimited policies. {@code days} and {@code ruleViolations} (issue 19): the request day by
 * day, and the request rules a submit would refuse it for (each also in {@code warnings} as a sentence).
 */
public record RequestPreview(long requestedMinutes, Long availableMinutesAfter, List<String> warnings,
                             Long availableMinutesOnStart, List<DurationCalculator.Day> days,
                             List<RuleWarning> ruleViolations) {

    /** A request rule the submit would break. */
    public record RuleWarning(String code, String message, java.util.Map<String, Object> context) {
    }
}
