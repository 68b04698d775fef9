package com.powerpto.payroll;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The webhook body (snake_case on the wire; unknown fields are refused). {@code payroll_run_id}
 * is the provider's own id: any string of 1–255 characters, e.g. {@code 2026-11-B2} or a UUID.
 */
public record PayrollRun(String payrollRunId, UUID companyId, LocalDate periodStart, LocalDate periodEnd, List<Entry> entries) {

    public record Entry(UUID employeeId, Long workedMinutes) {
    }
}
