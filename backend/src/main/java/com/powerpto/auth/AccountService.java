package com.powerpto.auth;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.notification.Notifications;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.EmailKey;
import com.powerpto.platform.security.Role;
import com.powerpto.platform.security.TokenService;
import com.powerpto.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Local sign-in accounts: one per employee, e-mail = the employee's e-mail. Public methods are
 * also the entry points for other modules (the demo-data loader calls {@link #setPassword}).
 * <p>
 * Log lines name accounts by company and employee id only: never a password, token, hash or e-mail.
 */
@Service
public class AccountService {

    public static final Duration INVITE_LIFETIME = Duration.ofDays(7);
    /** Acting on someone's credentials needs a sign-in this recent, or the admin's current password. */
    public static final Duration REAUTHENTICATION_WINDOW = StepUp.WINDOW;
    static final String INVALID_CREDENTIALS = "invalid email or password";
    /** Accounts sharing one e-mail across companies that sign-in checks (oldest first). */
    private static final int MAX_LOGIN_CANDIDATES = 5;

    private static final Logger log = LoggerFactory.getLogger("com.powerpto.auth");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository repository;
    private final Passwords passwords;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Notifications notifications;
    private final TransactionTemplate transaction;
    private final StepUp stepUp;
    private PasswordSignInPolicy passwordPolicy = (company, employee) -> true;

    public AccountService(AccountRepository repository, Passwords passwords, TokenService tokens,
                          LoginThrottle throttle, Clock clock, AuditService audit, Notifications notifications,
                          ApplicationEventPublisher events, PlatformTransactionManager transactions, StepUp stepUp) {
        this.stepUp = stepUp;
        this.notifications = notifications;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.repository = repository;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setPasswordSignInPolicy(PasswordSignInPolicy policy) {
        this.passwordPolicy = policy;
    }

    // --- sign-in -------------------------------------------------------------------------------

    /**
     * Checks e-mail and password and issues an access token. Every refusal (unknown e-mail, wrong
     * password, inactive account or employee, no password yet) is the same 401 after the same
     * amount of hashing work; throttled attempts are 429 before any check.
     */
    public TokenService.IssuedToken login(String email, String password, String clientAddress) {
        if (email == null || email.isBlank()) {
            throw ApiException.invalid("email", "is required");
        }
        if (password == null) {
            throw ApiException.invalid("password", "is required");
        }
        // One normalisation for the throttle key and the lookup (issue 16): they can never disagree.
        String emailKey = EmailKey.of(email);
        LoginThrottle.Attempt attempt = throttle.begin(emailKey, clientAddress);
        List<AccountRepository.StoredAccount> candidates = repository.findByEmailKey(emailKey, MAX_LOGIN_CANDIDATES);
        AccountRepository.StoredAccount signedIn = null;
        if (candidates.isEmpty()) {
            passwords.burn(password);
        }
        for (AccountRepository.StoredAccount candidate : candidates) {
            boolean matches = passwords.matches(password, candidate.passwordHash());
            if (matches && candidate.usable() && signedIn == null) {
                signedIn = candidate;
            }
        }
        if (signedIn == null) {
            log.info("sign-in refused from {} ({} matching account(s))", clientAddress, candidates.size());
            throw ApiException.unauthenticated("invalid_credentials", INVALID_CREDENTIALS);
        }
        attempt.succeeded();
        if (!passwordPolicy.passwordAllowed(signedIn.companyId(), signedIn.employeeId())) {
            // Said only to someone who knew the password: it reveals nothing to a guesser.
            log.info("password sign-in of {} in company {} refused: the company requires single sign-on",
                    signedIn.employeeId(), signedIn.companyId());
            throw ApiException.forbidden("your company signs in with single sign-on: use \"Continue with\" your provider");
        }
        if (passwords.needsRehash(signedIn.passwordHash())) {
            repository.updatePassword(signedIn.companyId(), signedIn.employeeId(), passwords.hash(password), false, clock.instant());
        }
        log.info("sign-in of {} in company {} from {}", signedIn.employeeId(), signedIn.companyId(), clientAddress);
        return tokens.issue(signedIn.employeeId(), signedIn.companyId(), signedIn.role(), signedIn.sessionGeneration());
    }

    /** Why a single sign-on was refused; {@code code} goes to the sign-in page, which explains it. */
    public static final class SsoRefused extends RuntimeException {
        private final String code;

        public SsoRefused(String code) {
            super(code, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * Signs in the employee of this company whose e-mail is exactly (but for letter case) a
     * verified e-mail of the company's identity provider: the key finds the one candidate, and its
     * stored address must then be the same address — not merely one that folds to the same key
     * (issue 25: the provider's fullwidth "ｖａｌ６@…" is another mailbox than "val6@…"). An employee without an account gets one (role employee, no
     * password, audited); a pending invitation is used up (the provider vouched for the person);
     * a deactivated account or an inactive employee is refused.
     */
    @Transactional
    public TokenService.IssuedToken signInWithSso(UUID companyId, String email) {
        AccountRepository.EmployeeMatch match = repository.employeeByEmailKey(companyId, EmailKey.of(email))
                .filter(m -> EmailKey.sameAddress(m.email(), email))
                .orElseThrow(() -> new SsoRefused("unknown_user"));
        if (!match.usable()) {
            throw new SsoRefused("inactive");
        }
        UUID employeeId = match.id();
        AccountRepository.StoredAccount account = repository.find(companyId, employeeId).orElse(null);
        if (account == null) {
            repository.upsertWithPassword(companyId, employeeId, employeeEmail(companyId, employeeId), Role.EMPLOYEE, null, clock.instant());
            account = repository.find(companyId, employeeId).orElseThrow();
            audit.record(companyId, employeeId, AuditEntityType.EMPLOYEE, employeeId, AuditAction.UPDATE, null,
                    java.util.Map.of("account", AccountView.of(account, null), "created_by", "single sign-on"));
        } else if (!account.active()) {
            if (!repository.activateInvited(companyId, employeeId, clock.instant())) {
                throw new SsoRefused("deactivated");
            }
            account = repository.find(companyId, employeeId).orElseThrow();
        }
        log.info("single sign-on of {} in company {}", employeeId, companyId);
        return tokens.issue(employeeId, companyId, account.role(), account.sessionGeneration(), TokenService.SignIn.SINGLE_SIGN_ON);
    }

    /** The caller and their employee record; works for development-header callers too. */
    @Transactional(readOnly = true)
    public MeView me(Caller caller) {
        return new MeView(caller.userId(), caller.companyId(), caller.role().claim(),
                repository.employee(caller.companyId(), caller.userId()).orElse(null));
    }

    /** 204 on success; 400 when the current password is wrong (counted like a failed sign-in). */
    public void changePassword(Caller caller, String currentPassword, String newPassword, String clientAddress) {
        if (currentPassword == null) {
            throw ApiException.invalid("current_password", "is required");
        }
        Passwords.validate("new_password", newPassword);
        AccountRepository.StoredAccount account = repository.find(caller.companyId(), caller.userId())
                .orElseThrow(() -> ApiException.notFound("account"));
        LoginThrottle.Attempt attempt = throttle.begin(account.email(), clientAddress);
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            log.info("password change refused for {} in company {}: wrong current password", caller.userId(), caller.companyId());
            throw ApiException.businessRule("wrong_current_password", "the current password is not correct");
        }
        attempt.succeeded();
        if (currentPassword.equals(newPassword)) {
            throw ApiException.invalid("new_password", "must differ from the current password");
        }
        String hash = passwords.hash(newPassword);
        // The change, the "your password was changed" message and the end of every session commit together.
        tx.executeWithoutResult(status -> {
            repository.updatePassword(account.companyId(), account.employeeId(), hash, true, clock.instant());
            notifications.passwordChanged(account.companyId(), account.employeeId());
            events.publishEvent(new SessionsEnded(account.companyId(), account.employeeId(), caller.userId(),
                    SessionsEnded.Reason.PASSWORD_CHANGED));
        });
        log.info("password changed by {} in company {}; every earlier session ended", caller.userId(), caller.companyId());
    }

    /** Sets the password of an invited account and activates it; 400 when the invitation is unknown or expired. */
    public void acceptInvite(String token, String password, String clientAddress) {
        if (token == null || token.isBlank()) {
            throw ApiException.invalid("token", "is required");
        }
        Passwords.validate("password", password);
        LoginThrottle.Attempt attempt = throttle.begin(null, clientAddress);
        String hash = passwords.hash(password);
        AccountRepository.StoredAccount account = tx.execute(status -> {
            AccountRepository.StoredAccount accepted = repository.acceptInvite(sha256(token.trim()), hash, clock.instant())
                    .orElseThrow(() -> {
                        log.info("invitation refused from {}: unknown or expired", clientAddress);
                        return ApiException.businessRule("invalid_invitation", "this invitation is not valid or has expired; ask your administrator for a new one");
                    });
            events.publishEvent(new SessionsEnded(accepted.companyId(), accepted.employeeId(), accepted.employeeId(),
                    SessionsEnded.Reason.INVITATION_ACCEPTED));
            return accepted;
        });
        attempt.succeeded();
        log.info("invitation accepted by {} in company {}", account.employeeId(), account.companyId());
    }

    // --- administration ------------------------------------------------------------------------

    /**
     * {@code PUT .../employees/{eid}/account}: a password sets the account up; none creates an
     * invitation (and clears an existing password: a reset). Either way every earlier token of the
     * account ends. Every form of it — a password, an invitation or reset link, a role — acts on
     * someone's credentials or powers, so it needs step-up ({@link StepUp}): a sign-in within
     * {@link StepUp#WINDOW} or the admin's {@code current_password} (issue 25: a stale token once
     * got an invitation for someone else's account, and the admin role, without it).
     */
    @Transactional
    public AccountView put(Caller caller, UUID companyId, UUID employeeId, String password, String roleName,
                           String currentPassword, String clientAddress) {
        caller.adminOf(companyId);
        Role role = parseRole(roleName);
        if (password != null) {
            Passwords.validate("password", password);
        }
        stepUp.require(caller, currentPassword, clientAddress,
                password != null ? "setting a password" : "an invitation or a role change");
        if (caller.isSelf(employeeId) && role != Role.ADMIN) {
            throw ApiException.businessRule("own_admin_role", "you cannot take away your own admin role; ask another admin");
        }
        var before = repository.find(companyId, employeeId).map(a -> AccountView.of(a, null)).orElse(null);
        AccountView view = password != null
                ? setPassword(companyId, employeeId, role, password)
                : createInvite(companyId, employeeId, role);
        if (view.inviteToken() != null) {
            notifications.invite(companyId, employeeId, view.inviteToken()); // the admin may still copy the link
        }
        // Accounts are part of the employee record in the audit log; never the password or the token.
        audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, employeeId, AuditAction.UPDATE,
                before == null ? null : java.util.Map.of("account", before),
                java.util.Map.of("account", AccountView.of(repository.find(companyId, employeeId).orElseThrow(), null)));
        events.publishEvent(new SessionsEnded(companyId, employeeId, caller.userId(),
                password != null ? SessionsEnded.Reason.PASSWORD_SET : SessionsEnded.Reason.RESET_BY_INVITATION));
        log.info("account of {} in company {} set by {}: role {}, {}", employeeId, companyId, caller.userId(),
                role.claim(), password != null ? "password set" : "invitation created");
        return view;
    }

    /** What "resend all invitations" did. */
    public record Resent(int resent) {
    }

    /**
     * {@code POST …/invitations/resend} (admin, a sign-in within {@link StepUp#WINDOW}: the request
     * has no JSON body to carry {@code current_password}): every invitation not accepted yet
     * (expired ones too) of an active employee gets a new link by e-mail; the old links stop
     * working at once (only the new token's hash is kept). Audited per account, never the token.
     */
    @Transactional
    public Resent resendInvitations(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        stepUp.requireRecentSignIn(caller, "resending invitations");
        var pending = repository.pendingInvitations(companyId, clock.instant());
        for (AccountRepository.StoredAccount account : pending) {
            AccountView view = createInvite(companyId, account.employeeId(), account.role());
            notifications.invite(companyId, account.employeeId(), view.inviteToken());
            audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, account.employeeId(), AuditAction.UPDATE, null,
                    java.util.Map.of("account", AccountView.of(repository.find(companyId, account.employeeId()).orElseThrow(), null),
                            "invitation", "resent"));
        }
        log.info("{} invitation(s) of company {} resent by {}", pending.size(), companyId, caller.userId());
        return new Resent(pending.size());
    }

    @Transactional(readOnly = true)
    public AccountView get(Caller caller, UUID companyId, UUID employeeId) {
        caller.adminOf(companyId);
        return repository.find(companyId, employeeId).map(a -> AccountView.of(a, null))
                .orElseThrow(() -> ApiException.notFound("account"));
    }

    /**
     * Creates or updates the employee's account with this password and role, active. Used by the
     * API and by the demo-data loader. 404 when the employee does not exist, 422 for a password
     * outside 10–128 characters. Costs one bcrypt hash (about a quarter of a second).
     */
    @Transactional
    public AccountView setPassword(UUID companyId, UUID employeeId, Role role, String rawPassword) {
        Passwords.validate("password", rawPassword);
        return setPasswordHash(companyId, employeeId, role, passwords.hash(rawPassword));
    }

    /**
     * As {@link #setPassword} with a hash from {@link #hashPassword}: lets a loader hash one demo
     * password once for many accounts. Never for real users (equal hashes show equal passwords).
     */
    @Transactional
    public AccountView setPasswordHash(UUID companyId, UUID employeeId, Role role, String passwordHash) {
        String email = employeeEmail(companyId, employeeId);
        repository.upsertWithPassword(companyId, employeeId, email, role, passwordHash, clock.instant());
        return current(companyId, employeeId, null);
    }

    /** A hash for {@link #setPasswordHash}; validates the password like every other entry point. */
    public String hashPassword(String rawPassword) {
        Passwords.validate("password", rawPassword);
        return passwords.hash(rawPassword);
    }

    /**
     * Creates a one-time invitation (32 random bytes, URL-safe, valid {@link #INVITE_LIFETIME});
     * only its SHA-256 is stored. The returned view carries the token; it is never shown again.
     */
    @Transactional
    public AccountView createInvite(UUID companyId, UUID employeeId, Role role) {
        String email = employeeEmail(companyId, employeeId);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        repository.upsertWithInvite(companyId, employeeId, email, role, sha256(token), now.plus(INVITE_LIFETIME), now);
        return current(companyId, employeeId, token);
    }

    /** Turns sign-in off (or back on) for an employee; tokens already issued stop working at once. */
    @Transactional
    public void setActive(UUID companyId, UUID employeeId, boolean active) {
        if (!repository.setActive(companyId, employeeId, active, clock.instant())) {
            throw ApiException.notFound("account");
        }
        events.publishEvent(new SessionsEnded(companyId, employeeId, Caller.SYSTEM_ID,
                active ? SessionsEnded.Reason.REACTIVATED : SessionsEnded.Reason.DEACTIVATED));
        log.info("account of {} in company {} {}", employeeId, companyId, active ? "activated" : "deactivated");
    }

    /**
     * {@code POST .../account/deactivate|reactivate} (admin): audited; deactivation withdraws a
     * pending invitation; either way every earlier token ends at the next request.
     */
    @Transactional
    public AccountView setActive(Caller caller, UUID companyId, UUID employeeId, boolean active) {
        caller.adminOf(companyId);
        if (active == false && caller.isSelf(employeeId)) {
            throw ApiException.businessRule("you cannot deactivate your own account; ask another admin");
        }
        AccountView before = repository.find(companyId, employeeId).map(a -> AccountView.of(a, null))
                .orElseThrow(() -> ApiException.notFound("account"));
        repository.setActive(companyId, employeeId, active, clock.instant());
        AccountView after = current(companyId, employeeId, null);
        audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, employeeId, AuditAction.UPDATE,
                java.util.Map.of("account", before), java.util.Map.of("account", after));
        events.publishEvent(new SessionsEnded(companyId, employeeId, caller.userId(),
                active ? SessionsEnded.Reason.REACTIVATED : SessionsEnded.Reason.DEACTIVATED));
        log.info("account of {} in company {} {} by {}", employeeId, companyId, active ? "reactivated" : "deactivated",
                caller.userId());
        return after;
    }

    /** {@code POST /api/auth/sign-out-everywhere}: ends every token of the caller's account, this one too. */
    @Transactional
    public void signOutEverywhere(Caller caller) {
        endSessions(caller, caller.companyId(), caller.userId());
    }

    /** {@code POST .../account/sign-out-everywhere} (admin acting on a person of their company). */
    @Transactional
    public void signOutEverywhere(Caller caller, UUID companyId, UUID employeeId) {
        caller.adminOf(companyId);
        endSessions(caller, companyId, employeeId);
    }

    private void endSessions(Caller caller, UUID companyId, UUID employeeId) {
        if (!repository.endSessions(companyId, employeeId, clock.instant())) {
            throw ApiException.notFound("account");
        }
        audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, employeeId, AuditAction.UPDATE,
                null, java.util.Map.of("account", java.util.Map.of("sessions", "ended")));
        events.publishEvent(new SessionsEnded(companyId, employeeId, caller.userId(), SessionsEnded.Reason.SIGNED_OUT_EVERYWHERE));
        notifications.signedOutEverywhere(companyId, employeeId); // security message, same transaction
        log.info("every session of {} in company {} ended by {}", employeeId, companyId, caller.userId());
    }

    /**
     * For other modules (e.g. termination): ends every token of the employee's account in the
     * caller's transaction. The caller audits its own change. False when the employee has no account.
     */
    @Transactional
    public boolean endAllSessions(UUID companyId, UUID employeeId) {
        boolean ended = repository.endSessions(companyId, employeeId, clock.instant());
        if (ended) {
            events.publishEvent(new SessionsEnded(companyId, employeeId, Caller.SYSTEM_ID, SessionsEnded.Reason.ENDED_BY_SYSTEM));
        }
        return ended;
    }

    /**
     * The check run on every bearer token after its signature: the account exists, it and its
     * employee are active, the token's role is still the account's role, and the token was issued
     * in the account's current session generation (a password change, reset, deactivation or
     * sign-out everywhere ends it at the next request, not at token expiry). A token from a
     * password sign-in also needs the password to be still allowed: once the company requires
     * single sign-on only its break-glass admin's do (the policy's one indexed read, for password
     * tokens only).
     */
    public boolean tokenStillValid(TokenService.VerifiedToken token) {
        Caller caller = token.caller();
        boolean live = repository.usableSession(caller.companyId(), caller.userId())
                .map(s -> s.role() == caller.role() && s.generation() == token.generation())
                .orElse(false);
        // A password token of a company that now requires single sign-on ends (issue 25, finding 11).
        return live && (token.signIn() != TokenService.SignIn.PASSWORD
                || passwordPolicy.passwordAllowed(caller.companyId(), caller.userId()));
    }

    // -------------------------------------------------------------------------------------------

    private String employeeEmail(UUID companyId, UUID employeeId) {
        return repository.employeeEmailForUpdate(companyId, employeeId)
                .orElseThrow(() -> ApiException.notFound("employee"));
    }

    private AccountView current(UUID companyId, UUID employeeId, String inviteToken) {
        return repository.find(companyId, employeeId).map(a -> AccountView.of(a, inviteToken))
                .orElseThrow(() -> new IllegalStateException("account vanished after upsert"));
    }

    static Role parseRole(String value) {
        if (value == null) {
            throw ApiException.invalid("role", "is required");
        }
        return switch (value) {
            case "admin" -> Role.ADMIN;
            case "manager" -> Role.MANAGER;
            case "employee" -> Role.EMPLOYEE;
            default -> throw ApiException.invalid("role", "must be one of admin, manager, employee");
        };
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
