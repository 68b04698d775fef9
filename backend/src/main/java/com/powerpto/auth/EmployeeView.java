package com.powerpto.auth;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The contract's Employee shape, read for {@code GET /api/auth/me}. */
public record EmployeeView(UUID id, UUID companyId, String firstName, String lastName, String email, String payType,
                           int workdayMinutes, String timezone, LocalDate hireDate, UUID managerId,
                           List<String> workDays, String workdayStart) {
}
