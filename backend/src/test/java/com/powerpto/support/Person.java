package com.powerpto.support;

import com.powerpto.platform.security.Role;

import java.util.UUID;

/** Someone a test acts as. */
public record Person(UUID companyId, UUID id, Role role) {
}
