package com.powerpto.policy;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.events.BalanceInputChanged;
import com.powerpto.platform.company.CompanyRepository;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import com.powerpto.policy.settings.PolicySettings;
import com.powerpto.policy.settings.PolicySettingsParser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Policies and their immutable versions: an update always adds version N+1. */
@Service
public class PolicyService {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 1, 1);
    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 2000;

    private final PolicyRepository repository;
    private final CompanyRepository companies;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public PolicyService(PolicyRepository repository, CompanyRepository companies, AuditService audit, Clock clock,
                         ApplicationEventPublisher events) {
        this.repository = repository;
        this.companies = companies;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Policy create(Caller caller, UUID companyId, PolicyBodies.CreatePolicy body) {
        caller.adminOf(companyId);
        if (body == null) {
            throw ApiException.invalid("body", "is required");
        }
        if (body.key() == null || !KEY.matcher(body.key()).matches()) {
            throw ApiException.invalid("key", "is required: 1–64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        if (body.category() == null) {
            throw ApiException.invalid("category", "is required");
        }
        PolicySettings settings = validVersion(body.version());
        String name = text(body.name(), "name", MAX_NAME);
        String description = text(body.description(), "description", MAX_DESCRIPTION);
        companies.ensureExists(companyId);
        if (repository.keyTaken(companyId, body.key())) {
            throw ApiException.conflict("duplicate_policy_key", "a policy with key '" + body.key() + "' already exists");
        }
        UUID policyId = UUID.randomUUID();
        repository.insertPolicy(companyId, policyId, body.key(), body.category(), name, description);
        PolicyVersionView version = newVersion(caller, policyId, 1, body.version(), settings);
        repository.insertVersion(companyId, version);
        Policy policy = get(caller, companyId, policyId);
        audit.record(companyId, caller.userId(), AuditEntityType.POLICY, policyId, AuditAction.CREATE, null, policy);
        audit.record(companyId, caller.userId(), AuditEntityType.POLICY_VERSION, version.id(), AuditAction.CREATE, null, version);
        return policy;
    }

    @Transactional
    public Policy update(Caller caller, UUID companyId, UUID policyId, PolicyBodies.UpdatePolicy body) {
        caller.adminOf(companyId);
        Policy before = find(companyId, policyId);
        if (body == null || (body.version() == null && !body.changesTexts())) {
            throw ApiException.invalid("version", "is required");
        }
        PolicySettings settings = body.version() == null ? null : validVersion(body.version());
        repository.lock(companyId, policyId);
        if (body.changesTexts()) {
            updateTexts(companyId, before, body);
        }
        if (body.version() == null) {
            Policy after = find(companyId, policyId);
            audit.record(companyId, caller.userId(), AuditEntityType.POLICY, policyId, AuditAction.UPDATE, before, after);
            return after;
        }
        PolicyVersionView previous = repository.latestVersion(companyId, policyId).orElseThrow();
        if (body.version().effectiveFrom().isBefore(previous.effectiveFrom())) {
            throw ApiException.invalid("version.effective_from",
                    "must be on or after the previous version's effective_from (" + previous.effectiveFrom() + ")");
        }
        if (previous.effectiveTo() != null && body.version().effectiveFrom().isAfter(previous.effectiveTo())) {
            throw ApiException.invalid("version.effective_from",
                    "must not leave a gap after the previous version ended (" + previous.effectiveTo() + ")");
        }
        repository.endVersion(companyId, previous.id(), body.version().effectiveFrom());
        PolicyVersionView version = newVersion(caller, policyId, previous.version() + 1, body.version(), settings);
        repository.insertVersion(companyId, version);
        Policy after = find(companyId, policyId);
        audit.record(companyId, caller.userId(), AuditEntityType.POLICY_VERSION, version.id(), AuditAction.CREATE, previous, version);
        audit.record(companyId, caller.userId(), AuditEntityType.POLICY, policyId, AuditAction.UPDATE, before, after);
        // A version effective on dates the accrual worker already ran changes every balance of the policy
        // from that date: the accrual feature queues them for the worker (docs/corrections.md).
        events.publishEvent(BalanceInputChanged.policy(companyId, policyId, version.effectiveFrom(),
                "policy version " + version.version() + " effective " + version.effectiveFrom(), caller.userId()));
        return after;
    }

    /**
     * A draft of the next version, checked as {@link #update} would check it, without writing anything
     * (the policy simulator, issue 24): 404 for an unknown policy, 422 for settings or a date an update refuses.
     */
    @Transactional(readOnly = true)
    public PolicySettings checkDraft(Caller caller, UUID companyId, UUID policyId, PolicyBodies.VersionBody draft) {
        caller.adminOf(companyId);
        find(companyId, policyId);
        PolicySettings settings = validVersion(draft);
        PolicyVersionView previous = repository.latestVersion(companyId, policyId).orElseThrow();
        if (draft.effectiveFrom().isBefore(previous.effectiveFrom())) {
            throw ApiException.invalid("version.effective_from",
                    "must be on or after the previous version's effective_from (" + previous.effectiveFrom() + ")");
        }
        return settings;
    }

    @Transactional(readOnly = true)
    public Policy get(Caller caller, UUID companyId, UUID policyId) {
        caller.inCompany(companyId);
        return find(companyId, policyId);
    }

    @Transactional(readOnly = true)
    public Page<Policy> list(Caller caller, UUID companyId, PageRequest page) {
        caller.inCompany(companyId);
        return repository.page(companyId, LocalDate.now(clock), page);
    }

    @Transactional(readOnly = true)
    public Page<PolicyVersionView> versions(Caller caller, UUID companyId, UUID policyId, PageRequest page) {
        caller.inCompany(companyId);
        find(companyId, policyId);
        return repository.versions(companyId, policyId, page);
    }

    /** For other features: the policy (404 when absent or another company's), with its current version. */
    @Transactional(readOnly = true)
    public Policy get(UUID companyId, UUID policyId) {
        return find(companyId, policyId);
    }

    /** The policy (404 when absent or another company's), with its current version. */
    @Transactional(readOnly = true)
    public Policy find(UUID companyId, UUID policyId) {
        return repository.find(companyId, policyId, LocalDate.now(clock)).orElseThrow(() -> ApiException.notFound("policy"));
    }

    @Transactional(readOnly = true)
    public Optional<PolicyVersionView> versionInForce(UUID companyId, UUID policyId, LocalDate date) {
        return repository.versionOn(companyId, policyId, date);
    }

    @Transactional(readOnly = true)
    public PolicyVersionView version(UUID companyId, UUID versionId) {
        return repository.version(companyId, versionId).orElseThrow(() -> ApiException.notFound("policy version"));
    }

    private PolicyVersionView newVersion(Caller caller, UUID policyId, int number, PolicyBodies.VersionBody body,
                                         PolicySettings settings) {
        return new PolicyVersionView(UUID.randomUUID(), policyId, number, body.effectiveFrom(), null, settings.type(),
                settings.accrualMethod(), settings, caller.userId(), blankToNull(body.changeReason()), clock.instant());
    }

    private static PolicySettings validVersion(PolicyBodies.VersionBody version) {
        if (version == null) {
            throw ApiException.invalid("version", "is required");
        }
        if (version.effectiveFrom() == null) {
            throw ApiException.invalid("version.effective_from", "is required");
        }
        if (version.effectiveFrom().isBefore(EARLIEST) || !version.effectiveFrom().isBefore(LATEST)) {
            throw ApiException.invalid("version.effective_from", "must be between 1900 and 2199");
        }
        if (version.changeReason() != null && version.changeReason().length() > 1000) {
            throw ApiException.invalid("version.change_reason", "must be at most 1000 characters");
        }
        return PolicySettingsParser.parse(version.settings());
    }

    /** Null keeps the stored text, an empty (or blank) string clears it. */
    private void updateTexts(UUID companyId, Policy before, PolicyBodies.UpdatePolicy body) {
        String name = body.name() == null ? before.name() : text(body.name(), "name", MAX_NAME);
        String description = body.description() == null ? before.description()
                : text(body.description(), "description", MAX_DESCRIPTION);
        repository.updateTexts(companyId, before.id(), name, description);
    }

    /** An optional display text, trimmed; blank means "none". */
    private static String text(String value, String field, int max) {
        String trimmed = blankToNull(value == null ? null : value.strip());
        if (trimmed != null && trimmed.length() > max) {
            throw ApiException.invalid(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
