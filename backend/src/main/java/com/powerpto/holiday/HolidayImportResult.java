package com.powerpto.holiday;

/** What an import did: holidays created, and preset dates skipped because their scope (or the whole company) had one. */
public record HolidayImportResult(int created, int skipped) {
}
