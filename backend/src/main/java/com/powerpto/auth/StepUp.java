package com.powerpto.auth;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.CallerAuthentication;
import com.powerpto.platform.security.TokenService;
import com.powerpto.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Step-up re-authentication (api.md "Step-up", issue 25): acting on someone's credentials or
 * powers — setting a password, creating an invitation or reset link, changing a role — needs a
 * sign-in less than {@link #WINDOW} old or the caller's own {@code current_password}. Use
 * {@link #require} where the request body is JSON (it can carry {@code current_password}) and
 * {@link #requireRecentSignIn} where it cannot (a CSV import that invites, a resend of
 * invitations). Call it before anything is written.
 * <ul>
 *   <li>no recent sign-in and no password → 403 {@code recent_sign_in_required}</li>
 *   <li>a wrong password → 400 {@code wrong_current_password}, throttled like a sign-in</li>
 *   <li>a token whose {@code iat} lies in the future never counts as recent</li>
 *   <li>development-header callers (development only, who can act as anyone anyway) pass</li>
 * </ul>
 */
@Component
public class StepUp {

    public static final Duration WINDOW = Duration.ofMinutes(5);
    public static final String CODE = "recent_sign_in_required";
    private static final Logger log = LoggerFactory.getLogger("com.powerpto.auth");

    private final AccountRepository accounts;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final TokenService tokens;

    StepUp(AccountRepository accounts, Passwords passwords, LoginThrottle throttle, TokenService tokens) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    /** A recent sign-in, or {@code currentPassword} (the caller's own) when given. {@code action} completes "… needs a recent sign-in". */
    public void require(Caller caller, String currentPassword, String clientAddress, String action) {
        if (currentPassword == null) {
            requireRecentSignIn(caller, action);
            return;
        }
        if (developmentHeaders()) {
            return;
        }
        AccountRepository.StoredAccount own = accounts.find(caller.companyId(), caller.userId())
                .orElseThrow(() -> refused(action + " needs a recent sign-in: sign in again"));
        LoginThrottle.Attempt attempt = throttle.begin(own.email(), clientAddress);
        if (!passwords.matches(currentPassword, own.passwordHash())) {
            log.info("step-up of {} in company {} refused: wrong current password", caller.userId(), caller.companyId());
            throw ApiException.businessRule("wrong_current_password", "current_password is not correct");
        }
        attempt.succeeded();
    }

    /** For bodies that cannot carry a password: only a sign-in within {@link #WINDOW} passes. */
    public void requireRecentSignIn(Caller caller, String action) {
        if (developmentHeaders()) {
            return;
        }
        Optional<Instant> signedInAt = CallerAuthentication.currentSignIn();
        if (signedInAt.isPresent() && tokens.issuedWithin(signedInAt.get(), WINDOW)) {
            return;
        }
        log.info("step-up of {} in company {} refused: sign-in older than {} minutes", caller.userId(), caller.companyId(),
                WINDOW.toMinutes());
        throw refused(action + " needs a sign-in from the last " + WINDOW.toMinutes()
                + " minutes: give current_password (your own password) or sign in again");
    }

    /** Development-header callers carry no sign-in time (only honoured when ENVIRONMENT=development). */
    private static boolean developmentHeaders() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication
                && CallerAuthentication.currentSignIn().isEmpty();
    }

    private static ApiException refused(String message) {
        return ApiException.of(org.springframework.http.HttpStatus.FORBIDDEN, CODE, message);
    }
}
