package com.powerpto.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /companies/{cid}/whos-out: each role sees its own circle, never reasons, never another company.
 * "Today" is fixed at {@link #TODAY} so the March 2027 requests have not started yet (an approved
 * request that has started can no longer be cancelled) whatever the real date.
 */
@Import(MutableClock.Config.class)
class WhosOutTest extends ApiTest {

    static final String MARCH = "?from=2027-03-01&to=2027-03-31";
    static final String TODAY = "2026-12-01T12:00:00Z";

    @Autowired
    MutableClock clock;

    World world;
    Person mia;      // manager of team A
    Person eve;      // team A
    Person pat;      // team A
    Person noah;     // manager of team B
    Person bob;      // team B
    UUID policy;
    String eveDays;
    String patPending;
    String evePending;
    String bobDay;

    @BeforeEach
    void world() {
        clock.set(TODAY);
        world = fixtures.newWorld();
        mia = world.manager("Mia");
        eve = world.employee("Eve", mia.id());
        pat = world.employee("Pat", mia.id());
        noah = world.manager("Noah");
        bob = world.employee("Bob", noah.id());
        policy = world.timePolicy("vacation", Map.of());
        for (Person p : List.of(mia, eve, pat, noah, bob)) {
            world.assign(policy, p, "2020-01-01", null);
            world.adjust(p, policy, 20 * 480, "opening");
        }
        world.holiday("2027-03-19", "Founders' day");
        eveDays = submit(eve, "2027-03-01T09:00", "2027-03-02T17:00", "secret surgery");
        world.as(mia).post(world.base() + "/requests/" + eveDays + "/approve", Map.of("note", "get well soon, private"))
                .expect(200);
        patPending = submit(pat, "2027-03-08T09:00", "2027-03-08T13:00", "pending reason");
        evePending = submit(eve, "2027-03-22T09:00", "2027-03-22T17:00", null);
        bobDay = submit(bob, "2027-03-03T09:00", "2027-03-03T17:00", "team b reason");
        world.approve(noah, bobDay);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String submit(Person p, String start, String end, String reason) {
        Map<String, Object> body = new HashMap<>(world.request(p, policy, start, end));
        if (reason != null) {
            body.put("reason", reason);
        }
        return world.as(p).post(world.base() + "/requests", body).expectJson(201).path("id").asText();
    }

    private JsonNode whosOut(Person as, String query) {
        return world.as(as).get(world.base() + "/whos-out" + query).expectJson(200);
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("items").forEach(i -> ids.add(i.path("request_id").asText()));
        return ids;
    }

    @Test
    void anEmployeeSeesTheirTeamsApprovedAbsencesAndTheirOwnPendingOnes() {
        JsonNode answer = whosOut(pat, MARCH);
        assertThat(answer.path("scope").asText()).isEqualTo("team");
        assertThat(ids(answer)).containsExactly(eveDays, patPending); // not Eve's pending, not team B
        JsonNode eves = answer.path("items").get(0);
        assertThat(eves.path("name").asText()).isEqualTo("Eve Tester");
        assertThat(eves.path("first_day").asText()).isEqualTo("2027-03-01");
        assertThat(eves.path("last_day").asText()).isEqualTo("2027-03-02");
        assertThat(eves.path("status").asText()).isEqualTo("APPROVED");
        assertThat(eves.path("all_day").asBoolean()).isTrue();
        assertThat(eves.has("policy_id")).isFalse();
        assertThat(answer.path("items").get(1).path("all_day").asBoolean()).isFalse(); // 09:00–13:00
        assertThat(answer.toString()).doesNotContain("surgery").doesNotContain("reason").doesNotContain("reason\"");
        assertThat(answer.path("holidays").get(0).path("date").asText()).isEqualTo("2027-03-19");
        assertThat(answer.path("holidays").get(0).path("name").asText()).isEqualTo("Founders' day");
        assertThat(answer.path("weekend_days").toString()).isEqualTo("[\"SAT\",\"SUN\"]");
    }

    @Test
    void anEmployeeOfTeamADoesNotSeeTeamB() {
        assertThat(ids(whosOut(eve, MARCH))).doesNotContain(bobDay).contains(eveDays, evePending);
        assertThat(ids(whosOut(bob, MARCH))).containsExactly(bobDay);
        // Asking for another team is an admin's filter only.
        world.as(eve).get(world.base() + "/whos-out" + MARCH + "&manager_id=" + noah.id()).expectError(403);
    }

    @Test
    void aManagerSeesTheirReportsWithPendingAndAnAdminEveryoneOrOneTeam() {
        JsonNode manager = whosOut(mia, MARCH);
        assertThat(manager.path("scope").asText()).isEqualTo("reports");
        assertThat(ids(manager)).containsExactlyInAnyOrder(eveDays, patPending, evePending);
        assertThat(manager.path("items").get(0).path("policy_id").asText()).isEqualTo(policy.toString());

        JsonNode admin = world.asAdmin().get(world.base() + "/whos-out" + MARCH).expectJson(200);
        assertThat(admin.path("scope").asText()).isEqualTo("company");
        assertThat(ids(admin)).containsExactlyInAnyOrder(eveDays, patPending, evePending, bobDay);
        JsonNode teamB = world.asAdmin().get(world.base() + "/whos-out" + MARCH + "&manager_id=" + noah.id()).expectJson(200);
        assertThat(ids(teamB)).containsExactly(bobDay);
        // They see the requests elsewhere, but who's out shows no reason and no decision note to anyone.
        for (JsonNode answer : List.of(manager, admin, teamB)) {
            assertThat(answer.toString()).doesNotContain("surgery").doesNotContain("pending reason")
                    .doesNotContain("team b reason").doesNotContain("get well soon").doesNotContain("note");
        }
    }

    @Test
    void daysAreTheEmployeesLocalDaysNotUtcOnes() {
        // Auckland in March is UTC+13: 16 Mar 09:00 – 17 Mar 11:00 there is 15 Mar 20:00Z – 16 Mar 22:00Z.
        Person ana = world.employee("Ana", mia.id(), Map.of("timezone", "Pacific/Auckland"));
        world.assign(policy, ana, "2020-01-01", null);
        world.adjust(ana, policy, 20 * 480, "opening");
        String anas = submit(ana, "2027-03-16T09:00", "2027-03-17T11:00", "kiwi reason");
        JsonNode submitted = world.as(ana).get(world.base() + "/requests/" + anas).expectJson(200);
        assertThat(submitted.path("start_at").asText()).isEqualTo("2027-03-15T20:00:00Z");
        assertThat(submitted.path("end_at").asText()).isEqualTo("2027-03-16T22:00:00Z");
        world.as(mia).post(world.base() + "/requests/" + anas + "/approve", Map.of("note", "kiwi note")).expect(200);

        JsonNode answer = whosOut(pat, "?from=2027-03-16&to=2027-03-17");
        JsonNode item = answer.path("items").get(0);
        assertThat(item.path("request_id").asText()).isEqualTo(anas);
        assertThat(item.path("first_day").asText()).isEqualTo("2027-03-16");
        assertThat(item.path("last_day").asText()).isEqualTo("2027-03-17");
        // Her local edge days, not the UTC ones (15 and 16 March).
        assertThat(ids(whosOut(pat, "?from=2027-03-17&to=2027-03-17"))).containsExactly(anas);
        assertThat(ids(whosOut(pat, "?from=2027-03-16&to=2027-03-16"))).containsExactly(anas);
        assertThat(ids(whosOut(pat, "?from=2027-03-15&to=2027-03-15"))).isEmpty();
        assertThat(ids(whosOut(pat, "?from=2027-03-18&to=2027-03-18"))).isEmpty();
        for (Person viewer : List.of(pat, mia, world.admin, ana)) {
            JsonNode seen = world.as(viewer).get(world.base() + "/whos-out?from=2027-03-17&to=2027-03-17").expectJson(200);
            assertThat(ids(seen)).as(viewer.role().name()).containsExactly(anas);
            assertThat(seen.toString()).doesNotContain("kiwi");
        }
    }

    @Test
    void theWindowIsInclusiveByLocalDayAndDefaultsToAWeek() {
        assertThat(ids(whosOut(pat, "?from=2027-03-02&to=2027-03-02"))).containsExactly(eveDays);
        assertThat(ids(whosOut(pat, "?from=2027-03-03&to=2027-03-07"))).isEmpty();
        JsonNode week = whosOut(pat, "?from=2027-03-01");
        assertThat(week.path("to").asText()).isEqualTo("2027-03-07");
    }

    @Test
    void aCancelledOrDeniedRequestIsGone() {
        world.as(eve).post(world.base() + "/requests/" + eveDays + "/cancel", null).expect(200);
        world.as(mia).post(world.base() + "/requests/" + patPending + "/deny", null).expect(200);
        assertThat(ids(whosOut(pat, MARCH))).isEmpty();
    }

    @Test
    void badInputIsAClearFieldError() {
        assertThat(world.as(eve).get(world.base() + "/whos-out?from=yesterday").expectError(422).path("fields").get(0)
                .path("field").asText()).isEqualTo("from");
        world.as(eve).get(world.base() + "/whos-out?from=2027-03-10&to=2027-03-01").expectError(422);
        world.as(eve).get(world.base() + "/whos-out?from=2027-01-01&to=2027-12-31").expectError(422);
        world.asAdmin().get(world.base() + "/whos-out?manager_id=not-a-uuid").expectError(422);
        world.asAdmin().get(world.base() + "/whos-out?manager_id=" + UUID.randomUUID()).expectError(422);
    }

    @Test
    void anotherCompanyIsNeverVisible() {
        World other = fixtures.newWorld();
        Person stranger = other.employee("Sam", null);
        // Their own company's path: nothing of ours.
        JsonNode theirs = other.asAdmin().get(other.base() + "/whos-out" + MARCH).expectJson(200);
        assertThat(ids(theirs)).isEmpty();
        assertThat(theirs.path("holidays").size()).isZero();
        // Our company's path with their credentials: 403 for every role.
        for (Role role : Role.values()) {
            http.as(other.companyId(), stranger.id(), role).get(world.base() + "/whos-out" + MARCH).expectError(403);
        }
        // An admin of ours filtering by their employee: not an employee of this company.
        world.asAdmin().get(world.base() + "/whos-out" + MARCH + "&manager_id=" + stranger.id()).expectError(422);
    }
}
