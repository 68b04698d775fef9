package com.powerpto.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A live request whose duration differs from what it would be now, because holidays or the
 * employee's location changed since it was computed. {@code differenceMinutes} = current −
 * requested (negative: the request now takes less); {@code holidays} names the holidays inside it now.
 */
public record DurationChange(UUID requestId, UUID employeeId, String employeeName, UUID policyId, RequestStatus status,
                             Instant startAt, Instant endAt, long requestedMinutes, long currentMinutes,
                             long differenceMinutes, List<String> holidays, String cause, Instant touchedAt) {
}
