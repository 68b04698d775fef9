package com.powerpto.accrual;

import com.powerpto.support.WorkerHorizon;
import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.accrual.worker.WorkerCycle;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, the consumers of the one timeline over random histories (a seed each): the forecast for a
 * date, the request preview of a day and the final statement of a future last day are what the daily
 * run then posts, date by date; corrections leave the ledger equal to the timeline (reconciliation), and
 * posting again posts nothing. Each history is built through HTTP: a policy with a random cap, fiscal
 * carryover and expiry date, an employee with a random hire date, past-dated adjustments, leave taken,
 * booked and pending; some are terminated with a last day inside the window.
 */
@Import(MutableClock.Config.class)
class TimelineConsumersApiTest extends LedgerCheckedTest {

    static final LocalDate START = LocalDate.parse("2026-03-02");
    static final int DAYS = 24;

    @Autowired
    MutableClock clock;
    @Autowired
    JobProgressRepository progress;
    @Autowired
    AccrualService accruals;
    @Autowired
    JdbcClient jdbc;

    private WorkerHorizon horizon;

    @BeforeEach
    void remember() {
        horizon = WorkerHorizon.save(progress, jdbc);
    }

    @AfterEach
    void restore() {
        clock.reset();
        horizon.restore();
    }

    void today(LocalDate day) {
        clock.set(day + "T12:00:00Z");
    }

    @ParameterizedTest(name = "history {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void forecastPreviewAndFinalStatementAreWhatTheJobsPost(long seed) {
        Random r = new Random(seed);
        today(START);
        progress.set(WorkerCycle.DEFAULT_JOB, START);
        jdbc.sql("UPDATE job_progress SET first_completed_date = DATE '2024-01-01' WHERE job = :job")
                .param("job", WorkerCycle.DEFAULT_JOB).update();
        Map<String, Object> settings = new HashMap<>(Map.of("type", "ACCRUAL", "accrual_method", "TIME",
                "accrual_frequency", r.nextBoolean() ? "MONTHLY" : "DAILY", "accrual_timing", r.nextBoolean() ? "START_OF_PERIOD" : "END_OF_PERIOD",
                "proration", r.nextBoolean() ? "DAYS_ACTIVE" : "NONE"));
        settings.put(settings.get("accrual_frequency").equals("DAILY") ? "rate_minutes_per_day" : "rate_minutes_per_month",
                settings.get("accrual_frequency").equals("DAILY") ? 20 + r.nextInt(30) : 600 + r.nextInt(600));
        if (r.nextBoolean()) {
            settings.put("bank_cap_minutes", 3000 + r.nextInt(4000));
        }
        settings.put("carryover", Map.of("enabled", true, "cap_minutes", 1000 + r.nextInt(2000), "reset_month", 3,
                "reset_day", 10 + r.nextInt(15)));
        if (r.nextBoolean()) {
            settings.put("expiration", Map.of("enabled", true, "expires_on_month", 3, "expires_on_day", 5 + r.nextInt(25)));
        }
        UUID policy = world.policy("p" + seed, "VACATION", settings, "2020-01-01");
        Person emma = world.employee("Emma", null, Map.of("hire_date", LocalDate.parse("2025-01-01").plusDays(r.nextInt(200)).toString(),
                "timezone", r.nextBoolean() ? "Pacific/Auckland" : "America/Los_Angeles"));
        world.assign(policy, emma, "2025-01-01", null);
        for (int i = r.nextInt(3); i >= 0; i--) {
            world.asAdmin().post(world.base() + "/adjustments", Map.of("employee_id", emma.id().toString(), "policy_id",
                    policy.toString(), "amount_minutes", 240 * (1 + r.nextInt(8)), "reason", "history " + i,
                    "effective_date", START.minusDays(r.nextInt(300)).toString())).expectJson(201);
        }
        // Leave: a day taken in the past, days booked in the window (approved or pending).
        for (int i = 0; i < 4; i++) {
            LocalDate day = START.plusDays(r.nextInt(DAYS) - (i == 0 ? 60 : 0)).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
            var answer = world.asAdmin().post(world.base() + "/requests", world.request(emma, policy, day + "T10:00", day + "T12:00"));
            if (answer.status() == 201 && r.nextInt(3) > 0) {
                world.approve(world.admin, answer.json().path("id").asText());
            }
        }
        LocalDate lastDay = r.nextInt(3) == 0 ? START.plusDays(5 + r.nextInt(DAYS - 10)) : null;
        if (lastDay != null) {
            world.asAdmin().post(world.base() + "/employees/" + emma.id() + "/terminate", Map.of("termination_date",
                    lastDay.toString())).expect(200);
        }
        assertReconciled(emma);

        // What the consumers say now about dates ahead.
        LocalDate end = START.plusDays(DAYS);
        long forecast = forecast(emma, policy, end);
        LocalDate monday = START.plusDays(7).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        long previewForecast = forecast(emma, policy, monday);
        JsonNode preview = world.asAdmin().post(world.base() + "/requests/preview",
                world.request(emma, policy, monday + "T10:00", monday + "T11:00")).json();
        Long payable = lastDay == null ? null : payable(emma, policy);

        // The worker runs every day up to the end; the ledger then holds what was forecast.
        for (LocalDate day = START.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            today(day);
            accruals.runDate(day, world.companyId(), WorkerCycle.DEFAULT_JOB, BatchGate.OPEN);
            if (day.equals(monday)) {
                assertThat(available(emma, policy)).as("the preview of " + monday).isEqualTo(previewForecast);
                if (preview.has("available_minutes_on_start")) {
                    assertThat(preview.path("available_minutes_on_start").asLong()).isEqualTo(previewForecast);
                }
            }
            if (day.equals(lastDay)) {
                assertThat(available(emma, policy)).as("the final statement of " + lastDay).isEqualTo(payable);
            }
        }
        assertThat(available(emma, policy)).as("the forecast of " + end).isEqualTo(forecast);
        if (payable != null) {
            assertThat(available(emma, policy)).as("nothing changes a balance after the last day").isEqualTo(payable);
        }
        assertReconciled(emma);
    }

    private void assertReconciled(Person emma) {
        JsonNode reconciliation = world.asAdmin().get(world.base() + "/reconciliation").expectJson(200);
        assertThat(reconciliation.path("accrual_mismatches")).as("posted = timeline").isEmpty();
        assertThat(world.asAdmin().post(world.base() + "/employees/" + emma.id() + "/accruals/recalculate", null).expectJson(200)
                .path("entries_posted").asInt()).as("posting again").isZero();
    }

    private long forecast(Person p, UUID policy, LocalDate date) {
        for (JsonNode item : world.asAdmin().get(world.base() + "/employees/" + p.id() + "/balances/forecast?date=" + date)
                .expectJson(200).path("items")) {
            if (item.path("policy_id").asText().equals(policy.toString())) {
                return item.path("projected_available_minutes").asLong();
            }
        }
        throw new AssertionError("no forecast");
    }

    private long payable(Person p, UUID policy) {
        for (JsonNode item : world.asAdmin().get(world.base() + "/employees/" + p.id() + "/final-statement").expectJson(200).path("items")) {
            if (item.path("policy_id").asText().equals(policy.toString())) {
                return item.path("payable_minutes").asLong();
            }
        }
        throw new AssertionError("no statement");
    }

    private long available(Person p, UUID policy) {
        return world.balance(p, policy).path("available_minutes").asLong();
    }
}
