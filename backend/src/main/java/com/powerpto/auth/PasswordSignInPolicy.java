package com.powerpto.auth;

import java.util.UUID;

/**
 * Whether a password may sign this account in (single sign-on may forbid it). Implemented by the
 * SSO module; without one every password sign-in is allowed.
 */
public interface PasswordSignInPolicy {

    boolean passwordAllowed(UUID companyId, UUID employeeId);
}
