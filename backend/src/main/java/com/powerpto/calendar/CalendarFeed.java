package com.powerpto.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** A feed as its owner sees it; {@code token} and {@code url} only in the answer that created it. */
public record CalendarFeed(UUID id, String scope, boolean includePending, Instant createdAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String token,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String url) {
}
