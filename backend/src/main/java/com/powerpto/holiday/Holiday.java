package com.powerpto.holiday;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The contract's Holiday. {@code location} null = the whole company; otherwise it applies to the
 * employees whose location equals it case-insensitively. A {@code halfDay} holiday keeps the first
 * half of that day's working window and frees the second.
 */
public record Holiday(UUID id, UUID companyId, LocalDate date, String name, String location, boolean halfDay) {

    /** Company-wide, whole day: what POST /holidays created before issue 28. */
    public Holiday(UUID id, UUID companyId, LocalDate date, String name) {
        this(id, companyId, date, name, null, false);
    }
}
