package com.powerpto.auth;

/** Request and response bodies of the auth and account routes (snake_case on the wire). */
final class Bodies {

    private Bodies() {
    }

    record LoginBody(String email, String password) {
    }

    record LoginResponse(String accessToken, String tokenType, long expiresIn) {
    }

    record ChangePasswordBody(String currentPassword, String newPassword) {
    }

    record AcceptInviteBody(String token, String password) {
    }

    /** {@code current_password}: the admin's own password, needed to set a password without a sign-in in the last 5 minutes. */
    record AccountBody(String password, String role, String currentPassword) {
    }
}
