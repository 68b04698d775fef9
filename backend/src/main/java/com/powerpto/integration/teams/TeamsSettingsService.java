package com.powerpto.integration.teams;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.SecretBox;
import com.powerpto.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A company's Microsoft Teams channel (admins): the incoming-webhook URL of a Teams Workflows flow,
 * sealed like the other company secrets (whoever has it can post to the channel) and never returned
 * (its host only). Each new request is posted there as an Adaptive Card through the outbox.
 */
@Service
public class TeamsSettingsService {

    private static final Logger log = LoggerFactory.getLogger(TeamsSettingsService.class);

    private final TeamsRepository repository;
    private final TeamsWebhook webhook;
    private final SecretBox box;
    private final AuditService audit;
    private final Clock clock;

    public TeamsSettingsService(TeamsRepository repository, TeamsWebhook webhook, SecretBox box, AuditService audit,
                                Clock clock) {
        this.repository = repository;
        this.webhook = webhook;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
    }

    public record Body(String webhookUrl) {
    }

    public record View(boolean hasWebhookUrl, String webhookHost, Instant updatedAt) {
    }

    public record Connection(boolean ok, int status) {
    }

    @Transactional(readOnly = true)
    public View get(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        return repository.settings(companyId).map(TeamsSettingsService::view)
                .orElseThrow(() -> ApiException.notFound("Microsoft Teams settings"));
    }

    @Transactional
    public View put(Caller caller, UUID companyId, Body body) {
        caller.adminOf(companyId);
        if (body == null || body.webhookUrl() == null || body.webhookUrl().isBlank()) {
            throw ApiException.invalid("webhook_url", "is required");
        }
        if (body.webhookUrl().length() > 2000) {
            throw ApiException.invalid("webhook_url", "must be at most 2000 characters");
        }
        URI uri = webhook.check(body.webhookUrl());
        var before = repository.settings(companyId);
        repository.upsert(new TeamsRepository.Settings(companyId, box.seal(context(companyId), uri.toString()), uri.getHost(),
                caller.userId(), clock.instant()));
        View view = view(repository.settings(companyId).orElseThrow());
        audit.record(companyId, caller.userId(), AuditEntityType.COMPANY, companyId,
                before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                before.map(b -> Map.<String, Object>of("teams", view(b))).orElse(null), Map.of("teams", view));
        log.info("Microsoft Teams webhook of company {} set by {} (host {})", companyId, caller.userId(), uri.getHost());
        return view;
    }

    /** Posts a "connected" card now: 200 when Teams accepted it, else 400 with its status. */
    public Connection test(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        var settings = repository.settings(companyId).orElseThrow(() -> ApiException.notFound("Microsoft Teams settings"));
        int status;
        try {
            status = webhook.post(webhookUrl(box, settings), AdaptiveCards.connected());
        } catch (IOException e) {
            throw ApiException.businessRule("teams_unreachable", "Teams could not be reached: " + e.getClass().getSimpleName());
        }
        if (status / 100 != 2) {
            throw ApiException.businessRule("teams_refused", "Teams refused the test message (HTTP " + status + ")")
                    .withDetail("Check that the workflow is turned on and that the URL is its current webhook address.");
        }
        return new Connection(true, status);
    }

    @Transactional
    public void delete(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        var before = repository.settings(companyId).orElseThrow(() -> ApiException.notFound("Microsoft Teams settings"));
        repository.delete(companyId);
        audit.record(companyId, caller.userId(), AuditEntityType.COMPANY, companyId, AuditAction.DELETE,
                Map.of("teams", view(before)), null);
    }

    static String webhookUrl(SecretBox box, TeamsRepository.Settings s) {
        return box.open(context(s.companyId()), s.webhookUrlCiphertext());
    }

    private static View view(TeamsRepository.Settings s) {
        return new View(true, s.webhookHost(), s.updatedAt());
    }

    private static String context(UUID companyId) {
        return "teams-webhook-url:" + companyId;
    }
}
