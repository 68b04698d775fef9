package com.powerpto.integration.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.notification.Channel;
import com.powerpto.notification.MessageRenderer;
import com.powerpto.notification.NotificationKind;
import com.powerpto.notification.OutboxDelivery;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.Role;
import com.powerpto.platform.security.SecretBox;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.PublicBaseUrl;
import com.powerpto.request.DecisionBody;
import com.powerpto.request.RequestService;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /api/integrations/slack/interactions?company_id=} (api.md; decision 0061): a click in
 * a Slack message. In this order, before anything is acted on: the company id (canonical UUID)
 * picks the signing secret; the request must be signed by it (v0, 5-minute window, constant-time);
 * the payload's workspace must be the company's; the signature must not have been seen before
 * (PostgreSQL, so every API task knows it). Then the clicker, mapped back to the employee the
 * message was sent to, acts with that employee's own rights through {@link RequestService} (the
 * web app's approval, ledger and audit exactly). A refusal (no longer the approver, already
 * decided) changes nothing and is shown in the clicker's message. The answer goes back at once;
 * opening the Deny modal and updating the approvers' messages run after it (Slack waits 3 s).
 */
@Service
public class SlackInteractionService {

    private static final Logger log = LoggerFactory.getLogger(SlackInteractionService.class);

    private final SlackRepository repository;
    private final SlackApi api;
    private final SecretBox box;
    private final RequestService requests;
    private final MessageRenderer renderer;
    private final OutboxDelivery delivery;
    private final PublicBaseUrl baseUrl;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService afterAck = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(200), r -> {
                Thread thread = new Thread(r, "slack-after-ack");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy()); // when full, the worker still delivers at its next poll

    public SlackInteractionService(SlackRepository repository, SlackApi api, SecretBox box, RequestService requests,
                                   MessageRenderer renderer, OutboxDelivery delivery, PublicBaseUrl baseUrl,
                                   ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.api = api;
        this.box = box;
        this.requests = requests;
        this.renderer = renderer;
        this.delivery = delivery;
        this.baseUrl = baseUrl;
        this.json = json;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        afterAck.shutdown();
    }

    /** The HTTP answer: a status and a JSON body (null = empty 200, what Slack expects for a button). */
    public record Answer(int status, Object body) {
        static Answer ok() {
            return new Answer(200, null);
        }
    }

    public Answer handle(String companyParam, String timestamp, String signature, byte[] body) {
        UUID companyId = canonical(companyParam);
        var settings = repository.settings(companyId).orElseThrow(SlackInteractionService::unsigned);
        Instant now = clock.instant();
        switch (SlackSignature.check(SlackSettingsService.signingSecret(box, settings), timestamp, signature, body, now)) {
            case VALID -> { }
            case STALE -> throw ApiException.unauthenticated("slack_signature_stale",
                    "the request's timestamp is more than 5 minutes from ours");
            default -> throw unsigned();
        }
        JsonNode payload = payload(body);
        String team = payload.path("team").path("id").asText(payload.path("user").path("team_id").asText(""));
        if (!settings.teamId().equals(team)) {
            throw ApiException.forbidden("this request comes from another Slack workspace than the company's")
                    .withCode("slack_wrong_workspace");
        }
        if (!repository.firstSighting(companyId, sha256(signature.trim()), now, now.minus(SlackSignature.WINDOW.multipliedBy(2)))) {
            throw ApiException.unauthenticated("slack_replay", "this signed request was received before");
        }
        String token = SlackSettingsService.botToken(box, settings);
        return switch (payload.path("type").asText()) {
            case "block_actions" -> buttons(companyId, token, payload);
            case "view_submission" -> submission(companyId, token, payload);
            default -> Answer.ok(); // other interactions (e.g. the modal closed) need nothing
        };
    }

    private Answer buttons(UUID companyId, String token, JsonNode payload) {
        JsonNode action = payload.path("actions").path(0);
        UUID requestId = uuid(action.path("value").asText());
        String channel = payload.path("container").path("channel_id").asText(payload.path("channel").path("id").asText(null));
        String ts = payload.path("container").path("message_ts").asText(null);
        String slackUser = payload.path("user").path("id").asText();
        Optional<Caller> caller = callerOf(companyId, slackUser);
        switch (action.path("action_id").asText()) {
            case SlackBlocks.APPROVE -> {
                if (caller.isEmpty()) {
                    notice(companyId, token, requestId, null, channel, ts, "Your Slack account is not linked to an active "
                            + "Power PTO account that may decide this request.");
                    return Answer.ok();
                }
                try {
                    requests.approve(caller.get(), companyId, requestId, null);
                    log.info("request {} of company {} approved from Slack by {}", requestId, companyId, caller.get().userId());
                    afterAck.execute(() -> delivery.deliverDueNow(companyId, Channel.SLACK, 50));
                } catch (ApiException refused) {
                    log.info("Slack approval of request {} in company {} by {} refused: {}", requestId, companyId,
                            caller.get().userId(), refused.getMessage());
                    notice(companyId, token, requestId, caller.get().userId(), channel, ts, sentence(refused));
                }
            }
            case SlackBlocks.DENY -> {
                String trigger = payload.path("trigger_id").asText();
                afterAck.execute(() -> {
                    try {
                        api.openView(token, trigger, SlackBlocks.denyModal(requestId, channel, ts));
                    } catch (SlackApi.Failure f) {
                        log.warn("Slack deny modal for request {} of company {} not opened: {}", requestId, companyId, f.error());
                    }
                });
            }
            default -> { }
        }
        return Answer.ok();
    }

    private Answer submission(UUID companyId, String token, JsonNode payload) {
        JsonNode view = payload.path("view");
        if (!SlackBlocks.DENY_MODAL.equals(view.path("callback_id").asText())) {
            return Answer.ok();
        }
        String[] meta = view.path("private_metadata").asText("").split("\\|", -1);
        UUID requestId = uuid(meta[0]);
        JsonNode noteNode = view.path("state").path("values").path(SlackBlocks.NOTE_BLOCK).path(SlackBlocks.NOTE_INPUT).path("value");
        String note = noteNode.isTextual() && !noteNode.asText().isBlank() ? noteNode.asText() : null;
        Optional<Caller> caller = callerOf(companyId, payload.path("user").path("id").asText());
        if (caller.isEmpty()) {
            return noteError("Your Slack account is not linked to an active Power PTO account that may decide this request.");
        }
        try {
            requests.deny(caller.get(), companyId, requestId, new DecisionBody(note));
            log.info("request {} of company {} denied from Slack by {}", requestId, companyId, caller.get().userId());
            afterAck.execute(() -> delivery.deliverDueNow(companyId, Channel.SLACK, 50));
            return new Answer(200, Map.of("response_action", "clear"));
        } catch (ApiException refused) {
            log.info("Slack denial of request {} in company {} by {} refused: {}", requestId, companyId,
                    caller.get().userId(), refused.getMessage());
            if (meta.length == 3 && !meta[1].isEmpty() && !meta[2].isEmpty()) {
                notice(companyId, token, requestId, caller.get().userId(), meta[1], meta[2], sentence(refused));
            }
            return noteError(sentence(refused));
        }
    }

    /** The employee the message was sent to, as a caller with their account's role; empty when they may not act. */
    private Optional<Caller> callerOf(UUID companyId, String slackUser) {
        return repository.employeeOf(companyId, slackUser).flatMap(employee ->
                repository.activePerson(companyId, employee, clock.instant())
                        .filter(p -> p.role() != null)
                        .map(p -> new Caller(employee, companyId, Role.parse(p.role()))));
    }

    /** Redraws the clicker's message with the request's current state and why nothing happened (after the answer). */
    private void notice(UUID companyId, String token, UUID requestId, UUID viewer, String channel, String ts, String text) {
        if (channel == null || ts == null) {
            return;
        }
        String base = baseUrl.current();
        afterAck.execute(() -> renderer.request(companyId, requestId, NotificationKind.REQUEST_SUBMITTED.name(), viewer, base, text)
                .ifPresent(m -> {
                    try {
                        api.update(token, channel, ts, SlackBlocks.text(m), SlackBlocks.of(m));
                    } catch (SlackApi.Failure f) {
                        log.warn("Slack message of request {} in company {} not updated: {}", requestId, companyId, f.error());
                    }
                }));
    }

    private static String sentence(ApiException refused) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            return "You can no longer decide this request: you are not its approver.";
        }
        if (refused.status() == HttpStatus.CONFLICT) {
            return "Nothing changed: " + refused.getMessage() + ".";
        }
        return "Nothing changed: " + refused.getMessage() + ".";
    }

    private static Answer noteError(String text) {
        return new Answer(200, Map.of("response_action", "errors", "errors", Map.of(SlackBlocks.NOTE_BLOCK, text)));
    }

    private JsonNode payload(byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            if (pair.startsWith("payload=")) {
                try {
                    JsonNode node = json.readTree(URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8));
                    if (node != null && node.isObject()) {
                        return node;
                    }
                } catch (IOException | IllegalArgumentException e) {
                    break;
                }
            }
        }
        throw ApiException.invalid("payload", "must be Slack's interaction payload (payload=<JSON>)");
    }

    private static UUID canonical(String value) {
        try {
            UUID id = UUID.fromString(value == null ? "" : value);
            if (id.toString().equals(value)) {
                return id;
            }
        } catch (IllegalArgumentException notAnId) {
            // answered below
        }
        throw ApiException.invalid("company_id", "must be the company's id (a canonical UUID)");
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("payload", "names no request");
        }
    }

    private static ApiException unsigned() {
        return ApiException.unauthenticated("slack_signature_invalid", "the request is not signed by the company's Slack app");
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
