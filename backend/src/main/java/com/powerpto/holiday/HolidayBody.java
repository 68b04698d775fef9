package com.powerpto.holiday;

import java.time.LocalDate;

public record HolidayBody(LocalDate date, String name) {
}
