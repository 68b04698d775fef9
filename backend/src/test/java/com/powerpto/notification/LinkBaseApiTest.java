package com.powerpto.notification;

import com.powerpto.support.ApiTest;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26: in development without APP_BASE_URL, links in e-mails and feeds use the address of the
 * request that caused them (kept with the outbox row, since the worker renders without a request).
 * This context sets no APP_BASE_URL (the tests' default).
 */
class LinkBaseApiTest extends ApiTest {

    @Autowired
    NotificationRepository repository;
    @Autowired
    MessageRenderer renderer;

    @Test
    void linksFollowTheOriginOfTheRequestThatCausedThem() {
        World world = fixtures.newWorld();
        Person manager = world.manager("Mia");
        Person eve = world.employee("Eve", manager.id());
        UUID policy = world.timePolicy("vacation", Map.of("unit", "DAYS"));
        world.assign(policy, eve, "2020-01-01", null);
        world.adjust(eve, policy, 4800, "opening");

        // From the Vite dev server (its proxy keeps the browser's Origin) and straight to the API.
        String viaVite = world.as(eve).header("Origin", "http://localhost:5173").post(world.base() + "/requests",
                world.request(eve, policy, "2027-05-03T00:00", "2027-05-04T00:00")).expectJson(201).path("id").asText();
        String direct = world.submit(eve, policy, "2027-05-10T00:00", "2027-05-11T00:00").expectJson(201).path("id").asText();

        assertThat(link(world, viaVite)).isEqualTo("http://localhost:5173/approvals?request=" + viaVite);
        assertThat(link(world, direct)).isEqualTo("http://127.0.0.1:" + port + "/approvals?request=" + direct);

        String feed = world.as(eve).header("Origin", "http://localhost:5173").post("/api/me/calendar-feeds",
                Map.of("scope", "mine")).expectJson(201).path("url").asText();
        assertThat(feed).startsWith("http://localhost:5173/api/calendar/");
    }

    /** The manager's e-mail about the request, rendered as the worker renders it. */
    private String link(World world, String requestId) {
        var row = repository.rows(world.companyId(), repositoryIds(world, requestId)).get(0);
        String text = renderer.email(row).orElseThrow().message().text();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://\\S+/approvals\\?request=\\S+").matcher(text);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private java.util.List<UUID> repositoryIds(World world, String requestId) {
        return world.asAdmin().get(world.base() + "/notifications?status=pending&limit=100").expectJson(200).path("items")
                .findParents("kind").stream()
                .filter(n -> n.path("kind").asText().equals("REQUEST_SUBMITTED") && n.path("channel").asText().equals("EMAIL"))
                .map(n -> UUID.fromString(n.path("id").asText()))
                .filter(id -> repository.rows(world.companyId(), java.util.List.of(id)).get(0).event().contains(requestId))
                .toList();
    }
}
