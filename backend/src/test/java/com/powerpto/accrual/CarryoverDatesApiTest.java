package com.powerpto.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Carryover on a fiscal date and on hire anniversaries (issue 19), figures computed by hand. */
class CarryoverDatesApiTest extends LedgerCheckedTest {

    /** Hours-worked accrual: nothing accrues by itself, so the balances are exactly the adjustments. */
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

    @Test
    void aFiscalYearResetsOnItsDateAndNotOnTheFirstOfJanuary() {
        UUID policy = policy("fiscal", Map.of("enabled", true, "cap_minutes", 1200, "reset_month", 4, "reset_day", 1));
        Person emma = world.employee("Emma", null);
        world.assign(policy, emma, "2025-01-01", null);
        world.adjust(emma, policy, 3000, "balance");
        carryover("2026-01-01");
        carryover("2026-03-31");
        assertThat(entries(emma, policy)).containsExactly("ADJUSTMENT 3000");
        carryover("2026-04-01");
        // The carryover reads the balance as of the reset date (issue 14); the adjustment is effective
        // today (after 2026-04-01), so nothing was available then: a marker of 0, nothing expires.
        assertThat(entries(emma, policy)).containsExactlyInAnyOrder("ADJUSTMENT 3000", "CARRYOVER 0");
        assertThat(available(emma, policy)).isEqualTo(3000);
        JsonNode marker = world.ledger(emma, policy).stream().filter(e -> e.path("entry_type").asText().equals("CARRYOVER"))
                .findFirst().orElseThrow().path("metadata_json");
        assertThat(marker.path("reset_date").asText()).isEqualTo("2026-04-01");
        assertThat(marker.path("period_start").asText()).isEqualTo("2025-04-01");
        carryover("2026-04-01"); // a rerun posts nothing
        assertThat(entries(emma, policy)).hasSize(2);
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
        world.adjust(anna, policy, 2000, "balance");
        world.adjust(bert, policy, 500, "balance");
        carryover("2026-01-01");
        carryover("2026-06-09");
        assertThat(entries(anna, policy)).containsExactly("ADJUSTMENT 2000");
        // Bert was hired on 29 February: in 2026 his anniversary is 28 February
        carryover("2026-02-28");
        assertThat(entries(bert, policy)).containsExactlyInAnyOrder("ADJUSTMENT 500", "CARRYOVER 0");
        assertThat(entries(anna, policy)).containsExactly("ADJUSTMENT 2000");
        // Anna on her anniversary, 10 June (balance as of that date: 0, the adjustment is later)
        carryover("2026-06-10");
        assertThat(entries(anna, policy)).containsExactlyInAnyOrder("ADJUSTMENT 2000", "CARRYOVER 0");
        JsonNode marker = world.ledger(anna, policy).stream().filter(e -> e.path("entry_type").asText().equals("CARRYOVER"))
                .findFirst().orElseThrow().path("metadata_json");
        assertThat(marker.path("reset_date").asText()).isEqualTo("2026-06-10");
        assertThat(marker.path("carry_expires_on").asText()).isEqualTo("2026-07-10");
        assertThat(marker.path("period_start").asText()).isEqualTo("2025-06-10");
        carryover("2026-06-10");
        assertThat(entries(anna, policy)).hasSize(2);
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
