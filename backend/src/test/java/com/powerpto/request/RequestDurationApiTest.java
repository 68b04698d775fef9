package com.powerpto.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Durations through the API: workday length, holidays, weekends, time zones, DST, unlimited and negative limits. */
class RequestDurationApiTest extends LedgerCheckedTest {

    long minutes(Person who, UUID policy, String start, String end) {
        return world.submit(who, policy, start, end).expectJson(201).path("requested_minutes").asLong();
    }

    @Test
    void sixHourDaysHolidaysAndWeekends() {
        Person part = world.employee("Pat", null, Map.of("workday_minutes", 360));
        UUID sick = world.unlimitedPolicy("sick");
        world.assign(sick, part, "2026-01-01", null);
        world.holiday("2027-07-05", "Independence Day (observed)");
        // Thu 1 .. Wed 7 July 2027: Thu, Fri, (weekend), Mon holiday, Tue, Wed = 4 days of 6 hours.
        assertThat(minutes(part, sick, "2027-07-01T00:00", "2027-07-08T00:00")).isEqualTo(4 * 360);
    }

    @Test
    void naiveTimesAreReadInTheEmployeesTimeZone() {
        Person tokyo = world.employee("Taro", null, Map.of("timezone", "Asia/Tokyo"));
        UUID sick = world.unlimitedPolicy("sick");
        world.assign(sick, tokyo, "2026-01-01", null);
        JsonNode request = world.submit(tokyo, sick, "2027-03-02T09:00", "2027-03-02T12:00").expectJson(201);
        assertThat(request.path("requested_minutes").asLong()).isEqualTo(180);
        assertThat(request.path("start_at").asText()).isEqualTo("2027-03-02T00:00:00Z");
        // The same wall-clock hours sent with an explicit UTC offset are outside Taro's day.
        world.submit(tokyo, sick, "2027-03-03T09:00:00Z", "2027-03-03T12:00:00Z").expectError(400);
    }

    @Test
    void requestsAcrossBothUsDstChangesCountWholeDays() {
        Person ny = world.employee("Nora", null, Map.of("timezone", "America/New_York"));
        UUID sick = world.unlimitedPolicy("sick");
        world.assign(sick, ny, "2026-01-01", null);
        // DST starts Sun 14 Mar 2027: Fri 12, Mon 15, Tue 16.
        assertThat(minutes(ny, sick, "2027-03-12T00:00", "2027-03-17T00:00")).isEqualTo(3 * 480);
        // DST ends Sun 7 Nov 2027: Fri 5, Mon 8, Tue 9.
        assertThat(minutes(ny, sick, "2027-11-05T00:00", "2027-11-10T00:00")).isEqualTo(3 * 480);
    }

    @Test
    void unlimitedPoliciesTrackUsageWithoutALimit() {
        Person emma = world.employee("Emma", null);
        UUID sick = world.unlimitedPolicy("sick");
        world.assign(sick, emma, "2026-01-01", null);
        String id = world.submit(emma, sick, "2027-03-01T00:00", "2027-03-13T00:00").expectJson(201).path("id").asText();
        world.approve(world.admin, id);
        JsonNode balance = world.balance(emma, sick);
        assertThat(balance.path("is_unlimited").asBoolean()).isTrue();
        assertThat(balance.path("available_minutes").isNull()).isTrue();
        assertThat(balance.path("used_minutes").asLong()).isEqualTo(10 * 480);
        assertThat(balance.path("policy_key").asText()).isEqualTo("sick");
        assertThat(balance.path("policy_category").asText()).isEqualTo("SICK");
    }

    @Test
    void aNegativeLimitIsAFloor() {
        Person emma = world.employee("Emma", null);
        UUID borrow = world.timePolicy("borrow", Map.of("allow_negative", true, "negative_limit_minutes", 480));
        world.assign(borrow, emma, "2026-01-01", null);
        world.submit(emma, borrow, "2027-03-01T00:00", "2027-03-02T00:00").expectJson(201);
        assertThat(world.balance(emma, borrow).path("available_minutes").asLong()).isEqualTo(-480);
        world.submit(emma, borrow, "2027-03-02T09:00", "2027-03-02T10:00").expectError(400);
        // Raising a negative balance is always allowed.
        world.adjust(emma, borrow, 60, "partial payback");
        assertThat(world.balance(emma, borrow).path("available_minutes").asLong()).isEqualTo(-420);
    }

    @Test
    void theBalanceFormulaHoldsAfterAMixedSequence() {
        Person emma = world.employee("Emma", null);
        UUID vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 4800, "grant");
        String a = world.submit(emma, vacation, "2027-03-01T00:00", "2027-03-03T00:00").expectJson(201).path("id").asText();
        String b = world.submit(emma, vacation, "2027-03-03T09:00", "2027-03-03T13:00").expectJson(201).path("id").asText();
        String c = world.submit(emma, vacation, "2027-03-04T00:00", "2027-03-05T00:00").expectJson(201).path("id").asText();
        world.submit(emma, vacation, "2027-03-08T00:00", "2027-03-09T00:00").expectJson(201);
        String requests = world.base() + "/requests/";
        world.asAdmin().post(requests + a + "/approve", null).expectJson(200);
        world.asAdmin().post(requests + b + "/deny", null).expectJson(200);
        world.asAdmin().post(requests + c + "/approve", null).expectJson(200);
        world.as(emma).post(requests + c + "/cancel", null).expectJson(200);
        world.adjust(emma, vacation, -240, "correction");
        JsonNode balance = world.balance(emma, vacation);
        assertThat(balance.path("accrued_minutes").asLong()).isEqualTo(4560);
        assertThat(balance.path("used_minutes").asLong()).isEqualTo(960);
        assertThat(balance.path("held_minutes").asLong()).isEqualTo(480);
        assertThat(balance.path("available_minutes").asLong()).isEqualTo(4560 - 960 - 480);
        List<JsonNode> ledger = world.ledger(emma, vacation);
        long sum = ledger.stream().mapToLong(e -> e.path("amount_minutes").asLong()).sum();
        assertThat(sum).isEqualTo(balance.path("available_minutes").asLong());
    }
}
