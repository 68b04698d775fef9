package com.powerpto.holiday;

import java.time.Instant;
import java.util.UUID;

/**
 * A company location (issue 28). {@code name} matches employees' {@code location} and located
 * holidays case-insensitively. {@code country}/{@code region}: the holiday preset it is bound to
 * (null = none), its holidays named in {@code language} (null = English); {@code holidaysFilledThrough}: the last year the worker imported for that binding.
 * {@code employeeCount}: active employees whose location is this one.
 */
public record Location(UUID id, UUID companyId, String name, String country, String region, String language,
                       Integer holidaysFilledThrough, long employeeCount, Instant createdAt) {
}
