package com.powerpto.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Carryover on a fiscal date and on hire anniversaries (issue 19), figures computed by hand. */
@Import(MutableClock.Config.class)
class CarryoverDatesApiTest extends LedgerCheckedTest {

    /** "Today" while the jobs run: after every date of the scenarios (a job refuses a future target date). */
    static final String JOBS_RUN_AT = "2026-12-01T12:00:00Z";

    @Autowired
    MutableClock clock;

    @BeforeEach
    void fixToday() {
        clock.set(JOBS_RUN_AT);
    }

    @AfterEach
    void realToday() {
        clock.reset();
    }

    /**
     * Hours-worked accrual: nothing accrues by itself, so the balances are exactly the adjustments,
     * entered on chosen dates by moving the application clock (an adjustment is effective when entered).
     */
    UUID policy(String key, Map<String, Object> carryover) {
        return world.policy(key, "VACATION", Map.of("type", "ACCRUAL", "accrual_method", "HOURS_WORKED",
                "accrual_ratio", Map.of("accrue_minutes", 60, "per_worked_minutes", 1440), "carryover", carryover),
                "2020-01-01");
    }

    void carryover(String date) {
        world.asAdmin().post(world.base() + "/accruals/carryover?target_date=" + date, null).expect(200);
    }

    void expiration(String date) {
        world.asAdmin().post(world.base() + "/accruals/expiration?target_date=" + date, null).expect(200);
    }

    List<String> entries(Person p, UUID policy) {
        return world.ledger(p, policy).stream().map(e -> e.path("entry_type").asText() + " " + e.path("amount_minutes").asLong())
                .toList();
    }

    long available(Person p, UUID policy) {
        return world.balance(p, policy).path("available_minutes").asLong();
    }

    /** An adjustment entered (and so effective) at {@code instant}: a balance that exists before a reset date. */
    void adjustOn(String instant, Person p, UUID policy, long minutes) {
        clock.set(instant);
        world.adjust(p, policy, minutes, "entered " + instant.substring(0, 10));
        clock.set(JOBS_RUN_AT);
    }

    JsonNode carryoverMarker(Person p, UUID policy) {
        return world.ledger(p, policy).stream().filter(e -> e.path("entry_type").asText().equals("CARRYOVER"))
                .findFirst().orElseThrow().path("metadata_json");
    }

    @Test
    void aFiscalYearResetsOnItsDateAndNotOnTheFirstOfJanuary() {
        UUID policy = policy("fiscal", Map.of("enabled", true, "cap_minutes", 1200, "reset_month", 4, "reset_day", 1));
        Person emma = world.employee("Emma", null);
        world.assign(policy, emma, "2025-01-01", null);
        adjustOn("2026-03-01T12:00:00Z", emma, policy, 3000); // in the fiscal year 2025-04-01 .. 2026-03-31
        adjustOn("2026-05-01T12:00:00Z", emma, policy, 500);  // in the next one: not part of the carryover
        carryover("2026-01-01");
        carryover("2026-03-31");
        assertThat(entries(emma, policy)).containsExactlyInAnyOrder("ADJUSTMENT 3000", "ADJUSTMENT 500");
        carryover("2026-04-01");
        // By hand: available before 2026-04-01 = 3000 (the May adjustment is later);
        // carried = min(3000, cap 1200) = 1200; expired = 3000 - 1200 = 1800;
        // available now = 3000 + 500 - 1800 = 1700.
        assertThat(entries(emma, policy)).containsExactlyInAnyOrder("ADJUSTMENT 3000", "ADJUSTMENT 500",
                "EXPIRATION -1800", "CARRYOVER 0");
        assertThat(available(emma, policy)).isEqualTo(1700);
        JsonNode marker = carryoverMarker(emma, policy);
        assertThat(marker.path("reset_date").asText()).isEqualTo("2026-04-01");
        assertThat(marker.path("period_start").asText()).isEqualTo("2025-04-01");
        assertThat(marker.path("available_minutes").asLong()).isEqualTo(3000);
        assertThat(marker.path("carried_minutes").asLong()).isEqualTo(1200);
        assertThat(marker.path("expired_minutes").asLong()).isEqualTo(1800);
        carryover("2026-04-01"); // a rerun posts nothing
        assertThat(entries(emma, policy)).hasSize(4);
        assertThat(available(emma, policy)).isEqualTo(1700);
    }

    @Test
    void hireAnniversariesResetEachEmployeeOnTheirOwnDay() {
        UUID policy = policy("anniversary",
                Map.of("enabled", true, "cap_minutes", 960, "expires_after_days", 30, "reset_on", "HIRE_ANNIVERSARY"));
        Person anna = world.employee("Anna", null, Map.of("hire_date", "2019-06-10"));
        Person bert = world.employee("Bert", null, Map.of("hire_date", "2020-02-29"));
        for (Person p : List.of(anna, bert)) {
            world.assign(policy, p, "2025-01-01", null);
        }
        adjustOn("2026-01-15T12:00:00Z", anna, policy, 2000);
        adjustOn("2026-01-15T12:00:00Z", bert, policy, 1500);
        adjustOn("2026-03-15T12:00:00Z", anna, policy, 400);  // after Bert's reset, before Anna's
        adjustOn("2026-06-20T12:00:00Z", anna, policy, 300);  // after Anna's reset: her new year
        carryover("2026-01-01");
        carryover("2026-06-09");
        assertThat(entries(anna, policy)).containsExactlyInAnyOrder("ADJUSTMENT 2000", "ADJUSTMENT 400", "ADJUSTMENT 300");
        assertThat(entries(bert, policy)).containsExactly("ADJUSTMENT 1500");

        // Bert was hired on 29 February: in 2026 his anniversary is 28 February.
        // By hand: available before 2026-02-28 = 1500; carried = min(1500, 960) = 960; expired = 540.
        carryover("2026-02-28");
        assertThat(entries(bert, policy)).containsExactlyInAnyOrder("ADJUSTMENT 1500", "EXPIRATION -540", "CARRYOVER 0");
        assertThat(available(bert, policy)).isEqualTo(960);
        assertThat(carryoverMarker(bert, policy).path("carry_expires_on").asText()).isEqualTo("2026-03-30");
        assertThat(entries(anna, policy)).hasSize(3); // not Anna's day

        // Anna on her anniversary, 10 June. By hand: available before 2026-06-10 = 2000 + 400 = 2400
        // (the June 20 adjustment is later); carried = 960; expired = 2400 - 960 = 1440;
        // available now = 2000 + 400 + 300 - 1440 = 1260.
        carryover("2026-06-10");
        assertThat(entries(anna, policy)).containsExactlyInAnyOrder("ADJUSTMENT 2000", "ADJUSTMENT 400", "ADJUSTMENT 300",
                "EXPIRATION -1440", "CARRYOVER 0");
        assertThat(available(anna, policy)).isEqualTo(1260);
        JsonNode marker = carryoverMarker(anna, policy);
        assertThat(marker.path("reset_date").asText()).isEqualTo("2026-06-10");
        assertThat(marker.path("carry_expires_on").asText()).isEqualTo("2026-07-10");
        assertThat(marker.path("period_start").asText()).isEqualTo("2025-06-10");
        assertThat(marker.path("carried_minutes").asLong()).isEqualTo(960);
        carryover("2026-06-10");
        assertThat(entries(anna, policy)).hasSize(5);
        assertThat(entries(bert, policy)).hasSize(3);

        // The carried minutes expire 30 days after each one's own reset (nothing used since):
        // Bert on 2026-03-30: 960 -> 0; Anna on 2026-07-10: 960 -> 1260 - 960 = 300 (her new year's minutes).
        expiration("2026-03-30");
        assertThat(available(bert, policy)).isZero();
        assertThat(available(anna, policy)).isEqualTo(1260);
        expiration("2026-07-10");
        assertThat(available(anna, policy)).isEqualTo(300);
        assertThat(entries(anna, policy)).contains("EXPIRATION -960");
    }

    /** The forecast route and the request preview project carryover on the policy's own reset date. */
    @Test
    void theForecastAndThePreviewCarryOverOnTheFiscalDateAndOnAnniversaries() {
        clock.set("2027-02-01T12:00:00Z");
        UUID fiscal = policy("fiscal-forecast", Map.of("enabled", true, "cap_minutes", 1200, "reset_month", 4, "reset_day", 1));
        UUID anniversary = policy("anniversary-forecast",
                Map.of("enabled", true, "cap_minutes", 960, "reset_on", "HIRE_ANNIVERSARY"));
        Person emma = world.employee("Emma", null, Map.of("hire_date", "2019-06-10"));
        world.assign(fiscal, emma, "2025-01-01", null);
        world.assign(anniversary, emma, "2025-01-01", null);
        world.adjust(emma, fiscal, 3000, "balance");
        world.adjust(emma, anniversary, 2000, "balance");
        String url = world.base() + "/employees/" + emma.id() + "/balances/forecast?date=";
        // By hand (nothing accrues by itself): fiscal 3,000 until 31 March; on 1 April carried
        // min(3,000, 1,200) = 1,200, 1,800 forfeited. Anniversary (hired 10 June): 2,000 until
        // 9 June; on 10 June min(2,000, 960) = 960, 1,040 forfeited. 1 January changes nothing.
        JsonNode march = world.as(emma).get(url + "2027-03-31").expectJson(200);
        assertThat(item(march, fiscal).path("projected_available_minutes").asLong()).isEqualTo(3000);
        assertThat(item(march, fiscal).path("expiring_minutes").asLong()).isZero();
        JsonNode april = world.as(emma).get(url + "2027-04-01").expectJson(200);
        assertThat(item(april, fiscal).path("projected_available_minutes").asLong()).isEqualTo(1200);
        assertThat(item(april, fiscal).path("expiring_minutes").asLong()).isEqualTo(1800);
        assertThat(item(april, anniversary).path("projected_available_minutes").asLong()).isEqualTo(2000);
        JsonNode june9 = world.as(emma).get(url + "2027-06-09").expectJson(200);
        assertThat(item(june9, anniversary).path("projected_available_minutes").asLong()).isEqualTo(2000);
        JsonNode june10 = world.as(emma).get(url + "2027-06-10").expectJson(200);
        assertThat(item(june10, anniversary).path("projected_available_minutes").asLong()).isEqualTo(960);
        assertThat(item(june10, anniversary).path("expiring_minutes").asLong()).isEqualTo(1040);
        // The preview's balance on the start date: Wed 31 March still 3,000; Mon 5 April the capped 1,200.
        JsonNode before = world.as(emma).post(world.base() + "/requests/preview",
                world.request(emma, fiscal, "2027-03-31T09:00", "2027-03-31T17:00")).expectJson(200);
        assertThat(before.path("available_minutes_on_start").asLong()).isEqualTo(3000);
        JsonNode after = world.as(emma).post(world.base() + "/requests/preview",
                world.request(emma, fiscal, "2027-04-05T09:00", "2027-04-05T17:00")).expectJson(200);
        assertThat(after.path("available_minutes_on_start").asLong()).isEqualTo(1200);
        assertThat(after.path("available_minutes_after").asLong()).isEqualTo(3000 - 480);
    }

    JsonNode item(JsonNode forecast, UUID policy) {
        for (JsonNode item : forecast.path("items")) {
            if (item.path("policy_id").asText().equals(policy.toString())) {
                return item;
            }
        }
        throw new AssertionError("no item for " + policy + " in " + forecast);
    }

    @Test
    void resetDatesAreValidated() {
        for (Map<String, Object> carryover : List.<Map<String, Object>>of(
                Map.of("enabled", true, "reset_month", 2, "reset_day", 29),
                Map.of("enabled", true, "reset_month", 13, "reset_day", 1),
                Map.of("enabled", true, "reset_month", 4),
                Map.of("enabled", true, "reset_on", "HIRE_ANNIVERSARY", "reset_month", 4, "reset_day", 1),
                Map.of("enabled", true, "reset_on", "SOMETIMES"),
                Map.of("enabled", false, "reset_month", 4, "reset_day", 1))) {
            JsonNode error = world.asAdmin().post(world.base() + "/policies", Map.of("key", "p-" + UUID.randomUUID(),
                    "category", "VACATION", "version", Map.of("effective_from", "2026-01-01", "settings", Map.of(
                            "type", "ACCRUAL", "accrual_method", "TIME", "accrual_frequency", "YEARLY",
                            "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_year", 9600, "carryover", carryover))))
                    .expectError(422);
            assertThat(error.path("error").asText()).as(carryover.toString()).startsWith("settings.carryover.");
        }
    }
}
