package com.powerpto.delegation;

import java.util.UUID;

/** Someone who can decide requests: a manager or an admin (role as in their account). */
public record Approver(UUID id, String firstName, String lastName, String role) {
}
