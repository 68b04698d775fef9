package com.powerpto.holiday;

/**
 * {@code POST /holidays/import}: a preset's public holidays of one year, for the whole company
 * ({@code location} absent) or one location. {@code language} (optional, default "en") names the
 * holidays, e.g. "de" for "Heilige Drei Könige".
 */
public record HolidayImportBody(String country, String region, Integer year, String location, String language) {
}
