package com.powerpto.auth;

import java.util.UUID;

/** {@code GET /api/auth/me}: who the caller is, and their employee record (null when there is none). */
public record MeView(UUID userId, UUID companyId, String role, EmployeeView employee) {
}
