package com.powerpto.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Termination, final statement and rehire over real HTTP, with hand-computed figures. The clock
 * is the application's (moved by the test), so "the end of the last day in the employee's zone"
 * is checked to the minute. Proration of the last day and take-back of start-of-period grants
 * belong to the recalculation (issue 14): see {@link TerminationProrationApiTest}.
 */
@Import(MutableClock.Config.class)
class TerminationApiTest extends ApiTest {

    static final String PASSWORD = "a long enough password";

    @Autowired
    MutableClock clock;

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Http.Response terminate(Person who, String lastDay) {
        return world.asAdmin().post(path(who, "/terminate"), Map.of("termination_date", lastDay, "reason", "resigned"));
    }

    String path(Person who, String suffix) {
        return world.base() + "/employees/" + who.id() + suffix;
    }

    String approve(String requestId) {
        world.asAdmin().post(world.base() + "/requests/" + requestId + "/approve", Map.of()).expect(200);
        return requestId;
    }

    String submitted(Person who, UUID policy, String day) {
        return world.submit(who, policy, day + "T09:00", day + "T17:00").expectJson(201).path("id").asText();
    }

    String status(String requestId) {
        return world.asAdmin().get(world.base() + "/requests/" + requestId).expectJson(200).path("status").asText();
    }

    @Test
    void aPastLastDayMidMonthEndsAssignmentsCancelsAndReversesLaterRequestsAndLeavesTheRest() {
        clock.set("2026-06-20T12:00:00Z");
        Person emma = world.employee("Emma", null, Map.of("timezone", "Europe/Paris", "hire_date", "2025-01-01"));
        UUID vacation = world.timePolicy("vacation", Map.of());
        UUID sick = world.unlimitedPolicy("sick");
        UUID vacationAssignment = world.assign(vacation, emma, "2026-01-01", null);
        UUID sickAssignment = world.assign(sick, emma, "2026-01-01", null);
        UUID later = world.assign(world.timePolicy("sabbatical", Map.of()), emma, "2026-09-01", null);
        world.adjust(emma, vacation, 4800, "opening balance");
        String takenBefore = approve(submitted(emma, vacation, "2026-06-08"));
        String pendingBefore = submitted(emma, vacation, "2026-06-11");
        String takenAfter = approve(submitted(emma, vacation, "2026-06-16"));
        String sickAfter = submitted(emma, sick, "2026-06-15");
        String pendingAfter = submitted(emma, vacation, "2026-06-23");

        JsonNode result = terminate(emma, "2026-06-12").expectJson(200);

        // The Employee shape, plus what happened.
        assertThat(result.path("id").asText()).isEqualTo(emma.id().toString());
        assertThat(result.path("status").asText()).isEqualTo("TERMINATED");
        assertThat(result.path("termination_date").asText()).isEqualTo("2026-06-12");
        assertThat(texts(result.path("ended_assignments")))
                .containsExactlyInAnyOrder(vacationAssignment.toString(), sickAssignment.toString(), later.toString());
        assertThat(texts(result.path("cancelled_requests"))).containsExactly(sickAfter, pendingAfter);
        assertThat(texts(result.path("reversed_requests"))).containsExactly(takenAfter);
        assertThat(result.path("reports_without_manager").size()).isZero();

        // Assignments end after the last day; the one not started yet is withdrawn (empty range).
        Map<String, JsonNode> assignments = new HashMap<>();
        world.asAdmin().get(path(emma, "/assignments")).expectJson(200).path("items")
                .forEach(a -> assignments.put(a.path("id").asText(), a));
        assertThat(assignments.get(vacationAssignment.toString()).path("effective_to").asText()).isEqualTo("2026-06-13");
        assertThat(assignments.get(sickAssignment.toString()).path("effective_to").asText()).isEqualTo("2026-06-13");
        assertThat(assignments.get(later.toString()).path("effective_to").asText()).isEqualTo("2026-09-01");

        // Requests: before the last day untouched, after it cancelled (hold released) or reversed.
        assertThat(status(takenBefore)).isEqualTo("APPROVED");
        assertThat(status(pendingBefore)).isEqualTo("SUBMITTED");
        assertThat(status(takenAfter)).isEqualTo("CANCELLED");
        assertThat(status(sickAfter)).isEqualTo("CANCELLED");
        assertThat(status(pendingAfter)).isEqualTo("CANCELLED");
        List<String> entries = new ArrayList<>();
        world.ledger(emma, vacation).forEach(e -> entries.add(e.path("entry_type").asText() + " " + e.path("amount_minutes").asInt()
                + " " + e.path("source_id").asText()));
        assertThat(entries).contains("USAGE_REVERSAL 480 " + takenAfter, "HOLD_RELEASE 480 " + pendingAfter);

        // 4800 granted; used 480 (06-08) + 480 (06-16) − 480 reversed; held 480 (06-11): 3840 left.
        JsonNode balance = world.balance(emma, vacation);
        assertThat(balance.path("used_minutes").asLong()).isEqualTo(480);
        assertThat(balance.path("held_minutes").asLong()).isEqualTo(480);
        assertThat(balance.path("available_minutes").asLong()).isEqualTo(3840);
        assertThat(world.balance(emma, sick).path("held_minutes").asLong()).isZero();

        JsonNode statement = world.asAdmin().get(path(emma, "/final-statement")).expectJson(200);
        assertThat(statement.path("employee_id").asText()).isEqualTo(emma.id().toString());
        assertThat(statement.path("termination_date").asText()).isEqualTo("2026-06-12");
        Map<String, JsonNode> items = new HashMap<>();
        statement.path("items").forEach(i -> items.put(i.path("policy_key").asText(), i));
        assertThat(items.get("vacation").path("available_minutes").asLong()).isEqualTo(3840);
        assertThat(items.get("vacation").path("payable_minutes").asLong()).isEqualTo(3840);
        assertThat(items.get("vacation").path("unit").asText()).isEqualTo("DAYS");
        assertThat(items.get("sick").path("available_minutes").isNull()).isTrue();
        assertThat(items.get("sick").path("payable_minutes").asLong()).isZero();

        // Still in reports and the audit log; out of the default employee list.
        JsonNode report = world.asAdmin().get(world.base() + "/reports/balances").expectJson(200);
        assertThat(report.path("items").findValuesAsText("employee_id")).contains(emma.id().toString());
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=EMPLOYEE&action=UPDATE").expectJson(200);
        JsonNode termination = audit.path("items").get(0);
        assertThat(termination.path("entity_id").asText()).isEqualTo(emma.id().toString());
        assertThat(termination.path("after_json").path("employee").path("status").asText()).isEqualTo("TERMINATED");
        assertThat(termination.path("after_json").path("termination_reason").asText()).isEqualTo("resigned");
        assertThat(termination.path("after_json").path("access_ends_at").asText()).isEqualTo("2026-06-12T22:00:00Z");
        assertThat(world.asAdmin().get(world.base() + "/audit-log?entity_type=REQUEST&action=CANCEL").expectJson(200)
                .path("total").asInt()).isEqualTo(3);
        assertThat(world.asAdmin().get(world.base() + "/audit-log?entity_type=ASSIGNMENT&action=DELETE").expectJson(200)
                .path("total").asInt()).isEqualTo(3);
        assertThat(listed("")).doesNotContain(emma.id().toString());
        assertThat(listed("?status=TERMINATED")).containsExactly(emma.id().toString());
        assertThat(listed("?status=ALL")).contains(emma.id().toString(), world.admin.id().toString());
        world.asAdmin().get(world.base() + "/employees?status=GONE").expectError(422);

        // Nothing after the last day can be booked any more.
        world.submit(emma, vacation, "2026-06-30T09:00", "2026-06-30T17:00").expectError(400);
    }

    @Test
    void aFutureLastDayKeepsAccessUntilItEndsInTheEmployeesZoneThenRefusesEveryTokenAndSignIn() {
        clock.set("2026-03-10T12:00:00Z");
        Person noah = world.employee("Noah", null, Map.of("timezone", "America/New_York"));
        UUID vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, noah, "2026-01-01", null);
        world.adjust(noah, vacation, 4800, "grant");
        String afterLastDay = submitted(noah, vacation, "2026-03-16");
        String onLastDay = submitted(noah, vacation, "2026-03-12");
        world.asAdmin().put(path(noah, "/account"), Map.of("password", PASSWORD, "role", "employee")).expect(200);
        String email = world.asAdmin().get(path(noah, "")).expectJson(200).path("email").asText();
        String early = login(email).expect(200).json().path("access_token").asText();

        JsonNode result = terminate(noah, "2026-03-12").expectJson(200);
        assertThat(result.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(result.path("termination_date").asText()).isEqualTo("2026-03-12");
        assertThat(texts(result.path("cancelled_requests"))).containsExactly(afterLastDay);
        assertThat(status(onLastDay)).isEqualTo("SUBMITTED");
        assertThat(me(early)).isEqualTo(200);

        // 23:30 on the last day in New York (EDT, UTC−4): still an employee.
        clock.set("2026-03-13T03:30:00Z");
        String lastEvening = login(email).expect(200).json().path("access_token").asText();
        assertThat(me(lastEvening)).isEqualTo(200);
        assertThat(world.asAdmin().get(path(noah, "")).expectJson(200).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(listed("")).contains(noah.id().toString());

        // Midnight in New York: that token has not expired (one hour) but is refused; so is signing in.
        clock.set("2026-03-13T04:00:00Z");
        assertThat(me(lastEvening)).isEqualTo(401);
        login(email).expectError(401);
        assertThat(world.asAdmin().get(path(noah, "")).expectJson(200).path("status").asText()).isEqualTo("TERMINATED");
        assertThat(listed("")).doesNotContain(noah.id().toString());
    }

    @Test
    void aTerminatedManagersReportsAreLeftWithoutAManagerAndListedForReassignment() {
        Person mia = world.manager("Mia");
        Person emma = world.employee("Emma", mia.id());
        Person liam = world.employee("Liam", mia.id());
        Person other = world.employee("Olga", null);

        JsonNode result = terminate(mia, "2026-01-30").expectJson(200);

        List<String> orphans = new ArrayList<>();
        result.path("reports_without_manager").forEach(r -> orphans.add(r.path("id").asText() + " " + r.path("first_name").asText()));
        assertThat(orphans).containsExactly(emma.id() + " Emma", liam.id() + " Liam");
        assertThat(world.asAdmin().get(path(emma, "")).expectJson(200).path("manager_id").isNull()).isTrue();
        assertThat(listed("?without_manager=true")).contains(emma.id().toString(), liam.id().toString(), other.id().toString())
                .doesNotContain(mia.id().toString());
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=EMPLOYEE&action=UPDATE").expectJson(200);
        List<String> audited = audit.path("items").findValuesAsText("entity_id");
        assertThat(audited).contains(emma.id().toString(), liam.id().toString(), mia.id().toString());
    }

    @Test
    void aReplayChangesNothingAnotherDateIsAConflictAndRehireStartsAfresh() {
        clock.set("2026-05-04T10:00:00Z");
        Person emma = world.employee("Emma", null, Map.of("hire_date", "2024-02-01"));
        UUID vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 2400, "grant");
        world.asAdmin().put(path(emma, "/account"), Map.of("password", PASSWORD, "role", "employee")).expect(200);
        String email = world.asAdmin().get(path(emma, "")).expectJson(200).path("email").asText();

        terminate(emma, "2026-04-30").expect(200);
        JsonNode replay = terminate(emma, "2026-04-30").expectJson(200);
        assertThat(replay.path("status").asText()).isEqualTo("TERMINATED");
        assertThat(replay.path("ended_assignments").size()).isZero();
        assertThat(terminate(emma, "2026-05-01").expectError(409).path("error").asText()).contains("2026-04-30");
        login(email).expectError(401);

        String rehire = path(emma, "/rehire");
        assertThat(world.asAdmin().post(rehire, Map.of("hire_date", "2026-04-30")).expectError(422)
                .path("error").asText()).startsWith("hire_date:");
        world.asAdmin().post(rehire, Map.of()).expectError(422);
        JsonNode back = world.asAdmin().post(rehire, Map.of("hire_date", "2026-06-01")).expectJson(200);
        assertThat(back.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(back.path("termination_date").isNull()).isTrue();
        assertThat(back.path("hire_date").asText()).isEqualTo("2026-06-01");
        world.asAdmin().post(rehire, Map.of("hire_date", "2026-07-01")).expectError(409);
        login(email).expect(200);
        assertThat(listed("")).contains(emma.id().toString());

        // No balance comes back by itself, and the old assignment stays ended: an admin re-assigns.
        assertThat(world.balance(emma, vacation).path("available_minutes").asLong()).isEqualTo(2400);
        JsonNode assignment = world.asAdmin().get(path(emma, "/assignments")).expectJson(200).path("items").get(0);
        assertThat(assignment.path("effective_to").asText()).isEqualTo("2026-05-01");
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=EMPLOYEE&action=UPDATE").expectJson(200);
        assertThat(audit.path("items").get(0).path("after_json").path("rehired").asBoolean()).isTrue();
    }

    @Test
    void theFinalStatementShowsNegativeBalancesAsNegativePayAndIsAvailableAsCsv() {
        Person emma = world.employee("Emma", null);
        UUID personal = world.policy("personal", "PERSONAL", Map.of("type", "ACCRUAL", "accrual_method", "TIME",
                "accrual_frequency", "YEARLY", "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_year", 960,
                "proration", "NONE", "unit", "HOURS", "allow_negative", true), "2020-01-01");
        world.assign(personal, emma, "2026-01-01", null);
        world.adjust(emma, personal, -600, "advance");

        JsonNode item = world.asAdmin().get(path(emma, "/final-statement")).expectJson(200).path("items").get(0);
        assertThat(item.path("available_minutes").asLong()).isEqualTo(-600);
        assertThat(item.path("payable_minutes").asLong()).isEqualTo(-600);
        assertThat(item.path("unit").asText()).isEqualTo("HOURS");

        Http.Response csv = world.asAdmin().header("Accept", "text/csv").get(path(emma, "/final-statement")).expect(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text()).isEqualTo("employee_id,termination_date,policy_id,policy_key,available_minutes,payable_minutes,unit\r\n"
                + emma.id() + ",," + personal + ",personal,-600,-600,HOURS\r\n");
    }

    @Test
    void inputIsValidatedAndOnlyAdminsOfTheCompanyMayTerminate() {
        Person emma = world.employee("Emma", null, Map.of("hire_date", "2025-03-01"));
        String route = path(emma, "/terminate");
        assertThat(world.asAdmin().post(route, Map.of()).expectError(422).path("error").asText()).startsWith("termination_date:");
        assertThat(terminate(emma, "2025-02-28").expectError(422).path("error").asText()).startsWith("termination_date:");
        world.asAdmin().post(route, Map.of("termination_date", "2026-13-01")).expectError(422);
        world.asAdmin().post(route, Map.of("termination_date", "2026-01-01", "reason", "x".repeat(1001))).expectError(422);
        world.asAdmin().post(route, Map.of("termination_date", "2026-01-01", "color", "red")).expectError(422);
        world.asAdmin().post(world.base() + "/employees/" + world.admin.id() + "/terminate",
                Map.of("termination_date", "2026-01-01")).expectError(400);
        world.asAdmin().post(world.base() + "/employees/" + UUID.randomUUID() + "/terminate",
                Map.of("termination_date", "2026-01-01")).expectError(404);

        Person manager = world.manager("Mia");
        Person report = world.employee("Rob", manager.id());
        Person reportAsSelf = new Person(report.companyId(), report.id(), Role.EMPLOYEE);
        Map<String, Object> body = Map.of("termination_date", "2026-01-01");
        for (Person caller : List.of(manager, reportAsSelf)) {
            world.as(caller).post(path(report, "/terminate"), body).expectError(403);
            world.as(caller).post(path(report, "/rehire"), Map.of("hire_date", "2026-02-01")).expectError(403);
            world.as(caller).get(path(report, "/final-statement")).expectError(403);
        }
        World foreign = fixtures.newWorld();
        Person stranger = foreign.employee("Sam", null);
        // Another company's admin: 403 on our company's path; our id under their company is 404.
        foreign.asAdmin().post(path(emma, "/terminate"), body).expectError(403);
        foreign.asAdmin().post(foreign.base() + "/employees/" + emma.id() + "/terminate", body).expectError(404);
        foreign.asAdmin().get(foreign.base() + "/employees/" + emma.id() + "/final-statement").expectError(404);
        foreign.asAdmin().post(foreign.base() + "/employees/" + emma.id() + "/rehire", Map.of("hire_date", "2026-02-01")).expectError(404);
        world.asAdmin().post(world.base() + "/employees/" + stranger.id() + "/terminate", body).expectError(404);
        assertThat(world.asAdmin().get(path(emma, "")).expectJson(200).path("status").asText()).isEqualTo("ACTIVE");
    }

    List<String> listed(String query) {
        return world.asAdmin().get(world.base() + "/employees" + query + (query.isEmpty() ? "?" : "&") + "limit=100")
                .expectJson(200).path("items").findValuesAsText("id");
    }

    Http.Response login(String email) {
        return http.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
    }

    int me(String token) {
        return http.withToken(token).get("/api/auth/me").status();
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
