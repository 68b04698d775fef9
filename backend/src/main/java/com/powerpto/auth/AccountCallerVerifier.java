package com.powerpto.auth;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.CallerVerifier;
import com.powerpto.platform.security.TokenService;
import org.springframework.stereotype.Component;

/**
 * Runs after a bearer token's signature, expiry and claims have been checked: refuses (401) a
 * token whose account no longer exists, is inactive, whose employee is inactive, or whose role
 * has changed since the token was issued, or whose session generation has been raised since
 * (password change or reset, deactivation, sign-out everywhere, termination). Development-header callers never reach this.
 */
@Component
public class AccountCallerVerifier implements CallerVerifier {

    private final AccountService accounts;

    public AccountCallerVerifier(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Only tokens reach the verifier; a caller without its token's generation cannot be checked. */
    @Override
    public void verify(Caller caller) {
        throw new IllegalArgumentException("a token's session generation is needed");
    }

    @Override
    public void verify(TokenService.VerifiedToken token) {
        if (!accounts.tokenStillValid(token)) {
            throw new IllegalArgumentException("account missing, inactive, changed or signed out");
        }
    }
}
