package com.powerpto.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/**
 * An account as the API shows it. {@code invite_token} appears only in the answer that created
 * the invitation (it is stored only as a SHA-256 hash).
 */
public record AccountView(UUID employeeId, String email, String role, boolean active, boolean hasPassword,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String inviteToken) {

    static AccountView of(AccountRepository.StoredAccount account, String inviteToken) {
        return new AccountView(account.employeeId(), account.email(), account.role().claim(), account.active(),
                account.passwordHash() != null, inviteToken);
    }
}
