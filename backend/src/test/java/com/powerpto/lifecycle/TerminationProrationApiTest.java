package com.powerpto.lifecycle;

import com.powerpto.support.WorkerHorizon;
import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.AfterEach;
import com.powerpto.accrual.JobProgressRepository;
import com.powerpto.accrual.worker.WorkerCycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of a termination that depend on the recalculation of issue 14 (proration of the last
 * day, take-back of a start-of-period grant), with hand-computed figures. Termination end-dates
 * assignments through {@code AssignmentService.end}, the same path as
 * {@code DELETE …/assignments/{aid}?effective_to=}, so once that path recalculates these pass.
 * The recalculation corrects dates up to the worker's horizon (the last date it completed), so
 * the tests put that horizon on the clock's day, as the worker would have.
 */
@Import(MutableClock.Config.class)
class TerminationProrationApiTest extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    JobProgressRepository progress;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private WorkerHorizon horizon;

    @BeforeEach
    void horizonOnTheClockDay() {
        horizon = WorkerHorizon.save(progress, jdbc);
        progress.set(WorkerCycle.DEFAULT_JOB, java.time.LocalDate.parse("2026-06-19"));
    }

    @AfterEach
    void resetClockAndHorizon() {
        clock.reset();
        horizon.restore();
    }

    /** MONTHLY, 960 min per month, DAYS_ACTIVE. */
    UUID monthly(World world, String timing) {
        return world.policy("monthly-" + timing.toLowerCase().replace('_', '-'), "VACATION", Map.of("type", "ACCRUAL",
                "accrual_method", "TIME", "accrual_frequency", "MONTHLY", "accrual_timing", timing,
                "rate_minutes_per_month", 960, "proration", "DAYS_ACTIVE"), "2020-01-01");
    }

    @Test
    void startOfPeriodGrantForDaysAfterAMidMonthLastDayIsTakenBack() {
        clock.set("2026-06-20T12:00:00Z");
        World world = fixtures.newWorld();
        Person emma = world.employee("Emma", null, Map.of("hire_date", "2025-01-01"));
        UUID policy = monthly(world, "START_OF_PERIOD");
        world.assign(policy, emma, "2026-06-01", null); // entered late: the recalculation grants June at once
        world.asAdmin().post(world.base() + "/accruals/trigger?target_date=2026-06-01", null).expect(200);
        assertThat(world.balance(emma, policy).path("accrued_minutes").asLong()).isEqualTo(960);

        world.asAdmin().post(world.base() + "/employees/" + emma.id() + "/terminate",
                Map.of("termination_date", "2026-06-12")).expect(200);

        // June has 30 days, 12 of them worked: 960 × 12 ÷ 30 = 384 kept, 576 taken back.
        JsonNode balance = world.balance(emma, policy);
        assertThat(balance.path("accrued_minutes").asLong()).isEqualTo(384);
        JsonNode item = world.asAdmin().get(world.base() + "/employees/" + emma.id() + "/final-statement")
                .expectJson(200).path("items").get(0);
        assertThat(item.path("payable_minutes").asLong()).isEqualTo(384);
    }

    @Test
    void endOfPeriodGrantIsProratedToTheLastDay() {
        clock.set("2026-06-20T12:00:00Z");
        World world = fixtures.newWorld();
        Person emma = world.employee("Emma", null, Map.of("hire_date", "2025-01-01"));
        UUID policy = monthly(world, "END_OF_PERIOD");
        world.assign(policy, emma, "2026-05-01", null); // entered late: May's end-of-period grant is posted at once
        world.asAdmin().post(world.base() + "/accruals/trigger?target_date=2026-05-31", null).expect(200);
        assertThat(world.balance(emma, policy).path("accrued_minutes").asLong()).isEqualTo(960);

        world.asAdmin().post(world.base() + "/employees/" + emma.id() + "/terminate",
                Map.of("termination_date", "2026-06-12")).expect(200);

        // May's 960 stays; June is granted for its 12 days on the last day: 960 × 12 ÷ 30 = 384.
        assertThat(world.balance(emma, policy).path("accrued_minutes").asLong()).isEqualTo(960 + 384);
    }
}
