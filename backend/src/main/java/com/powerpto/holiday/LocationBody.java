package com.powerpto.holiday;

/**
 * Create a location ({@code name}, optionally bound to a preset) or change its binding
 * ({@code country}, {@code region} and the holidays' {@code language}; a null country unbinds). The name cannot be changed: it is
 * the text employees and holidays carry.
 */
public record LocationBody(String name, String country, String region, String language) {
}
