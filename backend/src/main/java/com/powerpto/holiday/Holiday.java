package com.powerpto.holiday;

import java.time.LocalDate;
import java.util.UUID;

public record Holiday(UUID id, UUID companyId, LocalDate date, String name) {
}
