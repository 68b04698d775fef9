package com.powerpto.payroll;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The webhook body (snake_case on the wire; unknown fields are refused). */
public record PayrollRun(UUID payrollRunId, UUID companyId, LocalDate periodStart, LocalDate periodEnd, List<Entry> entries) {

    public record Entry(UUID employeeId, Long workedMinutes) {
    }
}
