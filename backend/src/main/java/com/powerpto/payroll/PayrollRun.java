package com.powerpto.payroll;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.powerpto.platform.web.CanonicalUuid;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The webhook body (snake_case on the wire; unknown fields are refused). {@code payroll_run_id}
 * is the provider's own id: any string of 1–255 characters, e.g. {@code 2026-11-B2} or a UUID.
 * The ids are read in their canonical form only: the one parsed {@code company_id} chooses the
 * secret the signature is checked with and the company written to (issue 25).
 */
public record PayrollRun(String payrollRunId,
                         @JsonDeserialize(using = CanonicalUuid.Reader.class) UUID companyId,
                         LocalDate periodStart, LocalDate periodEnd, List<Entry> entries) {

    public record Entry(@JsonDeserialize(using = CanonicalUuid.Reader.class) UUID employeeId, Long workedMinutes) {
    }
}
