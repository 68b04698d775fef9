package com.powerpto.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft Teams (issue 29): a company's Workflows webhook, stood in by a local HTTP server that
 * records what it receives; each card is validated against Microsoft's Adaptive Card JSON schema
 * (vendored test resource, see src/test/resources/adaptive-card/README.md).
 */
class TeamsApiTest extends ChatApiTest {

    static final String SCHEMA_ID = "http://adaptivecards.io/schemas/adaptive-card.json";
    static Schema cardSchema;

    HttpServer webhook;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    volatile int answer = 202;
    World world;
    Person eve;
    UUID vacation;

    @BeforeAll
    static void schema() throws IOException {
        try (InputStream in = TeamsApiTest.class.getResourceAsStream("/adaptive-card/adaptive-card.json")) {
            // The file says draft-06 but names itself with draft-04's "id"; draft-06 calls that "$id".
            ObjectNode schema = (ObjectNode) Http.JSON.readTree(in);
            schema.set("$id", schema.remove("id"));
            String text = schema.toString();
            cardSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6, b -> b.schemas(Map.of(SCHEMA_ID, text)))
                    .getSchema(SchemaLocation.of(SCHEMA_ID));
        }
    }

    @BeforeEach
    void teamsChannel() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/workflows/", exchange -> {
            try (exchange) {
                received.add(Http.JSON.readTree(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(answer, -1);
            }
        });
        webhook.start();
        world = fixtures.newWorld();
        Person mia = world.manager("Mia");
        eve = world.employee("Eve", mia.id());
        vacation = world.timePolicy("vacation", Map.of("unit", "DAYS"));
        world.assign(vacation, eve, "2020-01-01", null);
        world.adjust(eve, vacation, 10 * 480, "opening balance");
    }

    @AfterEach
    void stop() {
        webhook.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + webhook.getAddress().getPort() + "/workflows/abc/triggers/manual/paths/invoke?sig=SECRET-SIG-"
                + world.companyId();
    }

    private List<String> violations(JsonNode card) {
        return cardSchema.validate(card).stream().map(Object::toString).toList();
    }

    @Test
    void eachNewRequestIsAValidAdaptiveCardWithALinkToItsApproval() {
        JsonNode saved = world.asAdmin().put(world.base() + "/integrations/teams", Map.of("webhook_url", url())).expectJson(200);
        assertThat(saved.path("webhook_host").asText()).isEqualTo("127.0.0.1");
        assertThat(saved.toString()).doesNotContain("SECRET-SIG").doesNotContain("/workflows/");
        assertThat(world.asAdmin().get(world.base() + "/integrations/teams").text()).doesNotContain("SECRET-SIG");
        String stored = jdbc.sql("SELECT webhook_url_ciphertext FROM company_teams WHERE company_id = :c")
                .param("c", world.companyId()).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("SECRET-SIG");

        String id = world.submit(eve, vacation, "2027-08-02T00:00", "2027-08-04T00:00").expectJson(201).path("id").asText();
        deliver();
        deliver();
        assertThat(received).hasSize(1);
        JsonNode message = received.get(0);
        assertThat(message.path("type").asText()).isEqualTo("message");
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(violations(card)).isEmpty();
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        assertThat(card.toString()).contains("Time-off request from Eve Tester").contains("Mon 2 Aug 2027 \u2013 Tue 3 Aug 2027")
                .contains("2 days of vacation");
        JsonNode open = card.path("actions").get(0);
        assertThat(open.path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(open.path("title").asText()).isEqualTo("Open in Power PTO");
        assertThat(open.path("url").asText()).isEqualTo(BASE + "/approvals?request=" + id);
    }

    @Test
    void theSchemaCatchesABrokenCard() {
        ObjectNode broken = Http.JSON.createObjectNode();
        broken.put("type", "AdaptiveCard");
        broken.putArray("body").addObject().put("type", "FactSet").putArray("facts").addObject().put("title", "Who");
        broken.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open");
        assertThat(violations(broken)).isNotEmpty(); // no version, a fact without value, an OpenUrl without url
    }

    @Test
    void aRefusingWebhookIsRetriedAndTestConnectionSaysWhatTeamsAnswered() {
        world.asAdmin().put(world.base() + "/integrations/teams", Map.of("webhook_url", url())).expect(200);
        assertThat(world.asAdmin().post(world.base() + "/integrations/teams/test", null).expectJson(200).path("status").asInt())
                .isEqualTo(202);
        assertThat(received).hasSize(1);
        assertThat(violations(received.get(0).path("attachments").get(0).path("content"))).isEmpty();
        answer = 500;
        world.submit(eve, vacation, "2027-09-06T00:00", "2027-09-07T00:00").expect(201);
        deliver();
        JsonNode pending = world.asAdmin().get(world.base() + "/notifications?status=pending").expectJson(200);
        assertThat(pending.path("items").findValuesAsText("last_error")).contains("Teams: HTTP 500");
        assertThat(world.asAdmin().post(world.base() + "/integrations/teams/test", null).expectError(400).path("code").asText())
                .isEqualTo("teams_refused");
        answer = 202;
        delivery.deliverDue(Instant.now().plusSeconds(120), 1000);
        // The refused try and the accepted retry; a further pass posts nothing.
        assertThat(received.stream().filter(m -> m.toString().contains("Time-off request")).count()).isEqualTo(2);
        delivery.deliverDue(Instant.now().plusSeconds(7200), 1000);
        assertThat(received.stream().filter(m -> m.toString().contains("Time-off request")).count()).isEqualTo(2);
    }

    @Test
    void settingsAreForAdminsAndAddressesAreChecked() {
        world.asAdmin().put(world.base() + "/integrations/teams", Map.of("webhook_url", "ftp://127.0.0.1/x")).expectError(422);
        world.asAdmin().put(world.base() + "/integrations/teams", Map.of("webhook_url", "")).expectError(422);
        world.as(eve).put(world.base() + "/integrations/teams", Map.of("webhook_url", url())).expectError(403);
        world.asAdmin().get(world.base() + "/integrations/teams").expectError(404);
        world.asAdmin().put(world.base() + "/integrations/teams", Map.of("webhook_url", url())).expect(200);
        world.asAdmin().delete(world.base() + "/integrations/teams").expect(204);
        world.asAdmin().get(world.base() + "/integrations/teams").expectError(404);
        world.submit(eve, vacation, "2027-10-04T00:00", "2027-10-05T00:00").expect(201);
        deliver();
        assertThat(received).isEmpty();
    }
}
