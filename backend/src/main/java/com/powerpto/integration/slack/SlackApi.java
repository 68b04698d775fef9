package com.powerpto.integration.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.auth.AuthTestRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.users.UsersLookupByEmailRequest;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Slack Web API calls Power PTO makes, through the official SDK ({@code slack-api-client}):
 * auth.test, users.lookupByEmail, chat.postMessage, chat.update and views.open. The base URL is
 * configurable ({@code pto.slack.api-url}): Slack itself in production, the development stand-in
 * in {@code make run} and the tests. Calls time out after a few seconds (a delivery holds its outbox
 * row's lock meanwhile; views.open must happen within Slack's 3 s of the click). Tokens are never logged.
 */
public class SlackApi {

    /** Errors that say the DM target is wrong: the cached user is forgotten and looked up again. */
    static final Set<String> STALE_USER = Set.of("channel_not_found", "user_not_found", "user_disabled",
            "account_inactive", "cannot_dm_bot", "not_in_channel", "is_archived");

    private final Slack slack;
    private final String url;

    SlackApi(String url, int timeoutMillis) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
        config.setHttpClientCallTimeoutMillis(timeoutMillis);
        config.setHttpClientReadTimeoutMillis(timeoutMillis);
        config.setHttpClientWriteTimeoutMillis(timeoutMillis);
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        config.setTokenExistenceVerificationEnabled(false);
        this.slack = Slack.getInstance(config);
        this.url = url;
    }

    String url() {
        return url;
    }

    /** A refused or failed call: {@code error} is Slack's code ("invalid_auth", "ratelimited", …) or what went wrong. */
    static final class Failure extends Exception {
        private final String error;

        Failure(String error) {
            super(error, null, false, false);
            this.error = error;
        }

        String error() {
            return error;
        }
    }

    /** What auth.test says about a bot token. */
    record Identity(String teamId, String teamName, String botUserId) {
    }

    Identity authTest(String token) throws Failure {
        var response = call(() -> methods(token).authTest(AuthTestRequest.builder().token(token).build()));
        return new Identity(response.getTeamId(), response.getTeam(), response.getUserId());
    }

    /** The workspace user with this e-mail; empty when there is none. */
    Optional<String> lookupByEmail(String token, String email) throws Failure {
        try {
            var response = call(() -> methods(token).usersLookupByEmail(UsersLookupByEmailRequest.builder().token(token)
                    .email(email).build()));
            return Optional.ofNullable(response.getUser()).map(u -> u.getId());
        } catch (Failure f) {
            if ("users_not_found".equals(f.error())) {
                return Optional.empty();
            }
            throw f;
        }
    }

    record Posted(String channel, String ts) {
    }

    Posted post(String token, String channel, String text, List<LayoutBlock> blocks) throws Failure {
        var response = call(() -> methods(token).chatPostMessage(ChatPostMessageRequest.builder().token(token)
                .channel(channel).text(text).blocks(blocks).unfurlLinks(false).build()));
        return new Posted(response.getChannel(), response.getTs());
    }

    void update(String token, String channel, String ts, String text, List<LayoutBlock> blocks) throws Failure {
        call(() -> methods(token).chatUpdate(ChatUpdateRequest.builder().token(token).channel(channel).ts(ts).text(text)
                .blocks(blocks).build()));
    }

    void openView(String token, String triggerId, View view) throws Failure {
        call(() -> methods(token).viewsOpen(ViewsOpenRequest.builder().token(token).triggerId(triggerId).view(view).build()));
    }

    private MethodsClient methods(String token) {
        return slack.methods(token);
    }

    private interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private static <T extends SlackApiTextResponse> T call(Call<T> call) throws Failure {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().code();
            throw new Failure(status == 429 ? "ratelimited" : "http_" + status);
        } catch (IOException e) {
            throw new Failure("unreachable: " + e.getClass().getSimpleName());
        }
        if (response == null || !response.isOk()) {
            throw new Failure(response == null || response.getError() == null ? "unknown_error" : response.getError());
        }
        return response;
    }
}
