package com.powerpto.request;

import java.util.List;

/**
 * What a submit would do, computed without writing anything. {@code availableMinutesOnStart}: the
 * projected available balance on the request's first day (the balance forecast, issue 14), null
 * for unlimited policies. {@code days} and {@code ruleViolations} (issue 19): the request day by
 * day, and the request rules a submit would refuse it for (each also in {@code warnings} as a sentence).
 * {@code forecastOnStart} (issue 26): what the projected balance on the first day is made of.
 */
public record RequestPreview(long requestedMinutes, Long availableMinutesAfter, List<String> warnings,
                             Long availableMinutesOnStart, List<DurationCalculator.Day> days,
                             List<RuleWarning> ruleViolations, ForecastOnStart forecastOnStart) {

    /**
     * What {@code availableMinutesOnStart} contains (issue 26), so the preview can say it: available
     * now, the accruals scheduled until then (and what the bank cap withholds), the booked requests
     * already counted, and each forfeit on its date. Null for unlimited policies.
     */
    public record ForecastOnStart(java.time.LocalDate date, long availableMinutes, long scheduledAccrualMinutes,
                                  long cappedAccrualMinutes, long bookedMinutes, long expiringMinutes,
                                  long projectedAvailableMinutes, List<Forfeit> forfeits) {
    }

    /** Minutes forfeited on {@code date}: {@code kind} CARRYOVER_CAP, EXPIRATION or CARRIED_EXPIRY. */
    public record Forfeit(java.time.LocalDate date, String kind, long minutes) {
    }

    /** A request rule the submit would break. */
    public record RuleWarning(String code, String message, java.util.Map<String, Object> context) {
    }
}
