package com.powerpto.integration.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.SecretBox;
import com.powerpto.platform.web.ApiException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Development only: the person's own direct messages in the {@link SlackStandIn} workspace of their
 * company (what Slack would show them), and their clicks, sent to the app's interactivity endpoint
 * signed like Slack's. Outside development, or without the stand-in, everything here is 404.
 */
@Service
public class DevSlackService {

    private final SlackSetup.StandIn standIn;
    private final SlackRepository repository;
    private final SlackSettingsService settings;
    private final SecretBox box;
    private final PtoProperties properties;
    private final Environment environment;

    DevSlackService(SlackSetup.StandIn standIn, SlackRepository repository, SlackSettingsService settings, SecretBox box,
                    PtoProperties properties, Environment environment) {
        this.standIn = standIn;
        this.repository = repository;
        this.settings = settings;
        this.box = box;
        this.properties = properties;
        this.environment = environment;
    }

    /** A message as the development Slack page draws it. */
    public record DevMessage(String channel, String ts, String text, JsonNode blocks, int updates) {
    }

    public record Inbox(String teamId, List<DevMessage> items, long total) {
    }

    /** What the app answered the click. */
    public record Clicked(int status, String body) {
    }

    public record ClickBody(String channel, String ts, String action, String note) {
    }

    public Inbox inbox(Caller caller) {
        SlackStandIn server = server();
        var company = repository.settings(caller.companyId())
                .orElseThrow(() -> ApiException.notFound("Slack settings of your company (connect Slack first)"));
        String user = repository.cachedUser(caller.companyId(), caller.userId()).map(SlackRepository.CachedUser::slackUserId)
                .orElse(null);
        List<DevMessage> items = new ArrayList<>();
        for (var m : server.messages()) {
            if (m.team().equals(company.teamId()) && user != null && user.equals(m.user())) {
                items.add(0, new DevMessage(m.channel(), m.ts(), m.text(), m.blocks(), m.updates()));
            }
        }
        return new Inbox(company.teamId(), items, items.size());
    }

    /** Clicks Approve or Deny (with the modal's note) on one of the caller's own messages. */
    public Clicked click(Caller caller, ClickBody body) {
        SlackStandIn server = server();
        ApiException.required(body, "body");
        String channel = ApiException.required(body.channel(), "channel");
        String ts = ApiException.required(body.ts(), "ts");
        var company = repository.settings(caller.companyId())
                .orElseThrow(() -> ApiException.notFound("Slack settings of your company"));
        String user = repository.cachedUser(caller.companyId(), caller.userId()).map(SlackRepository.CachedUser::slackUserId)
                .orElse(null);
        var message = server.messages().stream()
                .filter(m -> m.team().equals(company.teamId()) && m.channel().equals(channel) && m.ts().equals(ts)
                        && user != null && user.equals(m.user()))
                .findFirst().orElseThrow(() -> ApiException.notFound("Slack message"));
        String action = body.action() == null ? "" : body.action();
        if (!action.equals(SlackBlocks.APPROVE) && !action.equals(SlackBlocks.DENY)) {
            throw ApiException.invalid("action", "must be approve or deny");
        }
        String url = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8000")
                + SlackSettingsService.INTERACTIONS_PATH + "?company_id=" + caller.companyId();
        String secret = SlackSettingsService.signingSecret(box, company);
        int opened = server.views().size();
        SlackStandIn.Answer answer = server.click(url, secret, message, action);
        if (action.equals(SlackBlocks.DENY) && answer.status() == 200) {
            var view = awaitView(server, opened);
            answer = server.submitDenyModal(url, secret, view, user, body.note() == null ? "" : body.note());
        }
        return new Clicked(answer.status(), answer.body());
    }

    /**
     * Connects a company to the stand-in workspace (the demo company of {@code make run}); nothing
     * happens without the stand-in or when the company has Slack settings already.
     */
    public void connectToStandIn(Caller admin, UUID companyId) {
        if (!standIn.active() || !properties.isDevelopment() || repository.settings(companyId).isPresent()) {
            return;
        }
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        settings.put(admin, companyId, new SlackSettingsService.Body("xoxb-development-stand-in-" + companyId,
                HexFormat.of().formatHex(secret)));
    }

    private static SlackStandIn.OpenedView awaitView(SlackStandIn server, int before) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline) {
            var views = server.views();
            if (views.size() > before) {
                return views.get(views.size() - 1);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw ApiException.conflict("the Deny dialog did not open in time; try again");
    }

    private SlackStandIn server() {
        if (!properties.isDevelopment() || !standIn.active()) {
            throw ApiException.notFound("development Slack (only in development with the Slack stand-in)");
        }
        return standIn.server();
    }
}
