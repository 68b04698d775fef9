package com.powerpto.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.Person;
import com.powerpto.support.WorkerHorizon;
import org.junit.jupiter.api.Test;

import com.powerpto.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET …/balances/forecast through HTTP, on a fixed day (10 Dec 2026) with the worker having run through
 * it, so the ledger holds the timeline up to today and the forecast adds what the jobs will post.
 */
@Import(MutableClock.Config.class)
class BalanceForecastApiTest extends LedgerCheckedTest {

    @Autowired
    MutableClock clock;
    @Autowired
    JobProgressRepository progress;
    @Autowired
    JdbcClient jdbc;

    private WorkerHorizon horizon;

    @BeforeEach
    void today() {
        horizon = WorkerHorizon.today(progress, jdbc, clock, "2026-12-10T12:00:00Z");
    }

    @AfterEach
    void restore() {
        horizon.restore();
    }

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
        LocalDate date = LocalDate.parse("2027-01-10");
        UUID carry = world.policy("carry", "VACATION", yearly(9600, Map.of("carryover",
                Map.of("enabled", true, "cap_minutes", 2400))), "2020-01-01");
        UUID expiring = world.policy("use-it", "VACATION", yearly(4800, Map.of("expiration",
                Map.of("enabled", true, "expires_on_month", 1, "expires_on_day", 1))), "2020-01-01");
        UUID sick = world.unlimitedPolicy("sick");
        Person emma = world.employee("Emma", null);
        Person other = world.employee("Otto", null);
        for (UUID p : new UUID[] {carry, expiring, sick}) {
            world.assign(p, emma, "2026-01-01", null); // entered late: 1 Jan 2026 is granted at once
        }
        world.adjust(emma, expiring, 1000, "opening balance");
        world.submit(emma, carry, "2026-12-14T09:00", "2026-12-14T17:00").expectJson(201); // 480 held

        JsonNode forecast = world.as(emma).get(world.base() + "/employees/" + emma.id() + "/balances/forecast?date=" + date)
                .expectJson(200);
        assertThat(forecast.path("date").asText()).isEqualTo(date.toString());
        // carry: 9,600 − 480 held = 9,120 available. 1 Jan: the old year banked 9,600 (the hold is not banked):
        // 2,400 carried, 7,200 forfeited; then +9,600 → 9,120 − 7,200 + 9,600 = 11,520.
        JsonNode c = item(forecast, carry);
        assertThat(c.path("policy_key").asText()).isEqualTo("carry");
        assertThat(c.path("available_minutes").asLong()).isEqualTo(9120);
        assertThat(c.path("scheduled_accrual_minutes").asLong()).isEqualTo(9600);
        assertThat(c.path("booked_minutes").asLong()).isEqualTo(480);
        assertThat(c.path("expiring_minutes").asLong()).isEqualTo(7200);
        assertThat(c.path("projected_available_minutes").asLong()).isEqualTo(11520);
        assertThat(c.path("events").toString()).contains("\"kind\":\"carryover\"", "\"minutes\":-7200", "\"kind\":\"grant\"");
        // use-it: 4,800 + 1,000 expire on 1 Jan before that day's 4,800 → 4,800.
        JsonNode e = item(forecast, expiring);
        assertThat(e.path("expiring_minutes").asLong()).isEqualTo(5800);
        assertThat(e.path("projected_available_minutes").asLong()).isEqualTo(4800);
        // unlimited: null amounts
        JsonNode s = item(forecast, sick);
        assertThat(s.path("projected_available_minutes").isNull()).isTrue();
        assertThat(s.path("available_minutes").isNull()).isTrue();

        // The preview of a request on Monday 4 January sees the projection.
        JsonNode preview = world.as(emma).post(world.base() + "/requests/preview",
                world.request(emma, carry, "2027-01-04T09:00", "2027-01-04T17:00")).expectJson(200);
        assertThat(preview.path("available_minutes_on_start").asLong()).isEqualTo(11520);
        assertThat(preview.path("available_minutes_after").asLong()).isEqualTo(9120 - 480);
        // issue 26: and says what it contains: 7,200 lost at the carryover cap on 1 Jan, 9,600 granted
        JsonNode onStart = preview.path("forecast_on_start");
        assertThat(onStart.path("date").asText()).isEqualTo("2027-01-04");
        assertThat(onStart.path("available_minutes").asLong()).isEqualTo(9120);
        assertThat(onStart.path("scheduled_accrual_minutes").asLong()).isEqualTo(9600);
        assertThat(onStart.path("capped_accrual_minutes").asLong()).isEqualTo(0);
        assertThat(onStart.path("booked_minutes").asLong()).isEqualTo(480);
        assertThat(onStart.path("expiring_minutes").asLong()).isEqualTo(7200);
        assertThat(onStart.path("projected_available_minutes").asLong()).isEqualTo(11520);
        assertThat(onStart.path("forfeits").size()).isEqualTo(1);
        assertThat(onStart.path("forfeits").get(0).path("date").asText()).isEqualTo("2027-01-01");
        assertThat(onStart.path("forfeits").get(0).path("kind").asText()).isEqualTo("CARRYOVER_CAP");
        assertThat(onStart.path("forfeits").get(0).path("minutes").asLong()).isEqualTo(7200);
        assertThat(c.path("forfeits").get(0).path("kind").asText()).isEqualTo("CARRYOVER_CAP");
        assertThat(c.path("capped_accrual_minutes").asLong()).isEqualTo(0);
        assertThat(e.path("forfeits").get(0).path("kind").asText()).isEqualTo("EXPIRATION");
        assertThat(e.path("forfeits").get(0).path("minutes").asLong()).isEqualTo(5800);
        JsonNode unlimited = world.as(emma).post(world.base() + "/requests/preview",
                world.request(emma, sick, "2027-01-04T09:00", "2027-01-04T17:00")).expectJson(200);
        assertThat(unlimited.path("forecast_on_start").isNull()).isTrue();

        String url = world.base() + "/employees/" + emma.id() + "/balances/forecast?date=";
        world.asAdmin().get(url + "2026-12-09").expectError(422);
        world.asAdmin().get(url + "soon").expectError(422);
        world.asAdmin().get(url + "2032-12-11").expectError(422);
        world.as(other).get(url + date).expectError(403);
        world.asAdmin().get(world.base() + "/employees/" + UUID.randomUUID() + "/balances/forecast?date=" + date).expectError(404);
    }

    /**
     * Bank cap × forecast × preview (the merge of issues 24 and 26): a 1 January grant the cap cuts.
     * 9,600 granted on 1 Jan 2026, nothing used; cap 12,000. On 1 Jan 2027 the timeline grants
     * 12,000 − 9,600 = 2,400 of the 9,600: scheduled 2,400, withheld 7,200, projected 12,000.
     */
    @Test
    void aGrantTheBankCapCutsIsReportedAsWithheld() {
        UUID capped = world.policy("capped", "VACATION", yearly(9600, Map.of("bank_cap_minutes", 12000)), "2020-01-01");
        Person mia = world.employee("Mia", null);
        world.assign(capped, mia, "2026-01-01", null);

        JsonNode c = item(world.as(mia).get(world.base() + "/employees/" + mia.id() + "/balances/forecast?date=2027-01-10")
                .expectJson(200), capped);
        assertThat(c.path("available_minutes").asLong()).isEqualTo(9600);
        assertThat(c.path("scheduled_accrual_minutes").asLong()).isEqualTo(2400);
        assertThat(c.path("capped_accrual_minutes").asLong()).isEqualTo(7200);
        assertThat(c.path("expiring_minutes").asLong()).isEqualTo(0);
        assertThat(c.path("projected_available_minutes").asLong()).isEqualTo(12000);
        assertThat(c.path("forfeits").size()).isEqualTo(0);

        JsonNode onStart = world.as(mia).post(world.base() + "/requests/preview",
                world.request(mia, capped, "2027-01-04T09:00", "2027-01-04T17:00")).expectJson(200).path("forecast_on_start");
        assertThat(onStart.path("scheduled_accrual_minutes").asLong()).isEqualTo(2400);
        assertThat(onStart.path("capped_accrual_minutes").asLong()).isEqualTo(7200);
        assertThat(onStart.path("projected_available_minutes").asLong()).isEqualTo(12000);
    }
}
