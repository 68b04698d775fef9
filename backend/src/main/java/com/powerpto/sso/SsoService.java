package com.powerpto.sso;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.auth.PasswordSignInPolicy;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.EmailKey;
import com.powerpto.platform.security.SecretBox;
import com.powerpto.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A company's OpenID Connect settings (admin), the sign-in page's "which provider for this
 * e-mail?", and the rule that a company requiring SSO refuses password sign-in (except its
 * break-glass admin). The client secret is sealed with {@link SecretBox} and never returned.
 */
@Service
public class SsoService implements PasswordSignInPolicy {

    public static final String START_PATH = "/api/auth/oidc/start/";
    public static final String CALLBACK_PATH = "/api/auth/oidc/callback/";
    private static final Logger log = LoggerFactory.getLogger(SsoService.class);

    private final SsoRepository repository;
    private final SecretBox box;
    private final AuditService audit;
    private final Clock clock;
    private final ProviderMetadata providers;
    private final TransactionTemplate tx;

    SsoService(SsoRepository repository, SecretBox box, AuditService audit, Clock clock, ProviderMetadata providers,
               PlatformTransactionManager transactions) {
        this.repository = repository;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
        this.providers = providers;
        this.tx = new TransactionTemplate(transactions);
    }

    public record Body(String providerName, String issuer, String clientId, String clientSecret, String emailDomain,
                       Boolean requireSso, UUID breakGlassEmployeeId) {
    }

    public record View(String providerName, String issuer, String clientId, boolean hasClientSecret, String emailDomain,
                       boolean requireSso, UUID breakGlassEmployeeId, String startPath, String redirectPath, Instant updatedAt) {
        static View of(SsoRepository.Stored s) {
            return new View(s.providerName(), s.issuer(), s.clientId(), true, s.emailDomain(), s.requireSso(),
                    s.breakGlassEmployeeId(), START_PATH + s.companyId(), CALLBACK_PATH + s.companyId(), s.updatedAt());
        }
    }

    /** What the sign-in page needs to offer "Continue with …" for a typed e-mail. */
    public record Offer(String providerName, String startPath, boolean requireSso) {
    }

    /** The settings with the client secret in clear and the provider's checked document, for the OAuth2 client only. */
    record Client(UUID companyId, String providerName, String issuer, String clientId, String clientSecret, String metadata) {
    }

    @Transactional(readOnly = true)
    public View get(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        return repository.find(companyId).map(View::of).orElseThrow(() -> ApiException.notFound("single sign-on settings"));
    }

    /**
     * Saves the settings after fetching and checking the provider's discovery document (issue 25):
     * an issuer that is not https (outside development), resolves to a refused address, does not
     * answer within the timeouts or serves an unusable document is 422 and nothing is saved. The
     * fetch happens before the transaction, so no database connection waits on the network.
     */
    public View put(Caller caller, UUID companyId, Body body) {
        caller.adminOf(companyId);
        String name = text("provider_name", body.providerName(), 60);
        String issuer = issuer(body.issuer());
        String clientId = text("client_id", body.clientId(), 500);
        String domain = domain(body.emailDomain());
        boolean requireSso = Boolean.TRUE.equals(body.requireSso());
        if (requireSso && body.breakGlassEmployeeId() == null) {
            throw ApiException.invalid("break_glass_employee_id", "is required with require_sso (an admin who can still use a password)");
        }
        String metadata;
        try {
            metadata = providers.fetch(issuer);
        } catch (ProviderMetadata.Problem problem) {
            log.info("single sign-on settings of company {} refused: {} ({})", companyId, problem.code(), problem.getMessage());
            throw problem.asApiError();
        }
        Instant fetchedAt = clock.instant();
        return tx.execute(status -> save(caller, companyId, body, new SsoRepository.Stored(companyId, name, issuer, clientId,
                null, domain, requireSso, body.breakGlassEmployeeId(), clock.instant(), metadata, fetchedAt)));
    }

    private View save(Caller caller, UUID companyId, Body body, SsoRepository.Stored wanted) {
        Optional<SsoRepository.Stored> before = repository.find(companyId);
        if (repository.domainTakenByAnother(wanted.emailDomain(), companyId)) {
            throw ApiException.conflict("another company already signs in people of " + wanted.emailDomain());
        }
        if (body.breakGlassEmployeeId() != null && !repository.isAdmin(companyId, body.breakGlassEmployeeId())) {
            throw ApiException.invalid("break_glass_employee_id", "must be an admin account of this company");
        }
        String sealed;
        if (body.clientSecret() != null) {
            sealed = box.seal(context(companyId), text("client_secret", body.clientSecret(), 2000));
        } else {
            sealed = before.map(SsoRepository.Stored::clientSecretCiphertext)
                    .orElseThrow(() -> ApiException.invalid("client_secret", "is required"));
        }
        repository.upsert(new SsoRepository.Stored(companyId, wanted.providerName(), wanted.issuer(), wanted.clientId(), sealed,
                wanted.emailDomain(), wanted.requireSso(), wanted.breakGlassEmployeeId(), wanted.updatedAt(),
                wanted.providerMetadata(), wanted.metadataFetchedAt()));
        View view = View.of(repository.find(companyId).orElseThrow());
        audit.record(companyId, caller.userId(), AuditEntityType.COMPANY, companyId,
                before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                before.map(b -> Map.<String, Object>of("sso", View.of(b))).orElse(null), Map.of("sso", view));
        log.info("single sign-on of company {} set by {} (issuer {}, require_sso {})", companyId, caller.userId(),
                wanted.issuer(), wanted.requireSso());
        return view;
    }

    /**
     * Fetches the provider document again for one company (background refresh, the demo provider);
     * a failure keeps the last good document. True when it was refreshed.
     */
    public boolean refreshMetadata(UUID companyId) {
        Optional<SsoRepository.Stored> stored = repository.find(companyId);
        if (stored.isEmpty()) {
            return false;
        }
        String issuer = stored.get().issuer();
        try {
            repository.refreshed(companyId, issuer, providers.fetch(issuer), clock.instant());
            return true;
        } catch (ProviderMetadata.Problem problem) {
            log.warn("single sign-on of company {}: the provider document could not be refreshed ({}: {}); the last one stays",
                    companyId, problem.code(), problem.getMessage());
            return false;
        }
    }

    /** Companies whose provider document is missing or older than {@code age}, at most {@code limit}. */
    java.util.List<UUID> dueForRefresh(java.time.Duration age, int limit) {
        return repository.dueForRefresh(clock.instant().minus(age), limit).stream().map(SsoRepository.Stored::companyId).toList();
    }

    @Transactional
    public void delete(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        SsoRepository.Stored before = repository.find(companyId).orElseThrow(() -> ApiException.notFound("single sign-on settings"));
        repository.delete(companyId);
        audit.record(companyId, caller.userId(), AuditEntityType.COMPANY, companyId, AuditAction.DELETE,
                Map.of("sso", View.of(before)), null);
    }

    /** The provider of the company that signs in people of this e-mail's domain, if any. */
    @Transactional(readOnly = true)
    public Optional<Offer> offerFor(String email) {
        String key = EmailKey.of(email);
        if (key == null || key.indexOf('@') < 0) {
            return Optional.empty();
        }
        return repository.findByDomain(key.substring(key.lastIndexOf('@') + 1))
                .map(s -> new Offer(s.providerName(), START_PATH + s.companyId(), s.requireSso()));
    }

    /** Whether this company (an id from a URL, maybe not even a UUID) has single sign-on settings. */
    @Transactional(readOnly = true)
    public boolean configured(String companyId) {
        try {
            return repository.find(UUID.fromString(companyId)).isPresent();
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    Optional<Client> client(UUID companyId) {
        return repository.find(companyId).map(s -> new Client(companyId, s.providerName(), s.issuer(), s.clientId(),
                box.open(context(companyId), s.clientSecretCiphertext()), s.providerMetadata()));
    }

    /**
     * Without "require SSO" every password is allowed; with it only the break-glass admin's, and
     * only while they are still an admin (issue 25, finding 11: a demoted break-glass admin kept
     * their password sign-in). Read on every request of a password token, so it ends those too.
     */
    @Override
    public boolean passwordAllowed(UUID companyId, UUID employeeId) {
        // One small statement: every request with a password token asks this (issue 27).
        return repository.passwordAllowed(companyId, employeeId);
    }

    private static String context(UUID companyId) {
        return "oidc-client-secret:" + companyId;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        if (value.length() > max) {
            throw ApiException.invalid(field, "must be at most " + max + " characters");
        }
        return value.trim();
    }

    private static String issuer(String value) {
        String issuer = text("issuer", value, 500);
        try {
            URI uri = URI.create(issuer);
            // OpenID Connect issuers have no query, fragment or user info; https is checked with the address.
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("issuer", "must be the provider's issuer URL, e.g. https://accounts.google.com");
        }
        return issuer;
    }

    private static String domain(String value) {
        String domain = text("email_domain", value, 253).toLowerCase(Locale.ROOT);
        if (!domain.matches("^[a-z0-9-]+(\\.[a-z0-9-]+)+$")) {
            throw ApiException.invalid("email_domain", "must be a domain such as example.com");
        }
        return domain;
    }
}
