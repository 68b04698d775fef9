package com.powerpto.holiday;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approved and submitted requests are never changed silently by a holiday import or a location
 * change (issue 28): they are listed to the admin, and one audited action corrects them with the
 * difference posted under its own ledger key.
 */
class DurationCorrectionApiTest extends LedgerCheckedTest {

    String changes() {
        return world.base() + "/requests/duration-changes";
    }

    UUID policyFor(Person... people) {
        UUID policy = world.timePolicy("vacation", Map.of());
        for (Person p : people) {
            world.assign(policy, p, "2026-01-01", null);
            world.adjust(p, policy, 48_000, "grant");
        }
        return policy;
    }

    JsonNode entry(Person p, UUID policy, String sourceId) {
        for (JsonNode e : world.ledger(p, policy)) {
            if (e.path("source_id").asText().equals(sourceId)) {
                return e;
            }
        }
        return null;
    }

    @Test
    void anImportListsTheApprovedRequestsItTouchesAndOneActionCorrectsThem() {
        Person anna = world.employee("Anna", null, Map.of("location", "Munich"));
        Person hans = world.employee("Hans", null, Map.of("location", "Hamburg"));
        UUID policy = policyFor(anna, hans);
        String annas = world.submit(anna, policy, "2027-01-04T00:00", "2027-01-09T00:00").expectJson(201).path("id").asText();
        String hanss = world.submit(hans, policy, "2027-01-04T00:00", "2027-01-09T00:00").expectJson(201).path("id").asText();
        world.approve(world.admin, annas);
        world.approve(world.admin, hanss);
        long before = world.balance(anna, policy).path("available_minutes").asLong();

        world.asAdmin().post(world.base() + "/holidays/import",
                Map.of("country", "DE", "region", "BY", "year", 2027, "location", "munich")).expectJson(200);
        // nothing changed silently
        assertThat(world.asAdmin().get(world.base() + "/requests/" + annas).expectJson(200).path("requested_minutes").asLong())
                .isEqualTo(2400);
        assertThat(world.balance(anna, policy).path("available_minutes").asLong()).isEqualTo(before);

        JsonNode listed = world.asAdmin().get(changes()).expectJson(200);
        assertThat(listed.path("total").asInt()).isEqualTo(1);
        JsonNode item = listed.path("items").get(0);
        assertThat(item.path("request_id").asText()).isEqualTo(annas);
        assertThat(item.path("employee_name").asText()).isEqualTo("Anna Tester");
        assertThat(item.path("requested_minutes").asLong()).isEqualTo(2400);
        assertThat(item.path("current_minutes").asLong()).isEqualTo(1920);
        assertThat(item.path("difference_minutes").asLong()).isEqualTo(-480);
        assertThat(item.path("holidays").get(0).asText()).isEqualTo("Epiphany");
        assertThat(item.path("cause").asText()).contains("DE-BY 2027").contains("munich");
        world.as(anna).get(changes()).expectError(403);

        JsonNode applied = world.asAdmin().post(changes() + "/apply", Map.of()).expectJson(200);
        assertThat(applied.path("corrected").asInt()).isEqualTo(1);
        assertThat(applied.path("items").get(0).path("entry_type").asText()).isEqualTo("USAGE_REVERSAL");
        assertThat(applied.path("items").get(0).path("amount_minutes").asLong()).isEqualTo(480);
        assertThat(world.asAdmin().get(world.base() + "/requests/" + annas).expectJson(200).path("requested_minutes").asLong())
                .isEqualTo(1920);
        assertThat(world.balance(anna, policy).path("available_minutes").asLong()).isEqualTo(before + 480);
        JsonNode reversal = entry(anna, policy, "duration:" + annas + ":1");
        assertThat(reversal).isNotNull();
        assertThat(reversal.path("entry_type").asText()).isEqualTo("USAGE_REVERSAL");
        assertThat(reversal.path("amount_minutes").asLong()).isEqualTo(480);

        // the list is empty, and applying again corrects nothing
        assertThat(world.asAdmin().get(changes()).expectJson(200).path("total").asInt()).isZero();
        assertThat(world.asAdmin().post(changes() + "/apply", null).expectJson(200).path("corrected").asInt()).isZero();
        assertThat(world.balance(anna, policy).path("available_minutes").asLong()).isEqualTo(before + 480);

        // payroll's ledger export names the request behind the correction
        String csv = world.asAdmin().get(world.base() + "/reports/ledger?format=csv&layout=payroll&policy_id=" + policy)
                .expect(200).text();
        String correctionLine = csv.lines().filter(l -> l.contains("duration:" + annas)).findFirst().orElseThrow();
        assertThat(correctionLine).contains("time-off request 2027-01-04 to 2027-01-08");

        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=REQUEST&action=UPDATE").expectJson(200);
        assertThat(audit.path("total").asInt()).isEqualTo(1);
        assertThat(audit.path("items").get(0).path("entity_id").asText()).isEqualTo(annas);
        assertThat(audit.path("items").get(0).path("after_json").path("duration_correction").path("minutes_after").asLong())
                .isEqualTo(1920);
    }

    @Test
    void aLocationChangeListsTheEmployeesRequestsAndAHolidayRemovedTakesTheDayAgain() {
        world.asAdmin().post(world.base() + "/holidays", Map.of("date", "2027-01-06", "name", "Epiphany", "location", "Munich"))
                .expectJson(201);
        Person hans = world.employee("Hans", null, Map.of("location", "Hamburg"));
        Person mia = world.employee("Mia", null, Map.of("location", "Munich"));
        UUID policy = policyFor(hans, mia);
        String approved = world.submit(hans, policy, "2027-01-05T00:00", "2027-01-08T00:00").expectJson(201).path("id").asText();
        world.approve(world.admin, approved);
        String pending = world.submit(hans, policy, "2027-01-11T00:00", "2027-01-12T00:00").expectJson(201).path("id").asText();
        String mias = world.submit(mia, policy, "2027-01-05T00:00", "2027-01-08T00:00").expectJson(201).path("id").asText();
        world.approve(world.admin, mias);
        assertThat(world.asAdmin().get(world.base() + "/requests/" + mias).expectJson(200).path("requested_minutes").asLong())
                .isEqualTo(960);

        // Hans moves to Munich: his January request now contains Epiphany
        world.asAdmin().put(world.base() + "/employees/" + hans.id(), Map.of("location", "MUNICH")).expect(200);
        JsonNode listed = world.asAdmin().get(changes()).expectJson(200);
        assertThat(listed.path("total").asInt()).isEqualTo(1); // the pending one has no holiday in it
        assertThat(listed.path("items").get(0).path("request_id").asText()).isEqualTo(approved);
        assertThat(listed.path("items").get(0).path("cause").asText()).isEqualTo("location changed from Hamburg to MUNICH");
        assertThat(listed.path("items").get(0).path("difference_minutes").asLong()).isEqualTo(-480);

        // the admin deletes Epiphany: Mia's request takes the day again, Hans's is back to what it was
        String epiphany = world.asAdmin().get(world.base() + "/holidays?location=Munich").expectJson(200)
                .path("items").get(0).path("id").asText();
        world.asAdmin().delete(world.base() + "/holidays/" + epiphany).expect(204);
        listed = world.asAdmin().get(changes()).expectJson(200);
        assertThat(listed.path("total").asInt()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("request_id").asText()).isEqualTo(mias);
        assertThat(listed.path("items").get(0).path("difference_minutes").asLong()).isEqualTo(480);

        long miaBefore = world.balance(mia, policy).path("available_minutes").asLong();
        JsonNode applied = world.asAdmin().post(changes() + "/apply", Map.of("request_ids", List.of(mias))).expectJson(200);
        assertThat(applied.path("corrected").asInt()).isEqualTo(1);
        assertThat(applied.path("items").get(0).path("entry_type").asText()).isEqualTo("USAGE");
        assertThat(world.balance(mia, policy).path("available_minutes").asLong()).isEqualTo(miaBefore - 480);
        JsonNode usage = entry(mia, policy, "duration:" + mias + ":1");
        assertThat(usage.path("amount_minutes").asLong()).isEqualTo(-480);
        assertThat(usage.path("effective_at").asText()).startsWith("2027-01-05");

        // a pending request is corrected through its hold
        world.asAdmin().post(world.base() + "/holidays", Map.of("date", "2027-01-11", "name", "Company day", "half_day", true))
                .expectJson(201);
        JsonNode pendingChange = world.asAdmin().get(changes()).expectJson(200);
        assertThat(pendingChange.path("items").get(0).path("request_id").asText()).isEqualTo(pending);
        long heldBefore = world.balance(hans, policy).path("held_minutes").asLong();
        JsonNode corrected = world.asAdmin().post(changes() + "/apply", Map.of("request_ids", List.of(pending))).expectJson(200);
        assertThat(corrected.path("items").get(0).path("entry_type").asText()).isEqualTo("HOLD_RELEASE");
        assertThat(world.balance(hans, policy).path("held_minutes").asLong()).isEqualTo(heldBefore - 240);
        world.approve(world.admin, pending);
        assertThat(world.balance(hans, policy).path("held_minutes").asLong()).isEqualTo(heldBefore - 480);
    }

    @Test
    void aRequestLeftWithNoWorkingTimeIsCancelled() {
        Person emma = world.employee("Emma", null);
        UUID policy = policyFor(emma);
        String id = world.submit(emma, policy, "2027-03-03T09:00", "2027-03-03T17:00").expectJson(201).path("id").asText();
        world.approve(world.admin, id);
        long before = world.balance(emma, policy).path("available_minutes").asLong();
        world.asAdmin().post(world.base() + "/holidays", Map.of("date", "2027-03-03", "name", "Founders' day")).expectJson(201);
        JsonNode applied = world.asAdmin().post(changes() + "/apply", Map.of()).expectJson(200);
        assertThat(applied.path("items").get(0).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(applied.path("items").get(0).path("minutes_after").asLong()).isZero();
        assertThat(world.asAdmin().get(world.base() + "/requests/" + id).expectJson(200).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(world.balance(emma, policy).path("available_minutes").asLong()).isEqualTo(before + 480);
        assertThat(world.asAdmin().post(changes() + "/apply", Map.of("request_ids", List.of("not-a-uuid"))).expectError(422)
                .path("code").asText()).isNotBlank();
    }
}
