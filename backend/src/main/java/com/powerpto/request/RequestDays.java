package com.powerpto.request;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET …/requests/{rid}/days}: a stored request day by day, the same {@code days} list the
 * preview shows. {@code recomputed}: the request predates stored breakdowns, so the list was counted
 * now from today's schedule and holidays (it may then differ from {@code requestedMinutes}).
 */
public record RequestDays(UUID requestId, long requestedMinutes, List<DurationCalculator.Day> days, boolean recomputed) {
}
