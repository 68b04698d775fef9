package com.powerpto.delegation;

import java.util.UUID;

/**
 * Someone a delegation can go to: a manager or an admin (role as in their account; "manager" for
 * someone who manages people and has no account yet). {@code account} (issue 26): {@code active}
 * (can sign in), {@code invited} (invitation not yet accepted) or {@code none}.
 */
public record Approver(UUID id, String firstName, String lastName, String role, String account) {
}
