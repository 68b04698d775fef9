package com.powerpto.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** On-behalf requests and approval delegation (issue 19). */
@Import(MutableClock.Config.class)
class OnBehalfAndDelegationApiTest extends LedgerCheckedTest {

    @Autowired
    MutableClock clock;

    @AfterEach
    void realToday() {
        clock.reset();
    }

    Person mia;
    Person otto;
    Person emma;
    Person felix;
    UUID vacation;

    @BeforeEach
    void setUp() {
        mia = world.manager("Mia");
        otto = world.manager("Otto");
        emma = world.employee("Emma", mia.id());
        felix = world.employee("Felix", otto.id());
        account(mia, "manager");
        account(otto, "manager");
        account(emma, "employee");
        vacation = world.timePolicy("vacation", Map.of());
        for (Person p : List.of(emma, felix)) {
            world.assign(vacation, p, "2026-01-01", null);
            world.adjust(p, vacation, 10 * 480, "opening balance");
        }
    }

    void account(Person person, String role) {
        world.asAdmin().put(world.base() + "/employees/" + person.id() + "/account",
                Map.of("role", role, "password", "long-enough-password")).expect(200);
    }

    String requests() {
        return world.base() + "/requests";
    }

    // --- on behalf ---

    @Test
    void aManagerEntersTimeOffForAReportAndTheRecordsSayWho() {
        JsonNode created = world.as(mia).post(requests(), world.request(emma, vacation, "2027-03-01T09:00", "2027-03-01T17:00"))
                .expectJson(201);
        assertThat(created.path("employee_id").asText()).isEqualTo(emma.id().toString());
        assertThat(created.path("entered_by").asText()).isEqualTo(mia.id().toString());
        assertThat(created.path("status").asText()).isEqualTo("SUBMITTED");
        JsonNode hold = world.ledger(emma, vacation).stream().filter(e -> e.path("entry_type").asText().equals("HOLD"))
                .findFirst().orElseThrow();
        assertThat(hold.path("metadata_json").path("entered_by").asText()).isEqualTo(mia.id().toString());
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=REQUEST&action=SUBMIT").expectJson(200)
                .path("items").get(0);
        assertThat(audit.path("actor_id").asText()).isEqualTo(mia.id().toString());
        assertThat(audit.path("after_json").path("employee_id").asText()).isEqualTo(emma.id().toString());
        // a request of her own records herself
        JsonNode own = world.submit(emma, vacation, "2027-03-02T09:00", "2027-03-02T17:00").expectJson(201);
        assertThat(own.path("entered_by").asText()).isEqualTo(emma.id().toString());
    }

    @Test
    void aManagerCanApproveAtOnceWhatTheyEnter() {
        Map<String, Object> body = new HashMap<>(world.request(emma, vacation, "2027-03-01T09:00", "2027-03-01T17:00"));
        body.put("approve", true);
        JsonNode created = world.as(mia).post(requests(), body).expectJson(201);
        assertThat(created.path("status").asText()).isEqualTo("APPROVED");
        assertThat(created.path("decided_by").asText()).isEqualTo(mia.id().toString());
        assertThat(world.balance(emma, vacation).path("used_minutes").asLong()).isEqualTo(480);
        assertThat(world.balance(emma, vacation).path("held_minutes").asLong()).isZero();
    }

    @Test
    void anAdminEntersForAnyoneAndManagersAndEmployeesStayWithinTheirPeople() {
        Map<String, Object> body = new HashMap<>(world.request(felix, vacation, "2027-03-01T09:00", "2027-03-01T17:00"));
        world.as(mia).post(requests(), body).expectError(403);                    // not her report
        world.as(emma).post(requests(), body).expectError(403);                   // a colleague
        world.as(mia).post(requests() + "/preview", body).expectError(403);
        body.put("approve", true);
        JsonNode created = world.asAdmin().post(requests(), body).expectJson(201);
        assertThat(created.path("status").asText()).isEqualTo("APPROVED");
        assertThat(created.path("entered_by").asText()).isEqualTo(world.admin.id().toString());
        // nobody approves their own request by submitting it
        Map<String, Object> own = new HashMap<>(world.request(emma, vacation, "2027-03-03T09:00", "2027-03-03T17:00"));
        own.put("approve", true);
        world.as(emma).post(requests(), own).expectError(403);
        assertThat(world.balance(emma, vacation).path("held_minutes").asLong()).isZero();
    }

    // --- delegation ---

    JsonNode delegate(Person from, Person to, LocalDate start, LocalDate end) {
        return world.as(from).post(world.base() + "/delegations", Map.of("delegate_id", to.id().toString(),
                "start_date", start.toString(), "end_date", end.toString(), "note", "on holiday")).expectJson(201);
    }

    String emmaRequest() {
        return world.submit(emma, vacation, "2027-03-01T09:00", "2027-03-01T17:00").expectJson(201).path("id").asText();
    }

    boolean inQueue(Person person, String requestId) {
        JsonNode queue = world.as(person).get(requests() + "?status=SUBMITTED").expectJson(200);
        return queue.path("items").findValuesAsText("id").contains(requestId);
    }

    @Test
    void inItsRangeTheDelegateSeesAndDecidesAndBothPeopleAreRecorded() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String request = emmaRequest();
        assertThat(inQueue(otto, request)).isFalse();
        JsonNode delegation = delegate(mia, otto, today.minusDays(1), today.plusDays(7));
        assertThat(delegation.path("delegator_id").asText()).isEqualTo(mia.id().toString());
        assertThat(inQueue(otto, request)).isTrue();
        // the delegate gets the records of the people they now decide for (not of their own reports)
        JsonNode reports = world.as(otto).get(world.base() + "/delegations/reports").expectJson(200).path("items");
        assertThat(reports.findValuesAsText("id")).containsExactly(emma.id().toString());
        assertThat(reports.get(0).path("first_name").asText()).isEqualTo("Emma");
        assertThat(world.as(mia).get(world.base() + "/delegations/reports").expectJson(200).path("items")).isEmpty();
        world.as(emma).get(world.base() + "/delegations/reports").expectError(403);
        // and their balances (what the approval card shows), but not their ledger history
        world.as(otto).get(world.base() + "/employees/" + emma.id() + "/balances").expect(200);
        world.as(otto).get(world.base() + "/employees/" + emma.id() + "/ledger").expectError(403);
        world.as(otto).get(requests() + "/" + request).expect(200);
        JsonNode approved = world.as(otto).post(requests() + "/" + request + "/approve", Map.of("note", "enjoy"))
                .expectJson(200);
        assertThat(approved.path("decided_by").asText()).isEqualTo(otto.id().toString());
        assertThat(approved.path("decided_on_behalf_of").asText()).isEqualTo(mia.id().toString());
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=REQUEST&action=APPROVE").expectJson(200)
                .path("items").get(0);
        assertThat(audit.path("actor_id").asText()).isEqualTo(otto.id().toString());
        assertThat(audit.path("after_json").path("decided_on_behalf_of").asText()).isEqualTo(mia.id().toString());
        // Mia deciding her own report's request is not "on behalf"
        String second = world.submit(emma, vacation, "2027-03-02T09:00", "2027-03-02T17:00").expectJson(201).path("id").asText();
        assertThat(world.as(mia).post(requests() + "/" + second + "/deny", null).expectJson(200)
                .path("decided_on_behalf_of").isNull()).isTrue();
        // both see the delegation in their list; the delegation's creation is audited
        assertThat(world.as(otto).get(world.base() + "/delegations").expectJson(200).path("total").asInt()).isEqualTo(1);
        assertThat(world.asAdmin().get(world.base() + "/audit-log?entity_type=DELEGATION").expectJson(200)
                .path("total").asInt()).isEqualTo(1);
    }

    @Test
    void whetherADelegationIsInForceFollowsTheApplicationClock() {
        String request = emmaRequest();
        clock.set("2031-02-10T12:00:00Z");
        delegate(mia, otto, LocalDate.of(2031, 2, 9), LocalDate.of(2031, 2, 12));
        assertThat(inQueue(otto, request)).as("queue on 2031-02-10").isTrue();
        clock.set("2031-02-13T00:30:00Z"); // the day after the range (UTC)
        assertThat(inQueue(otto, request)).as("queue on 2031-02-13").isFalse();
        assertThat(world.as(otto).get(world.base() + "/delegations/reports").expectJson(200).path("items")).isEmpty();
        world.as(otto).get(world.base() + "/employees/" + emma.id() + "/balances").expectError(403);
        world.as(otto).post(requests() + "/" + request + "/approve", null).expectError(403);
        clock.set("2031-02-12T23:30:00Z"); // its last day
        assertThat(inQueue(otto, request)).as("queue on 2031-02-12").isTrue();
        JsonNode approved = world.as(otto).post(requests() + "/" + request + "/approve", null).expectJson(200);
        assertThat(approved.path("decided_on_behalf_of").asText()).isEqualTo(mia.id().toString());
    }

    @Test
    void outsideItsRangeADelegationGivesNothing() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String request = emmaRequest();
        delegate(mia, otto, today.plusDays(10), today.plusDays(20));
        assertThat(inQueue(otto, request)).isFalse();
        world.as(otto).post(requests() + "/" + request + "/approve", null).expectError(403);
        world.as(otto).get(requests() + "/" + request).expectError(403);
    }

    @Test
    void aRevokedDelegationGivesNothingAndOnlyTheDelegatorOrAnAdminRevokes() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String request = emmaRequest();
        String id = delegate(mia, otto, today, today.plusDays(5)).path("id").asText();
        world.as(otto).post(world.base() + "/delegations/" + id + "/revoke", null).expectError(403);
        JsonNode revoked = world.as(mia).post(world.base() + "/delegations/" + id + "/revoke", null).expectJson(200);
        assertThat(revoked.path("revoked_by").asText()).isEqualTo(mia.id().toString());
        world.as(mia).post(world.base() + "/delegations/" + id + "/revoke", null).expect(200); // idempotent
        assertThat(inQueue(otto, request)).isFalse();
        world.as(otto).post(requests() + "/" + request + "/deny", null).expectError(403);
        assertThat(world.as(mia).get(world.base() + "/delegations?active=true").expectJson(200).path("total").asInt()).isZero();
    }

    @Test
    void delegationsGoToApproversOnlyAndManagersDelegateOnlyTheirOwn() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode error = world.as(mia).post(world.base() + "/delegations", Map.of("delegate_id", emma.id().toString(),
                "start_date", today.toString(), "end_date", today.plusDays(3).toString())).expectError(400);
        assertThat(error.path("code").asText()).isEqualTo("delegate_not_approver");
        world.as(mia).post(world.base() + "/delegations", Map.of("delegator_id", otto.id().toString(),
                "delegate_id", mia.id().toString(), "start_date", today.toString(), "end_date", today.toString()))
                .expectError(403);
        world.as(emma).post(world.base() + "/delegations", Map.of("delegate_id", mia.id().toString(),
                "start_date", today.toString(), "end_date", today.toString())).expectError(403);
        world.as(mia).post(world.base() + "/delegations", Map.of("delegate_id", otto.id().toString(),
                "start_date", today.plusDays(3).toString(), "end_date", today.toString())).expectError(422);
        world.as(mia).post(world.base() + "/delegations", Map.of("delegate_id", mia.id().toString(),
                "start_date", today.toString(), "end_date", today.toString())).expectError(422);
        // the people a delegation can go to: accounts with the manager or admin role
        JsonNode approvers = world.as(mia).get(world.base() + "/delegations/approvers").expectJson(200).path("items");
        assertThat(approvers.findValuesAsText("id")).containsExactlyInAnyOrder(mia.id().toString(), otto.id().toString());
        world.as(emma).get(world.base() + "/delegations/approvers").expectError(403);
        // an admin delegates on a manager's behalf
        JsonNode byAdmin = world.asAdmin().post(world.base() + "/delegations", Map.of("delegator_id", mia.id().toString(),
                "delegate_id", otto.id().toString(), "start_date", today.toString(), "end_date", today.toString()))
                .expectJson(201);
        assertThat(byAdmin.path("created_by").asText()).isEqualTo(world.admin.id().toString());
    }

    /** Issue 26: invited managers and imported managers without an account are offered too; others are not. */
    @Test
    void delegationsCanGoToInvitedAndImportedManagersWhoHaveNotSignedInYet() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Person invited = world.manager("Ivo");
        world.asAdmin().put(world.base() + "/employees/" + invited.id() + "/account", Map.of("role", "manager")).expect(200);
        Person imported = world.manager("Imke"); // no account, but manages someone
        world.employee("Rita", imported.id());
        Person invitedEmployee = world.employee("Ella", null);
        world.asAdmin().put(world.base() + "/employees/" + invitedEmployee.id() + "/account", Map.of("role", "employee")).expect(200);
        Person deactivated = world.manager("Dora");
        account(deactivated, "manager");
        world.asAdmin().post(world.base() + "/employees/" + deactivated.id() + "/account/deactivate", null).expect(200);

        JsonNode approvers = world.as(mia).get(world.base() + "/delegations/approvers").expectJson(200).path("items");
        Map<String, String> accounts = new java.util.HashMap<>();
        approvers.forEach(a -> accounts.put(a.path("id").asText(), a.path("role").asText() + "/" + a.path("account").asText()));
        assertThat(accounts).containsOnlyKeys(mia.id().toString(), otto.id().toString(), invited.id().toString(),
                imported.id().toString());
        assertThat(accounts.get(invited.id().toString())).isEqualTo("manager/invited");
        assertThat(accounts.get(imported.id().toString())).isEqualTo("manager/none");
        assertThat(accounts.get(mia.id().toString())).isEqualTo("manager/active");

        for (Person delegate : List.of(invited, imported)) {
            world.as(mia).post(world.base() + "/delegations", Map.of("delegate_id", delegate.id().toString(),
                    "start_date", today.toString(), "end_date", today.plusDays(3).toString())).expectJson(201);
        }
        for (Person refused : List.of(invitedEmployee, deactivated)) {
            assertThat(world.as(mia).post(world.base() + "/delegations", Map.of("delegate_id", refused.id().toString(),
                    "start_date", today.toString(), "end_date", today.plusDays(3).toString())).expectError(400)
                    .path("code").asText()).isEqualTo("delegate_not_approver");
        }
    }
}
