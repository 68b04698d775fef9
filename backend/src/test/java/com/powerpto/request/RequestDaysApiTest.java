package com.powerpto.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET …/requests/{rid}/days} (issue 26): a stored request day by day, for the request, approvals and My team. */
class RequestDaysApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    World world;
    Person manager;
    Person emma;
    Person other;
    UUID sick;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
        manager = world.manager("Mark");
        emma = world.employee("Emma", manager.id());
        other = world.employee("Olga", null);
        sick = world.unlimitedPolicy("sick");
        world.assign(sick, emma, "2026-01-01", null);
        world.holiday("2027-03-26", "Good Friday");
    }

    @Test
    void theBreakdownCountedAtSubmitIsKeptAndShownToWhoeverMayReadTheRequest() {
        // Wed 24 .. Wed 31 March 2027, whole days: Wed, Thu, (Fri holiday), (weekend), Mon, Tue, Wed = 5 days
        JsonNode request = world.submit(emma, sick, "2027-03-24T00:00", "2027-04-01T00:00").expectJson(201);
        String id = request.path("id").asText();
        String path = world.base() + "/requests/" + id + "/days";
        JsonNode days = world.as(emma).get(path).expectJson(200);
        assertThat(days.path("request_id").asText()).isEqualTo(id);
        assertThat(days.path("requested_minutes").asLong()).isEqualTo(5 * 480);
        assertThat(days.path("recomputed").asBoolean()).isFalse();
        assertThat(lines(days)).containsExactly("2027-03-24 480 WORKDAY", "2027-03-25 480 WORKDAY", "2027-03-26 0 HOLIDAY",
                "2027-03-27 0 WEEKEND", "2027-03-28 0 WEEKEND", "2027-03-29 480 WORKDAY", "2027-03-30 480 WORKDAY",
                "2027-03-31 480 WORKDAY");

        // a holiday added afterwards does not rewrite what was counted (the request still takes 5 days)
        world.holiday("2027-03-29", "Easter Monday");
        assertThat(lines(world.as(manager).get(path).expectJson(200))).contains("2027-03-29 480 WORKDAY");
        world.asAdmin().get(path).expectJson(200);
        world.as(other).get(path).expectError(403);
        world.as(new Person(world.companyId(), manager.id(), com.powerpto.platform.security.Role.MANAGER))
                .get(world.base() + "/requests/" + UUID.randomUUID() + "/days").expectError(404);
    }

    /** Issue 28's duration correction changes a request's minutes: its days follow. */
    @Test
    void aDurationCorrectionRewritesTheDaysWithTheMinutes() {
        String id = world.submit(emma, sick, "2027-03-29T00:00", "2027-04-01T00:00").expectJson(201).path("id").asText();
        world.holiday("2027-03-30", "A new holiday");
        String path = world.base() + "/requests/" + id + "/days";
        assertThat(lines(world.as(emma).get(path).expectJson(200))).contains("2027-03-30 480 WORKDAY"); // not corrected yet
        world.asAdmin().post(world.base() + "/requests/duration-changes/apply", java.util.Map.of()).expectJson(200);
        JsonNode days = world.as(emma).get(path).expectJson(200);
        assertThat(days.path("requested_minutes").asLong()).isEqualTo(2 * 480);
        assertThat(days.path("recomputed").asBoolean()).isFalse();
        assertThat(lines(days)).containsExactly("2027-03-29 480 WORKDAY", "2027-03-30 0 HOLIDAY", "2027-03-31 480 WORKDAY");
    }

    @Test
    void aRequestSubmittedBeforeBreakdownsWereKeptIsRecountedFromToday() {
        String id = world.submit(emma, sick, "2027-03-25T13:00", "2027-03-25T17:00").expectJson(201).path("id").asText();
        jdbc.sql("UPDATE requests SET day_breakdown = NULL WHERE company_id = :c AND id = :id")
                .param("c", world.companyId()).param("id", UUID.fromString(id)).update();
        JsonNode days = world.as(emma).get(world.base() + "/requests/" + id + "/days").expectJson(200);
        assertThat(days.path("recomputed").asBoolean()).isTrue();
        assertThat(lines(days)).containsExactly("2027-03-25 240 PARTIAL");
    }

    private static List<String> lines(JsonNode days) {
        List<String> lines = new ArrayList<>();
        days.path("days").forEach(d -> lines.add(d.path("date").asText() + " " + d.path("minutes").asLong() + " "
                + d.path("reason").asText()));
        return lines;
    }
}
