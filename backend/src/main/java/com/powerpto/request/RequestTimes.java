package com.powerpto.request;

import com.powerpto.platform.web.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads request datetimes: with an offset as given, without one as local time in the employee's zone. */
final class RequestTimes {

    /** One request spans at most a year: longer absences are leave cases, not PTO requests. */
    static final Duration MAX_SPAN = Duration.ofDays(366);

    private RequestTimes() {
    }

    static Instant parse(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(field, "must be an ISO-8601 datetime such as 2026-03-02T09:00 or 2026-03-02T09:00:00Z");
            }
        }
    }

    static void checkRange(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw ApiException.invalid("end_at", "must be after start_at");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ApiException.invalid("end_at", "a request can span at most 366 days");
        }
        if (start.isBefore(Instant.parse("1970-01-01T00:00:00Z")) || end.isAfter(Instant.parse("2200-01-01T00:00:00Z"))) {
            throw ApiException.invalid("start_at", "must be between 1970 and 2200");
        }
    }

    static LocalDate firstDay(Instant start, ZoneId zone) {
        return start.atZone(zone).toLocalDate();
    }

    /** The last local day the request touches (its end is exclusive). */
    static LocalDate lastDay(Instant end, ZoneId zone) {
        return end.minusNanos(1).atZone(zone).toLocalDate();
    }
}
