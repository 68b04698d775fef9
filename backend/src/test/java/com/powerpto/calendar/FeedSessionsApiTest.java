package com.powerpto.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, findings 5 and 7: a calendar feed URL survived sign-out everywhere, a password change
 * and an admin's reset; an employee's team feed showed colleagues' pending requests, which who's
 * out hides. Feeds are fetched over real HTTP with only their secret URL, as a calendar app does.
 */
@Import(MutableClock.Config.class)
class FeedSessionsApiTest extends ApiTest {

    static final String PASSWORD = "feed owner password 1";

    @Autowired
    MutableClock clock;

    World world;
    Person manager;
    Person eve;
    Person pat;
    UUID policy;

    @BeforeEach
    void world() {
        clock.set(CalendarFeedTest.TODAY);
        world = fixtures.newWorld();
        manager = world.manager("Mia");
        eve = world.employee("Eve", manager.id());
        pat = world.employee("Pat", manager.id());
        policy = world.timePolicy("vacation", Map.of());
        for (Person p : java.util.List.of(eve, pat)) {
            world.assign(policy, p, "2020-01-01", null);
            world.adjust(p, policy, 20 * 480, "opening");
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String signedIn(Person person) {
        world.asAdmin().put(world.base() + "/employees/" + person.id() + "/account",
                Map.of("role", person.role().claim(), "password", PASSWORD)).expect(200);
        String email = world.asAdmin().get(world.base() + "/employees/" + person.id()).expectJson(200).path("email").asText();
        return http.post("/api/auth/login", Map.of("email", email, "password", PASSWORD)).expectJson(200)
                .path("access_token").asText();
    }

    private String feedPath(Http owner, String scope, boolean pending) {
        JsonNode feed = owner.post("/api/me/calendar-feeds", Map.of("scope", scope, "include_pending", pending)).expectJson(201);
        return "/api/calendar/" + feed.path("token").asText() + ".ics";
    }

    private int listed(Http owner) {
        return owner.get("/api/me/calendar-feeds").expectJson(200).path("items").size();
    }

    @Test
    void signOutEverywhereAPasswordChangeAndAnAdminsResetEndTheFeedUrls() {
        Http eveSignedIn = http.withToken(signedIn(eve));
        String beforeSignOut = feedPath(eveSignedIn, "mine", false);
        http.get(beforeSignOut).expect(200);
        eveSignedIn.post("/api/auth/sign-out-everywhere", null).expect(204);
        http.get(beforeSignOut).expectError(404);
        assertThat(listed(world.as(eve))).as("a feed that no longer answers is not listed").isZero();

        Http again = http.withToken(signedIn(eve));
        String beforePasswordChange = feedPath(again, "team", false);
        http.get(beforePasswordChange).expect(200);
        again.post("/api/auth/change-password", Map.of("current_password", PASSWORD, "new_password", "another password 22"))
                .expect(204);
        http.get(beforePasswordChange).expectError(404);

        String beforeReset = feedPath(http.withToken(signedIn(eve)), "holidays", false);
        http.get(beforeReset).expect(200);
        assertThat(listed(world.as(eve))).isEqualTo(1);
        // The admin's "reset": a new invitation clears the password and ends every session.
        world.asAdmin().put(world.base() + "/employees/" + eve.id() + "/account", Map.of("role", "employee")).expect(200);
        http.get(beforeReset).expectError(404);
        assertThat(listed(world.as(eve))).isZero();

        // A feed made after the reset works: the URL ends with the sessions it was made in, not for ever.
        String afterReset = feedPath(world.as(eve), "mine", false);
        http.get(afterReset).expect(200);
    }

    @Test
    void anEmployeesTeamFeedShowsColleaguesRequestsOnlyOnceApprovedLikeWhosOut() {
        String evesOwn = world.submit(eve, policy, "2027-03-01T09:00", "2027-03-01T17:00").expectJson(201).path("id").asText();
        String patsPending = world.submit(pat, policy, "2027-03-02T09:00", "2027-03-02T17:00").expectJson(201).path("id").asText();

        String evesTeam = http.get(feedPath(world.as(eve), "team", true)).expect(200).text();
        assertThat(evesTeam).contains("request-" + evesOwn + "@power-pto").doesNotContain(patsPending);
        // Who's out shows Eve the same: her own pending request, not Pat's.
        JsonNode whosOut = world.as(eve).get(world.base() + "/whos-out?from=2027-03-01&to=2027-03-05").expectJson(200);
        assertThat(whosOut.toString()).contains(evesOwn).doesNotContain(patsPending);

        // Their manager, who decides them, sees both while pending.
        String managersTeam = http.get(feedPath(world.as(manager), "team", true)).expect(200).text();
        assertThat(managersTeam).contains(evesOwn).contains(patsPending);

        world.approve(manager, patsPending);
        assertThat(http.get(feedPath(world.as(eve), "team", true)).expect(200).text()).contains(patsPending);
    }
}
