package com.powerpto.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
import com.powerpto.support.Http;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLifecycleApiTest extends LedgerCheckedTest {

    @Autowired
    JdbcClient jdbc;

    Person manager;
    Person emma;
    UUID vacation;

    @BeforeEach
    void setUp() {
        manager = world.manager("Mia");
        emma = world.employee("Emma", manager.id());
        vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 2400, "opening balance");
    }

    String requests() {
        return world.base() + "/requests";
    }

    JsonNode submitDay(String date) {
        return world.submit(emma, vacation, date + "T00:00", nextDay(date) + "T00:00").expectJson(201);
    }

    static String nextDay(String date) {
        return java.time.LocalDate.parse(date).plusDays(1).toString();
    }

    @Test
    void submitHoldsThenApproveMovesHeldToUsed() {
        JsonNode request = submitDay("2027-03-02");
        assertThat(request.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(request.path("requested_minutes").asLong()).isEqualTo(480);
        JsonNode held = world.balance(emma, vacation);
        assertThat(held.path("held_minutes").asLong()).isEqualTo(480);
        assertThat(held.path("available_minutes").asLong()).isEqualTo(1920);

        JsonNode approved = world.as(manager).post(requests() + "/" + request.path("id").asText() + "/approve",
                Map.of("note", "enjoy")).expectJson(200);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("decided_by").asText()).isEqualTo(manager.id().toString());
        assertThat(approved.path("decision_note").asText()).isEqualTo("enjoy");
        JsonNode after = world.balance(emma, vacation);
        assertThat(after.path("held_minutes").asLong()).isZero();
        assertThat(after.path("used_minutes").asLong()).isEqualTo(480);
        assertThat(after.path("accrued_minutes").asLong()).isEqualTo(2400);
        assertThat(after.path("available_minutes").asLong()).isEqualTo(1920);
        assertThat(world.ledger(emma, vacation)).extracting(e -> e.path("entry_type").asText())
                .containsExactlyInAnyOrder("ADJUSTMENT", "HOLD", "HOLD_RELEASE", "USAGE");
    }

    @Test
    void denyAndCancelReleaseTheHold() {
        JsonNode denied = submitDay("2027-03-03");
        world.as(manager).post(requests() + "/" + denied.path("id").asText() + "/deny", Map.of("note", "busy week"))
                .expectJson(200);
        JsonNode cancelled = submitDay("2027-03-04");
        JsonNode body = world.as(emma).post(requests() + "/" + cancelled.path("id").asText() + "/cancel", null).expectJson(200);
        assertThat(body.path("status").asText()).isEqualTo("CANCELLED");
        JsonNode balance = world.balance(emma, vacation);
        assertThat(balance.path("held_minutes").asLong()).isZero();
        assertThat(balance.path("available_minutes").asLong()).isEqualTo(2400);
    }

    @Test
    void cancellingAnApprovedFutureRequestReversesTheUsage() {
        JsonNode request = submitDay("2027-04-05");
        String id = request.path("id").asText();
        world.as(manager).post(requests() + "/" + id + "/approve", null).expectJson(200);
        world.as(emma).post(requests() + "/" + id + "/cancel", null).expectJson(200);
        JsonNode balance = world.balance(emma, vacation);
        assertThat(balance.path("used_minutes").asLong()).isZero();
        assertThat(balance.path("available_minutes").asLong()).isEqualTo(2400);
        assertThat(world.ledger(emma, vacation)).extracting(e -> e.path("entry_type").asText()).contains("USAGE_REVERSAL");
    }

    @Test
    void anApprovedRequestThatHasStartedCannotBeCancelled() {
        world.assign(vacation, emma, "2020-01-01", "2026-01-01");
        JsonNode request = world.submit(emma, vacation, "2025-06-02T09:00", "2025-06-02T17:00").expectJson(201);
        String id = request.path("id").asText();
        world.as(manager).post(requests() + "/" + id + "/approve", null).expectJson(200);
        JsonNode error = world.as(emma).post(requests() + "/" + id + "/cancel", null).expectError(409);
        assertThat(error.path("error").asText()).contains("APPROVED").contains("started");
    }

    @Test
    void transitionsFromTheWrongStateAre409WithTheCurrentState() {
        String id = submitDay("2027-03-05").path("id").asText();
        world.as(manager).post(requests() + "/" + id + "/approve", null).expectJson(200);
        assertThat(world.as(manager).post(requests() + "/" + id + "/approve", null).expectError(409)
                .path("error").asText()).contains("APPROVED");
        assertThat(world.as(manager).post(requests() + "/" + id + "/deny", null).expectError(409)
                .path("error").asText()).contains("APPROVED");
        world.as(emma).post(requests() + "/" + id + "/cancel", null).expectJson(200);
        assertThat(world.as(emma).post(requests() + "/" + id + "/cancel", null).expectError(409)
                .path("error").asText()).contains("CANCELLED");
        assertThat(world.as(manager).post(requests() + "/" + id + "/approve", null).expectError(409)
                .path("error").asText()).contains("CANCELLED");
    }

    @Test
    void anIdempotencyKeyReplaysTheOriginalAndRefusesAnotherPayload() {
        Map<String, Object> body = world.request(emma, vacation, "2027-05-03T09:00", "2027-05-03T17:00");
        body.put("idempotency_key", "retry-me");
        JsonNode first = world.as(emma).post(requests(), body).expectJson(201);
        Http.Response again = world.as(emma).post(requests(), body);
        assertThat(again.expectJson(201).path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(world.ledger(emma, vacation)).filteredOn(e -> e.path("entry_type").asText().equals("HOLD")).hasSize(1);
        body.put("end_at", "2027-05-03T13:00");
        world.as(emma).post(requests(), body).expectError(409);
    }

    @Test
    void insufficientBalanceIs400AndWritesNothing() {
        JsonNode error = world.submit(emma, vacation, "2027-03-01T00:00", "2027-03-09T00:00").expectError(400);
        assertThat(error.path("error").asText()).contains("insufficient balance");
        assertThat(jdbc.sql("SELECT count(*) FROM requests WHERE company_id = :c").param("c", world.companyId())
                .query(Long.class).single()).isZero();
        assertThat(world.balance(emma, vacation).path("held_minutes").asLong()).isZero();
    }

    @Test
    void overlappingRequestsOfOneEmployeeAcrossPoliciesAre409() {
        UUID sick = world.unlimitedPolicy("sick");
        world.assign(sick, emma, "2026-01-01", null);
        submitDay("2027-03-09");
        world.submit(emma, sick, "2027-03-09T13:00", "2027-03-09T15:00").expectError(409);
        world.submit(emma, sick, "2027-03-10T13:00", "2027-03-10T15:00").expectJson(201);
    }

    @Test
    void businessRuleAndInputErrors() {
        assertThat(world.submit(emma, vacation, "2027-03-06T00:00", "2027-03-08T00:00").expectError(400)
                .path("error").asText()).contains("no working time");
        UUID other = world.timePolicy("other", Map.of());
        assertThat(world.submit(emma, other, "2027-03-02T09:00", "2027-03-02T17:00").expectError(400)
                .path("error").asText()).contains("assignment");
        world.submit(emma, vacation, "2027-03-02T17:00", "2027-03-02T09:00").expectError(422);
        world.submit(emma, vacation, "yesterday", "2027-03-02T09:00").expectError(422);
        world.submit(emma, vacation, "2027-01-01T09:00", "2029-01-01T09:00").expectError(422);
        Map<String, Object> unknown = world.request(emma, vacation, "2027-03-02T09:00", "2027-03-02T17:00");
        unknown.put("surprise", true);
        world.as(emma).post(requests(), unknown).expectError(422);
        Map<String, Object> badUuid = world.request(emma, vacation, "2027-03-02T09:00", "2027-03-02T17:00");
        badUuid.put("policy_id", "not-a-uuid");
        world.as(emma).post(requests(), badUuid).expectError(422);
        world.submit(emma, UUID.randomUUID(), "2027-03-02T09:00", "2027-03-02T17:00").expectError(404);
        Map<String, Object> nul = world.request(emma, vacation, "2027-03-02T09:00", "2027-03-02T17:00");
        nul.put("reason", "a\u0000b");
        assertThat(world.as(emma).post(requests(), nul).expectError(422).path("fields").get(0).path("field").asText())
                .isEqualTo("reason");
        world.as(manager).post(requests() + "/" + UUID.randomUUID() + "/approve", null).expectError(404);
    }

    @Test
    void whoMaySubmitSeeAndDecide() {
        Person stranger = world.manager("Sam");
        Person colleague = world.employee("Carl", manager.id());
        world.assign(vacation, colleague, "2026-01-01", null);
        world.as(colleague).post(requests(), world.request(emma, vacation, "2027-03-02T09:00", "2027-03-02T17:00"))
                .expectError(403);
        String id = submitDay("2027-03-11").path("id").asText();
        world.as(colleague).get(requests() + "/" + id).expectError(403);
        world.as(stranger).get(requests() + "/" + id).expectError(403);
        world.as(manager).get(requests() + "/" + id).expectJson(200);
        world.as(colleague).post(requests() + "/" + id + "/approve", null).expectError(403);
        world.as(stranger).post(requests() + "/" + id + "/approve", null).expectError(403);
        world.as(new Person(world.companyId(), emma.id(), Role.MANAGER)).post(requests() + "/" + id + "/approve", null)
                .expectError(403);
        world.as(colleague).post(requests() + "/" + id + "/cancel", null).expectError(403);
        world.asAdmin().post(requests() + "/" + id + "/approve", Map.of("note", "x".repeat(1001))).expectError(422);
        world.asAdmin().post(requests() + "/" + id + "/approve", null).expectJson(200);
        Person outsider = fixtures.newCompanyAdmin();
        world.as(outsider).get(requests() + "/" + id).expectError(403);
        world.as(outsider).get("/api/companies/" + outsider.companyId() + "/requests/" + id).expectError(404);
        world.as(outsider).post("/api/companies/" + outsider.companyId() + "/requests/" + id + "/cancel", null).expectError(404);
    }

    @Test
    void listsShowEachRoleWhatItMaySee() {
        Person colleague = world.employee("Carl", manager.id());
        Person loner = world.employee("Lou", null);
        world.assign(vacation, colleague, "2026-01-01", null);
        world.assign(vacation, loner, "2026-01-01", null);
        world.adjust(colleague, vacation, 960, "opening");
        world.adjust(loner, vacation, 960, "opening");
        submitDay("2027-03-15");
        world.submit(colleague, vacation, "2027-03-16T00:00", "2027-03-17T00:00").expectJson(201);
        world.submit(loner, vacation, "2027-03-16T00:00", "2027-03-17T00:00").expectJson(201);
        assertThat(world.as(emma).get(requests()).expectJson(200).path("total").asLong()).isEqualTo(1);
        assertThat(world.as(manager).get(requests()).expectJson(200).path("total").asLong()).isEqualTo(2);
        assertThat(world.asAdmin().get(requests()).expectJson(200).path("total").asLong()).isEqualTo(3);
        assertThat(world.asAdmin().get(requests() + "?status=APPROVED").expectJson(200).path("total").asLong()).isZero();
        assertThat(world.asAdmin().get(requests() + "?employee_id=" + loner.id()).expectJson(200).path("total").asLong()).isEqualTo(1);
        assertThat(world.asAdmin().get(requests() + "?start_date=2027-03-16&end_date=2027-03-31").expectJson(200)
                .path("total").asLong()).isEqualTo(2);
        world.asAdmin().get(requests() + "?status=LOST").expectError(422);
        world.asAdmin().get(requests() + "?limit=101").expectError(422);
        world.asAdmin().get(requests() + "?offset=-1").expectError(422);
        JsonNode page = world.asAdmin().get(requests() + "?limit=2&offset=0").expectJson(200);
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("total").asLong()).isEqualTo(3);
    }

    @Test
    void previewComputesTheEffectAndWritesNothing() {
        JsonNode preview = world.as(emma).post(requests() + "/preview",
                world.request(emma, vacation, "2027-03-02T00:00", "2027-03-04T00:00")).expectJson(200);
        assertThat(preview.path("requested_minutes").asLong()).isEqualTo(960);
        assertThat(preview.path("available_minutes_after").asLong()).isEqualTo(1440);
        assertThat(preview.path("warnings")).isEmpty();
        JsonNode tooMuch = world.as(emma).post(requests() + "/preview",
                world.request(emma, vacation, "2027-03-01T00:00", "2027-03-13T00:00")).expectJson(200);
        assertThat(tooMuch.path("warnings").toString()).contains("insufficient balance");
        assertThat(world.as(emma).get(requests()).expectJson(200).path("total").asLong()).isZero();
        assertThat(world.balance(emma, vacation).path("held_minutes").asLong()).isZero();
    }

    @Test
    void adjustmentsAreValidatedAuditedAndKeepTheInvariant() {
        String adjustments = world.base() + "/adjustments";
        Map<String, Object> body = new java.util.HashMap<>(Map.of("employee_id", emma.id().toString(),
                "policy_id", vacation.toString(), "amount_minutes", -3000, "reason", "too much"));
        world.asAdmin().post(adjustments, body).expectError(400);
        body.put("amount_minutes", 0);
        world.asAdmin().post(adjustments, body).expectError(422);
        body.put("amount_minutes", 60);
        body.put("reason", "");
        world.asAdmin().post(adjustments, body).expectError(422);
        body.put("reason", "bonus hour");
        world.as(manager).post(adjustments, body).expectError(403);
        body.put("idempotency_key", "bonus-1");
        JsonNode first = world.asAdmin().post(adjustments, body).expectJson(201);
        JsonNode again = world.asAdmin().post(adjustments, body).expectJson(201);
        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(world.balance(emma, vacation).path("accrued_minutes").asLong()).isEqualTo(2460);
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=ADJUSTMENT").expectJson(200);
        assertThat(audit.path("total").asLong()).isEqualTo(2);
    }

    @Test
    void everyTransitionIsAudited() {
        String id = submitDay("2027-03-16").path("id").asText();
        world.as(manager).post(requests() + "/" + id + "/approve", null).expectJson(200);
        world.as(emma).post(requests() + "/" + id + "/cancel", null).expectJson(200);
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=REQUEST").expectJson(200);
        assertThat(audit.path("items").findValuesAsText("action")).containsExactly("CANCEL", "APPROVE", "SUBMIT");
        assertThat(audit.path("items").get(0).path("before_json").path("status").asText()).isEqualTo("APPROVED");
        assertThat(audit.path("items").get(0).path("after_json").path("status").asText()).isEqualTo("CANCELLED");
    }

    List<String> types(Person p) {
        return world.ledger(p, vacation).stream().map(e -> e.path("entry_type").asText()).toList();
    }
}
