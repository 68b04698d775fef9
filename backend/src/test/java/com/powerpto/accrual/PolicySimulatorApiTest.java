package com.powerpto.accrual;

import com.powerpto.support.WorkerHorizon;
import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST …/policies/{pid}/simulate} (issue 24): a draft version against every balance, nothing written. */
@Import(MutableClock.Config.class)
class PolicySimulatorApiTest extends LedgerCheckedTest {

    @Autowired
    MutableClock clock;
    @Autowired
    JobProgressRepository progress;
    @Autowired
    JdbcClient jdbc;

    private WorkerHorizon horizon;

    @BeforeEach
    void today() {
        horizon = WorkerHorizon.today(progress, jdbc, clock, "2026-06-10T12:00:00Z");
    }

    @AfterEach
    void restore() {
        horizon.restore();
    }

    static Map<String, Object> monthly(long rate, Map<String, Object> extra) {
        Map<String, Object> s = new HashMap<>(Map.of("type", "ACCRUAL", "accrual_method", "TIME", "accrual_frequency", "MONTHLY",
                "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_month", rate, "proration", "NONE"));
        s.putAll(extra);
        return s;
    }

    long ledgerRows() {
        return jdbc.sql("SELECT count(*) FROM ledger_entries WHERE company_id = :c").param("c", world.companyId())
                .query(Long.class).single();
    }

    @Test
    void aDraftIsPlayedAgainstEveryBalanceAndNothingIsWritten() {
        UUID policy = world.policy("vacation", "VACATION", monthly(800, Map.of()), "2020-01-01");
        Person full = world.employee("Fay", null);
        Person part = world.employee("Pat", null, Map.of("workday_minutes", 240));
        Person capped = world.employee("Cal", null);
        world.assign(policy, full, "2026-01-01", null);
        world.assign(policy, part, "2026-01-01", null);
        world.assign(policy, capped, "2026-04-01", null);
        long rows = ledgerRows();
        // Draft from 1 April: 1,000 a month, part-time proration (full-time week 2,400), cap 1,500.
        // Fay: Jan..Mar 3 × 800 + Apr..Jun 3 × 1,000 = 5,400 vs 4,800 now → +600... but the cap: banked 2,400 on
        // 1 Apr is above 1,500, so Apr..Jun grant nothing → 2,400, −2,400.
        // Pat (5 × 240 = 1,200 a week: half time): Jan..Mar 2,400; April on: capped too → 2,400, −2,400.
        // Cal (from 1 Apr): 1,000, then 500 (cap), then 0 → 1,500 vs 2,400 now → −900.
        Map<String, Object> draft = Map.of("effective_from", "2026-04-01",
                "settings", monthly(1000, Map.of("part_time_proration", true, "bank_cap_minutes", 1500)));
        JsonNode sim = world.asAdmin().post(world.base() + "/policies/" + policy + "/simulate", Map.of("version", draft))
                .expectJson(200);
        assertThat(sim.path("as_of").asText()).isEqualTo("2026-06-10");
        Map<String, JsonNode> byEmployee = new HashMap<>();
        sim.path("items").forEach(i -> byEmployee.put(i.path("employee_id").asText(), i));
        assertThat(byEmployee.get(full.id().toString()).path("available_minutes_now").asLong()).isEqualTo(4800);
        assertThat(byEmployee.get(full.id().toString()).path("available_minutes_simulated").asLong()).isEqualTo(2400);
        assertThat(byEmployee.get(part.id().toString()).path("difference_minutes").asLong()).isEqualTo(-2400);
        assertThat(byEmployee.get(capped.id().toString()).path("available_minutes_simulated").asLong()).isEqualTo(1500);
        assertThat(sim.path("totals").path("employees").asInt()).isEqualTo(3);
        assertThat(sim.path("totals").path("lose").asInt()).isEqualTo(3);
        assertThat(sim.path("totals").path("difference_minutes").asLong()).isEqualTo(-2400 - 2400 - 900);

        // A raise without a cap from 1 May, seen on 1 July: +200 × 3 months (May, Jun, Jul) for the two full
        // timers; Pat without part-time proration gets the same raise.
        JsonNode raise = world.asAdmin().post(world.base() + "/policies/" + policy + "/simulate", Map.of("version",
                Map.of("effective_from", "2026-05-01", "settings", monthly(1000, Map.of())), "as_of", "2026-07-01")).expectJson(200);
        assertThat(raise.path("totals").path("gain").asInt()).isEqualTo(3);
        assertThat(raise.path("totals").path("difference_minutes").asLong()).isEqualTo(3 * 3 * 200);

        assertThat(ledgerRows()).as("nothing posted").isEqualTo(rows);
        assertThat(world.asAdmin().get(world.base() + "/policies/" + policy + "/versions").expectJson(200).path("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void refusals() {
        UUID policy = world.policy("vacation", "VACATION", monthly(800, Map.of()), "2026-01-01");
        Person employee = world.employee("Eve", null);
        String url = world.base() + "/policies/" + policy + "/simulate";
        Map<String, Object> ok = Map.of("version", Map.of("effective_from", "2026-05-01", "settings", monthly(900, Map.of())));
        world.as(employee).post(url, ok).expectError(403);
        world.asAdmin().post(world.base() + "/policies/" + UUID.randomUUID() + "/simulate", ok).expectError(404);
        world.asAdmin().post(url, Map.of()).expectError(422);
        world.asAdmin().post(url, Map.of("version", Map.of("effective_from", "2025-01-01", "settings", monthly(900, Map.of()))))
                .expectError(422); // before the current version
        world.asAdmin().post(url, Map.of("version", Map.of("effective_from", "2026-05-01",
                "settings", monthly(900, Map.of("rate_minutes_per_day", 10))))).expectError(422);
        world.asAdmin().post(url, Map.of("version", ok.get("version"), "as_of", "2040-01-01")).expectError(422);
        world.asAdmin().post(url, Map.of("version", ok.get("version"), "surprise", 1)).expectError(422);
        JsonNode empty = world.asAdmin().post(url, ok).expectJson(200);
        assertThat(empty.path("items")).isEmpty();
        assertThat(empty.path("totals").path("employees").asInt()).isZero();
    }
}
