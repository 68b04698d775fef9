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
import org.springframework.transaction.annotation.Transactional;

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

    public SsoService(SsoRepository repository, SecretBox box, AuditService audit, Clock clock) {
        this.repository = repository;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
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

    /** The settings with the client secret in clear, for the OAuth2 client only. */
    record Client(UUID companyId, String issuer, String clientId, String clientSecret) {
    }

    @Transactional(readOnly = true)
    public View get(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        return repository.find(companyId).map(View::of).orElseThrow(() -> ApiException.notFound("single sign-on settings"));
    }

    @Transactional
    public View put(Caller caller, UUID companyId, Body body) {
        caller.adminOf(companyId);
        Optional<SsoRepository.Stored> before = repository.find(companyId);
        String name = text("provider_name", body.providerName(), 60);
        String issuer = issuer(body.issuer());
        String clientId = text("client_id", body.clientId(), 500);
        String domain = domain(body.emailDomain());
        boolean requireSso = Boolean.TRUE.equals(body.requireSso());
        if (repository.domainTakenByAnother(domain, companyId)) {
            throw ApiException.conflict("another company already signs in people of " + domain);
        }
        if (requireSso && body.breakGlassEmployeeId() == null) {
            throw ApiException.invalid("break_glass_employee_id", "is required with require_sso (an admin who can still use a password)");
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
        repository.upsert(new SsoRepository.Stored(companyId, name, issuer, clientId, sealed, domain, requireSso,
                body.breakGlassEmployeeId(), clock.instant()));
        View view = View.of(repository.find(companyId).orElseThrow());
        audit.record(companyId, caller.userId(), AuditEntityType.COMPANY, companyId,
                before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                before.map(b -> Map.<String, Object>of("sso", View.of(b))).orElse(null), Map.of("sso", view));
        log.info("single sign-on of company {} set by {} (issuer {}, require_sso {})", companyId, caller.userId(), issuer, requireSso);
        return view;
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
        return repository.find(companyId).map(s -> new Client(companyId, s.issuer(), s.clientId(),
                box.open(context(companyId), s.clientSecretCiphertext())));
    }

    /**
     * Without "require SSO" every password is allowed; with it only the break-glass admin's, and
     * only while they are still an admin (issue 25, finding 11: a demoted break-glass admin kept
     * their password sign-in). Read on every request of a password token, so it ends those too.
     */
    @Override
    public boolean passwordAllowed(UUID companyId, UUID employeeId) {
        return repository.find(companyId).map(s -> !s.requireSso()
                || employeeId.equals(s.breakGlassEmployeeId()) && repository.isAdmin(companyId, employeeId)).orElse(true);
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
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
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
