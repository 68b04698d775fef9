package com.powerpto.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals the original UI showed as "[object Object]": each answers {@code detail} as a
 * sentence or null, with the structured data in {@code code}, {@code fields} and {@code context}.
 */
class ErrorDetailApiTest extends LedgerCheckedTest {

    Person emma;
    UUID vacation;

    @BeforeEach
    void setUp() {
        emma = world.employee("Emma", null);
        vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 960, "opening balance");
    }

    /** The contract's error body with a sentence (or null) as detail and the given code. */
    static JsonNode refusal(JsonNode error, String code) {
        assertThat(error.path("detail").isTextual() || error.path("detail").isNull()).as(error.toString()).isTrue();
        assertThat(error.path("error").asText()).doesNotContain("[object").isNotBlank();
        assertThat(error.path("code").asText()).as(error.toString()).isEqualTo(code);
        return error;
    }

    @Test
    void insufficientBalanceIsASentenceWithTheNumbersInTheContext() {
        JsonNode error = refusal(world.submit(emma, vacation, "2027-03-01T00:00", "2027-03-04T00:00").expectError(400),
                "insufficient_balance");
        // issue 26: the sentence speaks the policy's unit (DAYS by default), the context keeps minutes
        assertThat(error.path("detail").asText())
                .isEqualTo("Available: 2 days; this change needs 3 days; the balance may not go below 0 days.");
        assertThat(error.path("context").path("available_minutes").asLong()).isEqualTo(960);
        assertThat(error.path("context").path("requested_change_minutes").asLong()).isEqualTo(-1440);
        assertThat(error.path("context").path("floor_minutes").asLong()).isZero();
        assertThat(error.has("fields")).isFalse();
    }

    @Test
    void adjustmentBelowTheFloorIsInsufficientBalance() {
        JsonNode error = refusal(world.asAdmin().post(world.base() + "/adjustments", Map.of(
                "employee_id", emma.id().toString(), "policy_id", vacation.toString(),
                "amount_minutes", -2000, "reason", "too much")).expectError(400), "insufficient_balance");
        assertThat(error.path("detail").asText())
                .isEqualTo("Available: 2 days; this change needs 4.17 days; the balance may not go below 0 days.");
        assertThat(error.path("error").asText()).contains("2 days available");
    }

    /** Issue 26: "Available: 10720 minutes" becomes "22.33 days" (or hours) — the unit the admin's screen speaks. */
    @Test
    void theAdminsRefusalStatesAmountsInThePolicysUnitAndTheEmployeesWorkday() {
        Person part = world.employee("Pat", null, Map.of("workday_minutes", 450));
        UUID hours = world.timePolicy("hours", Map.of("unit", "HOURS", "allow_negative", true, "negative_limit_minutes", 90));
        world.assign(vacation, part, "2026-01-01", null);
        world.assign(hours, part, "2026-01-01", null);
        world.adjust(part, vacation, 10720, "opening balance");
        JsonNode days = refusal(world.asAdmin().post(world.base() + "/adjustments", Map.of(
                "employee_id", part.id().toString(), "policy_id", vacation.toString(),
                "amount_minutes", -11000, "reason", "too much")).expectError(400), "insufficient_balance");
        assertThat(days.path("detail").asText())
                .isEqualTo("Available: 23.82 days; this change needs 24.44 days; the balance may not go below 0 days.");
        assertThat(days.path("context").path("available_minutes").asLong()).isEqualTo(10720);
        JsonNode inHours = refusal(world.asAdmin().post(world.base() + "/adjustments", Map.of(
                "employee_id", part.id().toString(), "policy_id", hours.toString(),
                "amount_minutes", -120, "reason", "too much")).expectError(400), "insufficient_balance");
        assertThat(inHours.path("detail").asText())
                .isEqualTo("Available: 0 hours; this change needs 2 hours; the balance may not go below -1.5 hours.");
    }

    @Test
    void overlapNamesTheOtherRequestInTheContext() {
        JsonNode first = world.submit(emma, vacation, "2027-03-01T00:00", "2027-03-02T00:00").expectJson(201);
        JsonNode error = refusal(world.submit(emma, vacation, "2027-03-01T09:00", "2027-03-01T12:00").expectError(409),
                "request_overlap");
        assertThat(error.path("detail").asText()).isNotBlank();
        assertThat(error.path("context").path("request_id").asText()).isEqualTo(first.path("id").asText());
        assertThat(error.path("context").path("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void wrongStateAndIdempotencyReuseKeepTheirDataInTheContext() {
        JsonNode request = world.submit(emma, vacation, "2027-03-01T00:00", "2027-03-02T00:00").expectJson(201);
        String id = request.path("id").asText();
        world.as(emma).post(world.base() + "/requests/" + id + "/cancel", null).expectJson(200);
        JsonNode error = refusal(world.asAdmin().post(world.base() + "/requests/" + id + "/approve", Map.of())
                .expectError(409), "wrong_state");
        assertThat(error.path("context").path("status").asText()).isEqualTo("CANCELLED");

        Map<String, Object> body = world.request(emma, vacation, "2027-04-01T00:00", "2027-04-02T00:00");
        body.put("idempotency_key", "k-1");
        world.as(emma).post(world.base() + "/requests", body).expectJson(201);
        body.put("reason", "changed");
        JsonNode reused = refusal(world.as(emma).post(world.base() + "/requests", body).expectError(409),
                "idempotency_key_reused");
        assertThat(reused.path("context").path("request_id").isTextual()).isTrue();
    }

    @Test
    void overlappingAssignmentNamesTheOtherAssignment() {
        JsonNode error = refusal(world.asAdmin().post(world.base() + "/policies/" + vacation + "/assignments",
                Map.of("employee_id", emma.id().toString(), "effective_from", "2026-06-01")).expectError(409),
                "assignment_overlap");
        assertThat(error.path("detail").asText()).isNotBlank();
        assertThat(error.path("context").path("assignment_id").isTextual()).isTrue();
    }

    @Test
    void fieldErrorsAreASentenceAndAFieldsList() {
        Map<String, Object> employee = new HashMap<>(Map.of("first_name", "Zed", "last_name", "Zone",
                "email", "zed@example.test", "timezone", "Mars/Olympus"));
        JsonNode zone = refusal(world.asAdmin().put(world.base() + "/employees/" + UUID.randomUUID(), employee)
                .expectError(422), "invalid_field");
        assertThat(zone.path("fields").get(0).path("field").asText()).isEqualTo("timezone");
        assertThat(zone.path("fields").get(0).path("message").asText()).isNotBlank();
        assertThat(zone.path("detail").asText()).startsWith("The field 'timezone'");

        JsonNode badId = refusal(world.asAdmin().get(world.base() + "/employees/not-a-uuid").expectError(422),
                "invalid_field");
        assertThat(badId.path("fields").get(0).path("field").asText()).isEqualTo("employee_id");

        JsonNode endBeforeStart = refusal(world.submit(emma, vacation, "2027-03-02T00:00", "2027-03-01T00:00")
                .expectError(422), "invalid_field");
        assertThat(endBeforeStart.path("fields").get(0).path("field").asText()).isEqualTo("end_at");

        JsonNode unknown = refusal(world.asAdmin().post(world.base() + "/holidays",
                Map.of("date", "2027-01-01", "name", "New Year", "colour", "red")).expectError(422), "unknown_field");
        assertThat(unknown.path("fields").get(0).path("field").asText()).isEqualTo("colour");

        JsonNode malformed = refusal(world.asAdmin().send("POST", world.base() + "/holidays", "{\"date\":", "application/json")
                .expectError(422), "malformed_json");
        assertThat(malformed.has("fields")).isFalse();
    }

    @Test
    void platformRefusalsCarryACodeAndANullDetail() {
        JsonNode anonymous = refusal(http.get(world.base() + "/employees").expectError(401), "unauthenticated");
        assertThat(anonymous.path("detail").isNull()).isTrue();
        refusal(world.as(emma).get(world.base() + "/employees").expectError(403), "forbidden");
        refusal(world.asAdmin().get(world.base() + "/employees/" + UUID.randomUUID()).expectError(404), "not_found");
        refusal(world.asAdmin().get("/api/no/such/route").expectError(404), "no_such_route");
    }
}
