package com.powerpto.integration.slack;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.SecretBox;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.PublicBaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A company's Slack app (admins): bot token and signing secret, sealed with {@link SecretBox} like
 * the SSO client secret and never returned or logged. Saving checks the token with auth.test (which
 * also names the workspace whose interactions will be accepted); "test connection" asks again.
 */
@Service
public class SlackSettingsService {

    public static final String INTERACTIONS_PATH = "/api/integrations/slack/interactions";
    private static final Logger log = LoggerFactory.getLogger(SlackSettingsService.class);
    private static final Pattern BOT_TOKEN = Pattern.compile("^xoxb-[A-Za-z0-9-]{8,250}$");
    private static final Pattern SIGNING_SECRET = Pattern.compile("^[A-Za-z0-9]{16,128}$");

    private final SlackRepository repository;
    private final SlackApi api;
    private final SecretBox box;
    private final AuditService audit;
    private final PublicBaseUrl baseUrl;
    private final Clock clock;
    private final TransactionTemplate tx;

    public SlackSettingsService(SlackRepository repository, SlackApi api, SecretBox box, AuditService audit,
                                PublicBaseUrl baseUrl, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.api = api;
        this.box = box;
        this.audit = audit;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** {@code bot_token} (xoxb-…) and {@code signing_secret}: both required the first time, each optional later. */
    public record Body(String botToken, String signingSecret) {
    }

    /** The settings without their secrets; {@code interactivity_url} goes into the Slack app's configuration. */
    public record View(String teamId, String teamName, String botUserId, boolean hasBotToken, boolean hasSigningSecret,
                       String interactivityUrl, Instant updatedAt) {
    }

    /** auth.test's answer for the stored token. */
    public record Connection(boolean ok, String teamId, String teamName, String botUserId) {
    }

    @Transactional(readOnly = true)
    public View get(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        return repository.settings(companyId).map(this::view).orElseThrow(() -> ApiException.notFound("Slack settings"));
    }

    /** Validates, checks the token with Slack (outside any transaction), then stores and audits. */
    public View put(Caller caller, UUID companyId, Body body) {
        caller.adminOf(companyId);
        ApiException.required(body, "body");
        Optional<SlackRepository.Settings> before = repository.settings(companyId);
        String token = body.botToken() != null ? checked("bot_token", body.botToken(), BOT_TOKEN,
                "must be the app's bot token (xoxb-…)") : before.map(s -> botToken(box, s))
                .orElseThrow(() -> ApiException.invalid("bot_token", "is required"));
        String secret = body.signingSecret() != null ? checked("signing_secret", body.signingSecret(), SIGNING_SECRET,
                "must be the app's signing secret (letters and digits, from Basic Information)") : before.map(s -> signingSecret(box, s))
                .orElseThrow(() -> ApiException.invalid("signing_secret", "is required"));
        SlackApi.Identity identity = identify(token);
        SlackRepository.Settings stored = new SlackRepository.Settings(companyId, identity.teamId(), identity.teamName(),
                identity.botUserId(), box.seal(tokenContext(companyId), token), box.seal(secretContext(companyId), secret),
                caller.userId(), clock.instant());
        return tx.execute(status -> {
            repository.upsert(stored);
            View view = view(repository.settings(companyId).orElseThrow());
            audit.record(companyId, caller.userId(), AuditEntityType.COMPANY, companyId,
                    before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                    before.map(b -> Map.<String, Object>of("slack", view(b))).orElse(null), Map.of("slack", view));
            log.info("Slack of company {} set by {} (workspace {})", companyId, caller.userId(), identity.teamId());
            return view;
        });
    }

    /** auth.test with the stored token: 200 with the workspace, or 400 with Slack's reason. */
    public Connection test(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        var settings = repository.settings(companyId).orElseThrow(() -> ApiException.notFound("Slack settings"));
        SlackApi.Identity identity = identify(botToken(box, settings));
        if (!identity.teamId().equals(settings.teamId())) {
            throw ApiException.businessRule("slack_workspace_changed", "the bot token now belongs to another Slack workspace ("
                    + identity.teamId() + "); save the settings again to switch");
        }
        return new Connection(true, identity.teamId(), identity.teamName(), identity.botUserId());
    }

    @Transactional
    public void delete(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        var before = repository.settings(companyId).orElseThrow(() -> ApiException.notFound("Slack settings"));
        repository.delete(companyId);
        audit.record(companyId, caller.userId(), AuditEntityType.COMPANY, companyId, AuditAction.DELETE,
                Map.of("slack", view(before)), null);
    }

    private SlackApi.Identity identify(String token) {
        try {
            SlackApi.Identity identity = api.authTest(token);
            if (identity.teamId() == null || !identity.teamId().matches("^[A-Z0-9]{1,32}$")) {
                throw ApiException.businessRule("slack_refused", "Slack answered auth.test without a workspace id");
            }
            return identity;
        } catch (SlackApi.Failure f) {
            throw ApiException.businessRule("slack_refused", "Slack did not accept the bot token: " + f.error())
                    .withDetail("Check the bot token under OAuth & Permissions of your Slack app (it starts with xoxb-),"
                            + " and that the app is installed in the workspace.");
        }
    }

    private View view(SlackRepository.Settings s) {
        return new View(s.teamId(), s.teamName(), s.botUserId(), true, true,
                baseUrl.current() + INTERACTIONS_PATH + "?company_id=" + s.companyId(), s.updatedAt());
    }

    private static String checked(String field, String value, Pattern pattern, String problem) {
        String trimmed = value.trim();
        if (!pattern.matcher(trimmed).matches()) {
            throw ApiException.invalid(field, problem);
        }
        return trimmed;
    }

    static String botToken(SecretBox box, SlackRepository.Settings s) {
        return box.open(tokenContext(s.companyId()), s.botTokenCiphertext());
    }

    static String signingSecret(SecretBox box, SlackRepository.Settings s) {
        return box.open(secretContext(s.companyId()), s.signingSecretCiphertext());
    }

    private static String tokenContext(UUID companyId) {
        return "slack-bot-token:" + companyId;
    }

    private static String secretContext(UUID companyId) {
        return "slack-signing-secret:" + companyId;
    }
}
