package com.powerpto.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.powerpto.auth.AccountService;
import com.powerpto.integration.slack.SlackSignature;
import com.powerpto.integration.slack.SlackStandIn;
import com.powerpto.platform.security.Role;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 29's "done when", over real HTTP against a real Slack stand-in: a submitted request → one
 * direct message per approver with Approve / Deny; a signed Approve click → the request approved
 * once, with the ledger of a web-app approval, every approver's message updated and the employee
 * told; unsigned, stale, replayed, tampered, foreign-workspace and non-approver clicks refused with
 * nothing written.
 */
class SlackApprovalApiTest extends ChatApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    AccountService accounts;

    World world;
    Person mia;
    Person dan;
    Person eve;
    UUID vacation;
    String token;
    String secret;
    String team;

    @BeforeEach
    void connectedCompany() {
        world = fixtures.newWorld();
        mia = world.manager("Mia");
        dan = world.manager("Dan");
        for (Person p : List.of(mia, dan)) {
            accounts.setPassword(world.companyId(), p.id(), Role.MANAGER, "manager password 1");
        }
        eve = world.employee("Eve", mia.id(), Map.of("timezone", "America/New_York"));
        accounts.setPassword(world.companyId(), eve.id(), Role.EMPLOYEE, "employee password 1");
        vacation = world.timePolicy("vacation", Map.of("unit", "DAYS"));
        world.assign(vacation, eve, "2020-01-01", null);
        world.adjust(eve, vacation, 20 * 480, "opening balance");
        // Dan decides Mia's team's requests while she is away (a delegation in force today).
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        world.asAdmin().post(world.base() + "/delegations", Map.of("delegator_id", mia.id().toString(),
                "delegate_id", dan.id().toString(), "start_date", today.minusDays(1).toString(),
                "end_date", today.plusDays(30).toString())).expect(201);
        token = "xoxb-test-" + UUID.randomUUID();
        secret = UUID.randomUUID().toString().replace("-", "");
        team = SlackStandIn.teamOf(token);
        world.asAdmin().put(world.base() + "/integrations/slack", Map.of("bot_token", token, "signing_secret", secret))
                .expect(200);
    }

    private String interactionsUrl() {
        return "http://127.0.0.1:" + port + "/api/integrations/slack/interactions?company_id=" + world.companyId();
    }

    private List<SlackStandIn.Message> messagesTo(Person p) {
        String user = SlackStandIn.userOf(team, email(world.companyId(), p.id()));
        return SLACK.messages().stream().filter(m -> m.team().equals(team) && user.equals(m.user())).toList();
    }

    private SlackStandIn.Message only(Person p) {
        List<SlackStandIn.Message> messages = messagesTo(p);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    /** The one message to this person whose blocks mention {@code about} (a request id, a date). */
    private SlackStandIn.Message only(Person p, String about) {
        List<SlackStandIn.Message> messages = messagesTo(p).stream().filter(m -> m.blocks().toString().contains(about)).toList();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private String submit(String from, String to) {
        return world.submit(eve, vacation, from, to).expectJson(201).path("id").asText();
    }

    private JsonNode request(String id) {
        return world.asAdmin().get(world.base() + "/requests/" + id).expectJson(200);
    }

    private List<String> ledgerOf(String requestId) {
        return world.ledger(eve, vacation).stream().filter(e -> e.path("source_id").asText().equals(requestId))
                .map(e -> e.path("entry_type").asText() + " " + e.path("amount_minutes").asLong() + " " + e.path("source_type").asText())
                .sorted().toList();
    }

    /** Waits for work done after the acknowledgement (the Deny modal, a notice) to reach the stand-in. */
    private static <T> T eventually(java.util.function.Supplier<T> read, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = read.get();
        }
        assertThat(done.test(value)).as("eventually: " + value).isTrue();
        return value;
    }

    @Test
    void oneDirectMessagePerApproverAndASignedApproveDecidesOnceLikeTheWebApp() throws Exception {
        String viaSlack = submit("2027-08-02T00:00", "2027-08-04T00:00");
        deliver();
        deliver(); // a second pass posts nothing again
        SlackStandIn.Message toMia = only(mia);
        SlackStandIn.Message toDan = only(dan);
        assertThat(messagesTo(eve)).isEmpty();
        for (SlackStandIn.Message m : List.of(toMia, toDan)) {
            String blocks = m.blocks().toString();
            assertThat(blocks).contains("Time-off request from Eve Tester").contains("Mon 2 Aug 2027 \u2013 Tue 3 Aug 2027")
                    .contains("2 days of vacation").contains("Balance after").contains("18 days")
                    .contains(BASE + "/approvals?request=" + viaSlack);
            assertThat(SlackStandIn.buttonValue(m, "approve")).contains(viaSlack);
            assertThat(SlackStandIn.buttonValue(m, "deny")).contains(viaSlack);
        }

        // The same kind of request approved in the web app, for the ledger comparison.
        String viaWeb = submit("2027-09-06T00:00", "2027-09-08T00:00");
        world.approve(mia, viaWeb);

        SlackStandIn.Answer answer = SLACK.click(interactionsUrl(), secret, toMia, "approve");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(request(viaSlack).path("status").asText()).isEqualTo("APPROVED");
        assertThat(request(viaSlack).path("decided_by").asText()).isEqualTo(mia.id().toString());
        assertThat(ledgerOf(viaSlack)).isEqualTo(ledgerOf(viaWeb)).containsExactly(
                "HOLD -960 REQUEST", "HOLD_RELEASE 960 REQUEST", "USAGE -960 REQUEST");
        long audits = jdbc.sql("SELECT count(*) FROM audit_log WHERE company_id = :c AND entity_id = :r AND action = 'APPROVE'")
                .param("c", world.companyId()).param("r", UUID.fromString(viaSlack)).query(Long.class).single();
        assertThat(audits).isEqualTo(1);

        deliver();
        for (Person approver : List.of(mia, dan)) {
            eventually(() -> only(approver, viaSlack).blocks().toString(), b -> b.contains("Approved by"));
            SlackStandIn.Message updated = only(approver, viaSlack);
            assertThat(updated.updates()).isGreaterThanOrEqualTo(1);
            assertThat(SlackStandIn.buttonValue(updated, "approve")).isEmpty();
            assertThat(updated.blocks().toString()).contains("Approved by Mia Tester at");
        }
        eventually(() -> messagesTo(eve).stream().filter(m -> m.blocks().toString().contains("Mon 2 Aug 2027")).count(), n -> n == 1);
        assertThat(only(eve, "Mon 2 Aug 2027").blocks().toString()).contains("Your time off is approved")
                .contains("Approved by Mia Tester");

        // A double click (the old message's button) and Slack sending it again approve nothing more.
        String before = footprint(world.companyId());
        assertThat(SLACK.click(interactionsUrl(), secret, toMia, "approve").status()).isEqualTo(200);
        assertThat(footprint(world.companyId())).isEqualTo(before);
        assertThat(ledgerOf(viaSlack)).hasSize(3);
        eventually(() -> only(mia, viaSlack).blocks().toString(), b -> b.contains("Nothing changed"));
    }

    @Test
    void denyOpensAModalAndTheNoteReachesTheEmployee() throws Exception {
        String id = submit("2027-10-04T00:00", "2027-10-05T00:00");
        deliver();
        int opened = SLACK.views().size();
        assertThat(SLACK.click(interactionsUrl(), secret, only(dan), "deny").status()).isEqualTo(200);
        assertThat(request(id).path("status").asText()).isEqualTo("SUBMITTED"); // the modal decides, not the button
        List<SlackStandIn.OpenedView> views = eventually(SLACK::views, v -> v.size() > opened);
        SlackStandIn.OpenedView modal = views.get(views.size() - 1);
        assertThat(modal.view().path("callback_id").asText()).isEqualTo("deny_request");
        String danUser = SlackStandIn.userOf(team, email(world.companyId(), dan.id()));
        SlackStandIn.Answer answer = SLACK.submitDenyModal(interactionsUrl(), secret, modal, danUser, "Busy <week>");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"response_action\":\"clear\"");
        JsonNode denied = request(id);
        assertThat(denied.path("status").asText()).isEqualTo("DENIED");
        assertThat(denied.path("decision_note").asText()).isEqualTo("Busy <week>");
        assertThat(world.balance(eve, vacation).path("held_minutes").asLong()).isZero();
        deliver();
        // The click's answer went back at once; the messages change right after it (or at the worker's next poll).
        assertThat(eventually(() -> only(mia).blocks().toString(), b -> b.contains("Denied by")))
                .contains("Denied by Dan Tester at").contains("Busy &lt;week&gt;");
        assertThat(eventually(() -> messagesTo(eve), m -> m.size() == 1).get(0).blocks().toString())
                .contains("Your time-off request was denied");
    }

    @Test
    void refusedInteractionsChangeNothing() throws Exception {
        String id = submit("2027-11-01T00:00", "2027-11-02T00:00");
        deliver();
        SlackStandIn.Message toMia = only(mia);
        String before = footprint(world.companyId());

        byte[] body = SlackStandIn.formBody(clickPayload(toMia, team, "approve"));
        String now = String.valueOf(Instant.now().getEpochSecond());
        // Unsigned, mis-signed, signed with another secret, tampered after signing.
        assertThat(post(interactionsUrl(), body, null, null).statusCode()).isEqualTo(401);
        assertThat(post(interactionsUrl(), body, now, "v0=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(post(interactionsUrl(), body, now, SlackSignature.sign("another-secret", now, body)).statusCode()).isEqualTo(401);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("approve", "apprové").getBytes(StandardCharsets.UTF_8);
        assertThat(post(interactionsUrl(), tampered, now, SlackSignature.sign(secret, now, body)).statusCode()).isEqualTo(401);
        // Stale: signed correctly, six minutes ago.
        String old = String.valueOf(Instant.now().minusSeconds(360).getEpochSecond());
        HttpResponse<String> stale = post(interactionsUrl(), body, old, SlackSignature.sign(secret, old, body));
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).contains("slack_signature_stale");
        // Another workspace's payload, correctly signed with this company's secret.
        byte[] foreign = SlackStandIn.formBody(clickPayload(toMia, "T0THERTEAM", "approve"));
        assertThat(post(interactionsUrl(), foreign, now, SlackSignature.sign(secret, now, foreign)).statusCode()).isEqualTo(403);
        // The company id must be canonical; an unknown company has no secret.
        String upper = interactionsUrl().replace(world.companyId().toString(), world.companyId().toString().toUpperCase());
        assertThat(post(upper, body, now, SlackSignature.sign(secret, now, body)).statusCode()).isEqualTo(422);
        String unknown = interactionsUrl().replace(world.companyId().toString(), UUID.randomUUID().toString());
        assertThat(post(unknown, body, now, SlackSignature.sign(secret, now, body)).statusCode()).isEqualTo(401);
        assertThat(footprint(world.companyId())).isEqualTo(before);
        assertThat(request(id).path("status").asText()).isEqualTo("SUBMITTED");

        // A valid click, replayed byte for byte: the first one decides, the replay is refused.
        String signature = SlackSignature.sign(secret, now, body);
        assertThat(post(interactionsUrl(), body, now, signature).statusCode()).isEqualTo(200);
        assertThat(request(id).path("status").asText()).isEqualTo("APPROVED");
        String afterFirst = footprint(world.companyId());
        HttpResponse<String> replay = post(interactionsUrl(), body, now, signature);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("slack_replay");
        assertThat(footprint(world.companyId())).isEqualTo(afterFirst);
    }

    @Test
    void aClickOfSomeoneWhoIsNoLongerTheApproverIsRefusedInTheMessage() throws Exception {
        String id = submit("2027-12-06T00:00", "2027-12-07T00:00");
        deliver();
        SlackStandIn.Message toMia = only(mia);
        // Eve moves to Max's team and the delegation ends: neither Mia nor Dan may decide any more.
        Person max = world.manager("Max");
        world.asAdmin().put(world.base() + "/employees/" + eve.id(), Map.of("manager_id", max.id().toString())).expect(200);
        String before = footprint(world.companyId());
        assertThat(SLACK.click(interactionsUrl(), secret, toMia, "approve").status()).isEqualTo(200);
        assertThat(request(id).path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(footprint(world.companyId())).isEqualTo(before);
        String notice = eventually(() -> only(mia).blocks().toString(), b -> b.contains("no longer decide"));
        assertThat(notice).contains("approve"); // the request is still open: its buttons stay for whoever may decide
        // The employee clicking on the approver's message (same workspace, mapped to Eve) is refused too.
        SlackStandIn.Message asEve = new SlackStandIn.Message(toMia.team(), toMia.channel(),
                SlackStandIn.userOf(team, email(world.companyId(), eve.id())), toMia.ts(), toMia.text(), toMia.blocks(), 0);
        // Eve is known to Slack once she got a message; until then her click maps to nobody. Either way: refused.
        assertThat(SLACK.click(interactionsUrl(), secret, asEve, "approve").status()).isEqualTo(200);
        assertThat(request(id).path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(footprint(world.companyId())).isEqualTo(before);
    }

    @Test
    void peopleOutsideTheWorkspaceKeepEmailAndSlackCanBeTurnedOffPerKind() {
        SLACK.absent(email(world.companyId(), dan.id()));
        world.as(mia).put("/api/me/notification-preferences", Map.of("slack", Map.of("request_submitted", false)))
                .expectJson(200);
        JsonNode prefs = world.as(mia).get("/api/me/notification-preferences").expectJson(200);
        assertThat(prefs.path("slack").path("connected").asBoolean()).isTrue();
        assertThat(prefs.path("slack").path("items").toString()).contains("{\"kind\":\"request_submitted\",\"enabled\":false}");
        world.as(mia).put("/api/me/notification-preferences", Map.of("slack", Map.of("password_changed", false)))
                .expectError(422);
        String id = submit("2028-01-10T00:00", "2028-01-11T00:00");
        deliver();
        assertThat(messagesTo(mia)).isEmpty();
        assertThat(messagesTo(dan)).isEmpty();
        JsonNode skipped = world.asAdmin().get(world.base() + "/notifications?status=skipped").expectJson(200);
        assertThat(skipped.path("total").asLong()).isEqualTo(1);
        assertThat(skipped.path("items").get(0).path("channel").asText()).isEqualTo("SLACK");
        assertThat(skipped.path("items").get(0).path("last_error").asText()).contains("not in the company's Slack workspace");
        // E-mail stays the fallback: both approvers still have their e-mail (waiting for an SMTP server here).
        JsonNode pending = world.asAdmin().get(world.base() + "/notifications?status=pending").expectJson(200);
        assertThat(pending.path("items").findValuesAsText("channel")).containsOnly("EMAIL");
        assertThat(pending.path("items").findValuesAsText("subject")).contains("Time-off request from Eve Tester: Mon 10 Jan 2028");
        assertThat(pending.path("items").findValuesAsText("recipient_id")).contains(mia.id().toString(), dan.id().toString());
        assertThat(id).isNotBlank();
    }

    @Test
    void slackDownIsRetriedWithBackoffAndAStaleUserIsLookedUpAgain() {
        submit("2028-02-07T00:00", "2028-02-08T00:00");
        SLACK.down(true);
        try {
            deliver();
        } finally {
            SLACK.down(false);
        }
        assertThat(messagesTo(mia)).isEmpty();
        JsonNode pending = world.asAdmin().get(world.base() + "/notifications?status=pending").expectJson(200);
        assertThat(pending.path("items").findValuesAsText("last_error")).contains("Slack: http_503");
        delivery.deliverDue(Instant.now().plusSeconds(1), 1000); // backing off: not due yet
        assertThat(messagesTo(mia)).isEmpty();
        SLACK.failNext("chat.postMessage", "channel_not_found");
        int lookups = SLACK.calls("users.lookupByEmail").size();
        delivery.deliverDue(Instant.now().plusSeconds(120), 1000);
        delivery.deliverDue(Instant.now().plusSeconds(600), 1000);
        assertThat(only(mia)).isNotNull();
        assertThat(only(dan)).isNotNull();
        // The failed message forgot the cached user: Slack was asked again.
        assertThat(SLACK.calls("users.lookupByEmail").size()).isGreaterThan(lookups);
    }

    private ObjectNode clickPayload(SlackStandIn.Message m, String teamId, String action) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("team").put("id", teamId);
        payload.putObject("user").put("id", m.user()).put("team_id", teamId);
        payload.put("trigger_id", "1.2.test");
        payload.putObject("container").put("type", "message").put("message_ts", m.ts()).put("channel_id", m.channel());
        payload.putArray("actions").addObject().put("action_id", action).put("value",
                SlackStandIn.buttonValue(m, "approve").orElseThrow()).put("type", "button");
        return payload;
    }

    private static HttpResponse<String> post(String url, byte[] body, String timestamp, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (timestamp != null) {
            request.header(SlackSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(SlackSignature.SIGNATURE_HEADER, signature);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
