package com.powerpto.holiday;

import java.time.LocalDate;

/** Create (all fields) or edit (the fields sent) a holiday; {@code location} absent or null = company-wide. */
public record HolidayBody(LocalDate date, String name, String location, Boolean halfDay) {

    public HolidayBody(LocalDate date, String name) {
        this(date, name, null, null);
    }
}
