package com.powerpto.platform.security;

import com.powerpto.platform.web.ApiException;

import java.util.Arrays;
import java.util.UUID;

/** Who is calling: every controller receives this one object (from a JWT or development headers). */
public record Caller(UUID userId, UUID companyId, Role role) {

    /** The worker and the payroll webhook act as the nil UUID in the audit log. */
    public static final UUID SYSTEM_ID = new UUID(0L, 0L);

    public static Caller system(UUID companyId) {
        return new Caller(SYSTEM_ID, companyId, Role.ADMIN);
    }

    /** 403 when the path's company is not the caller's. */
    public Caller inCompany(UUID pathCompanyId) {
        if (!companyId.equals(pathCompanyId)) {
            throw ApiException.forbidden("you do not belong to this company");
        }
        return this;
    }

    public Caller requireRole(Role... allowed) {
        if (Arrays.stream(allowed).noneMatch(r -> r == role)) {
            throw ApiException.forbidden("this action needs the role " + describe(allowed));
        }
        return this;
    }

    /** Shorthand for the most common route rule: an admin of the path's company. */
    public Caller adminOf(UUID pathCompanyId) {
        return inCompany(pathCompanyId).requireRole(Role.ADMIN);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isManager() {
        return role == Role.MANAGER;
    }

    public boolean isSelf(UUID employeeId) {
        return userId.equals(employeeId);
    }

    private static String describe(Role[] roles) {
        return String.join(" or ", Arrays.stream(roles).map(Role::claim).toList());
    }
}
