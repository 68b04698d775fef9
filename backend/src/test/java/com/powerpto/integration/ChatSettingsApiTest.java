package com.powerpto.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.integration.slack.SlackStandIn;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Slack settings API: admins only, secrets sealed and never returned or logged, auth.test on save and on demand. */
@ExtendWith(OutputCaptureExtension.class)
class ChatSettingsApiTest extends ChatApiTest {

    @Test
    void slackSecretsAreSealedNeverReturnedNorLogged(CapturedOutput output) {
        World world = fixtures.newWorld();
        Person eve = world.employee("Eve", null);
        String token = "xoxb-settings-" + UUID.randomUUID();
        String secret = "s3cr3t" + UUID.randomUUID().toString().replace("-", "");
        String path = world.base() + "/integrations/slack";

        world.asAdmin().get(path).expectError(404);
        world.as(eve).put(path, Map.of("bot_token", token, "signing_secret", secret)).expectError(403);
        world.asAdmin().put(path, Map.of("bot_token", "not-a-bot-token", "signing_secret", secret)).expectError(422);
        world.asAdmin().put(path, Map.of("bot_token", token)).expectError(422); // the secret is needed the first time
        JsonNode refused = world.asAdmin().put(path, Map.of("bot_token", "xoxb-revoked-" + UUID.randomUUID(),
                "signing_secret", secret)).expectError(400);
        assertThat(refused.path("code").asText()).isEqualTo("slack_refused");
        assertThat(refused.path("error").asText()).contains("invalid_auth");

        JsonNode saved = world.asAdmin().put(path, Map.of("bot_token", token, "signing_secret", secret)).expectJson(200);
        assertThat(saved.path("team_id").asText()).isEqualTo(SlackStandIn.teamOf(token));
        assertThat(saved.path("has_bot_token").asBoolean()).isTrue();
        assertThat(saved.path("interactivity_url").asText())
                .isEqualTo(BASE + "/api/integrations/slack/interactions?company_id=" + world.companyId());
        String read = world.asAdmin().get(path).expect(200).text();
        JsonNode tested = world.asAdmin().post(path + "/test", null).expectJson(200);
        assertThat(tested.path("ok").asBoolean()).isTrue();
        // A later save may change one secret only; the other is kept.
        world.asAdmin().put(path, Map.of("signing_secret", secret + "2")).expect(200);
        String stored = jdbc.sql("SELECT bot_token_ciphertext || signing_secret_ciphertext FROM company_slack WHERE company_id = :c")
                .param("c", world.companyId()).query(String.class).single();
        String audit = jdbc.sql("SELECT string_agg(coalesce(before_json::text, '') || after_json::text, ' ') FROM audit_log WHERE company_id = :c")
                .param("c", world.companyId()).query(String.class).single();
        for (String text : new String[]{saved.toString(), read, tested.toString(), stored, audit, output.getAll()}) {
            assertThat(text).doesNotContain(token).doesNotContain(secret);
        }
        assertThat(stored).startsWith("v1:");
        assertThat(audit).contains("\"slack\"");
        world.asAdmin().delete(path).expect(204);
        world.asAdmin().get(path).expectError(404);
        world.asAdmin().post(path + "/test", null).expectError(404);
    }

    @Test
    void theInteractivityRouteIsRateLimitedPerCompany() {
        // A company id nobody uses: each request is refused (401) until the budget is spent.
        String path = "/api/integrations/slack/interactions?company_id=" + UUID.randomUUID();
        for (int i = 0; i < 120; i++) {
            http.send("POST", path, "payload=%7B%7D", "application/x-www-form-urlencoded").expectError(401);
        }
        var limited = http.send("POST", path, "payload=%7B%7D", "application/x-www-form-urlencoded");
        limited.expectError(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        // Another company's budget is its own.
        http.send("POST", "/api/integrations/slack/interactions?company_id=" + UUID.randomUUID(), "payload=%7B%7D",
                "application/x-www-form-urlencoded").expectError(401);
    }
}
