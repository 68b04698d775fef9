package com.powerpto.holiday;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Published inside the transaction that created, edited, deleted or imported holidays: requests of
 * the people in scope ({@code location} null = everyone) that touch one of {@code dates} may now
 * have another duration. Listeners run in the same transaction (a plain {@code @EventListener}).
 */
public record HolidaysChanged(UUID companyId, String location, Set<LocalDate> dates, String cause) {
}
