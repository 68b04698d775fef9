package com.powerpto.auth;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.CallerVerifier;
import org.springframework.stereotype.Component;

/**
 * Runs after a bearer token's signature, expiry and claims have been checked: refuses (401) a
 * token whose account no longer exists, is inactive, whose employee is inactive, or whose role
 * has changed since the token was issued. Development-header callers never reach this.
 */
@Component
public class AccountCallerVerifier implements CallerVerifier {

    private final AccountService accounts;

    public AccountCallerVerifier(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void verify(Caller caller) {
        if (!accounts.tokenStillValid(caller)) {
            throw new IllegalArgumentException("account missing, inactive or changed");
        }
    }
}
