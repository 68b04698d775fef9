package com.powerpto.assignment;

import java.time.LocalDate;
import java.util.UUID;

public record AssignmentBody(UUID employeeId, LocalDate effectiveFrom, LocalDate effectiveTo) {
}
