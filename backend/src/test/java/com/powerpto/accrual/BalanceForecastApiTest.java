package com.powerpto.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET …/balances/forecast through HTTP. Dates are chosen so that the window from today always holds
 * exactly one January 1 (the forecast date is January 10 of next year), which makes the figures
 * hand-computable whatever day the test runs.
 */
class BalanceForecastApiTest extends LedgerCheckedTest {

    static Map<String, Object> yearly(long rate, Map<String, Object> extra) {
        Map<String, Object> s = new HashMap<>(Map.of("type", "ACCRUAL", "accrual_method", "TIME", "accrual_frequency", "YEARLY",
                "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_year", rate, "proration", "NONE"));
        s.putAll(extra);
        return s;
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
    void carryoverForfeitAndExpirationOnTheWayAndBookedTime() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate date = LocalDate.of(today.getYear() + 1, 1, 10);
        UUID carry = world.policy("carry", "VACATION", yearly(9600, Map.of("carryover",
                Map.of("enabled", true, "cap_minutes", 2400))), "2020-01-01");
        UUID expiring = world.policy("use-it", "VACATION", yearly(4800, Map.of("expiration",
                Map.of("enabled", true, "expires_on_month", 1, "expires_on_day", 1))), "2020-01-01");
        UUID sick = world.unlimitedPolicy("sick");
        Person emma = world.employee("Emma", null);
        Person other = world.employee("Otto", null);
        for (UUID p : new UUID[] {carry, expiring, sick}) {
            world.assign(p, emma, "2020-01-01", null);
        }
        world.adjust(emma, carry, 5000, "opening balance");
        world.adjust(emma, expiring, 1000, "opening balance");
        LocalDate monday = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        world.submit(emma, carry, monday + "T09:00", monday + "T17:00").expectJson(201); // 480 held

        JsonNode forecast = world.as(emma).get(world.base() + "/employees/" + emma.id() + "/balances/forecast?date=" + date)
                .expectJson(200);
        assertThat(forecast.path("date").asText()).isEqualTo(date.toString());
        // carry: 5,000 − 480 held = 4,520 available; Jan 1: 2,400 carried, 2,120 forfeited, +9,600 → 12,000.
        JsonNode c = item(forecast, carry);
        assertThat(c.path("policy_key").asText()).isEqualTo("carry");
        assertThat(c.path("available_minutes").asLong()).isEqualTo(4520);
        assertThat(c.path("scheduled_accrual_minutes").asLong()).isEqualTo(9600);
        assertThat(c.path("booked_minutes").asLong()).isEqualTo(480);
        assertThat(c.path("expiring_minutes").asLong()).isEqualTo(2120);
        assertThat(c.path("projected_available_minutes").asLong()).isEqualTo(12000);
        // use-it: 1,000 expire on Jan 1 before that day's 4,800 → 4,800.
        JsonNode e = item(forecast, expiring);
        assertThat(e.path("expiring_minutes").asLong()).isEqualTo(1000);
        assertThat(e.path("projected_available_minutes").asLong()).isEqualTo(4800);
        // unlimited: null amounts
        JsonNode s = item(forecast, sick);
        assertThat(s.path("projected_available_minutes").isNull()).isTrue();
        assertThat(s.path("available_minutes").isNull()).isTrue();

        // The preview of a request starting on the first Monday of next year (after Jan 1) sees the projection.
        LocalDate later = LocalDate.of(today.getYear() + 1, 1, 2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        JsonNode preview = world.as(emma).post(world.base() + "/requests/preview",
                world.request(emma, carry, later + "T09:00", later + "T17:00")).expectJson(200);
        assertThat(preview.path("available_minutes_on_start").asLong()).isEqualTo(12000);
        assertThat(preview.path("available_minutes_after").asLong()).isEqualTo(4520 - 480);
        // issue 26: and says what it contains: 2,120 lost at the carryover cap on Jan 1, 9,600 accrued
        JsonNode onStart = preview.path("forecast_on_start");
        assertThat(onStart.path("date").asText()).isEqualTo(later.toString());
        assertThat(onStart.path("available_minutes").asLong()).isEqualTo(4520);
        assertThat(onStart.path("scheduled_accrual_minutes").asLong()).isEqualTo(9600);
        assertThat(onStart.path("booked_minutes").asLong()).isEqualTo(480);
        assertThat(onStart.path("projected_available_minutes").asLong()).isEqualTo(12000);
        assertThat(onStart.path("forfeits").size()).isEqualTo(1);
        assertThat(onStart.path("forfeits").get(0).path("date").asText()).isEqualTo(today.getYear() + 1 + "-01-01");
        assertThat(onStart.path("forfeits").get(0).path("kind").asText()).isEqualTo("CARRYOVER_CAP");
        assertThat(onStart.path("forfeits").get(0).path("minutes").asLong()).isEqualTo(2120);
        assertThat(item(forecast, carry).path("forfeits").get(0).path("kind").asText()).isEqualTo("CARRYOVER_CAP");
        JsonNode unlimited = world.as(emma).post(world.base() + "/requests/preview",
                world.request(emma, sick, later + "T09:00", later + "T17:00")).expectJson(200);
        assertThat(unlimited.path("forecast_on_start").isNull()).isTrue();

        String url = world.base() + "/employees/" + emma.id() + "/balances/forecast?date=";
        world.asAdmin().get(url + today.minusDays(1)).expectError(422);
        world.asAdmin().get(url + "soon").expectError(422);
        world.asAdmin().get(url + today.plusYears(6)).expectError(422);
        world.as(other).get(url + date).expectError(403);
        world.asAdmin().get(world.base() + "/employees/" + UUID.randomUUID() + "/balances/forecast?date=" + date).expectError(404);
    }
}
