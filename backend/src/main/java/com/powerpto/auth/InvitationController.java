package com.powerpto.auth;

import com.powerpto.platform.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Company-wide invitation actions (admins; issue 26). */
@RestController
public class InvitationController {

    private final AccountService accounts;

    public InvitationController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** New links for every invitation not accepted yet, by e-mail; the old links stop working. Needs a recent sign-in. */
    @PostMapping("/api/companies/{companyId}/invitations/resend")
    public AccountService.Resent resend(Caller caller, @PathVariable UUID companyId) {
        return accounts.resendInvitations(caller, companyId);
    }
}
