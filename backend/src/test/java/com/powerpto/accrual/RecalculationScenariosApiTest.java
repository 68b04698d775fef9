package com.powerpto.accrual;

import com.powerpto.support.WorkerHorizon;
import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.accrual.worker.WorkerCycle;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HR changes the past (issue 14): each scenario goes through HTTP on the real database with the
 * accrual worker's last completed date ("today" of the recalculation) fixed at 2026-12-03.
 * Figures are computed by hand in the scenario's comment. After each: balance = ledger sum =
 * expected, and a second recalculation posts nothing.
 */
class RecalculationScenariosApiTest extends LedgerCheckedTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JobProgressRepository progress;
    @Autowired
    AccrualRecalculation recalculation;

    private WorkerHorizon horizon;

    @BeforeEach
    void fixHorizon() {
        horizon = WorkerHorizon.save(progress, jdbc);
        progress.set(WorkerCycle.DEFAULT_JOB, TODAY);
        // the worker "has run since 2020": the reconciliation check covers every date of the scenarios
        jdbc.sql("UPDATE job_progress SET first_completed_date = DATE '2020-01-01' WHERE job = :job")
                .param("job", WorkerCycle.DEFAULT_JOB).update();
    }

    @AfterEach
    void restoreHorizon() {
        horizon.restore();
    }

    /** What a scenario works with. */
    class Ctx {
        UUID policy;
        Person emma;
        UUID assignment;

        void assign(String from, String to) {
            assignment = world.assign(policy, emma, from, to);
        }

        void end(String effectiveTo) {
            world.asAdmin().delete(world.base() + "/assignments/" + assignment + "?effective_to=" + effectiveTo).expect(200);
        }

        void newVersion(String from, Map<String, Object> settings) {
            world.asAdmin().put(world.base() + "/policies/" + policy,
                    Map.of("version", Map.of("effective_from", from, "settings", settings))).expectJson(200);
        }

        void hireDate(String date) {
            Map<String, Object> body = new HashMap<>();
            body.put("first_name", "Emma");
            body.put("last_name", "Tester");
            body.put("email", "emma." + emma.id().toString().substring(0, 8) + "@example.test");
            body.put("hire_date", date);
            world.asAdmin().put(world.base() + "/employees/" + emma.id(), body).expect(200);
        }

        void takeDay(String date) {
            JsonNode request = world.submit(emma, policy, date + "T00:00", LocalDate.parse(date).plusDays(1) + "T00:00")
                    .expectJson(201);
            world.approve(world.admin, request.path("id").asText());
        }

        JsonNode recalculate() {
            return world.asAdmin().post(world.base() + "/employees/" + emma.id() + "/accruals/recalculate", null)
                    .expectJson(200);
        }
    }

    record Scenario(String name, Map<String, Object> settings, String hireDate, Consumer<Ctx> steps, long expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Map<String, Object> time(String frequency, String timing, long rate, String proration, Map<String, Object> extra) {
        Map<String, Object> s = new HashMap<>(AccrualData.time(frequency, timing, rate, proration, extra));
        s.remove("bank_cap_minutes");
        if (extra.containsKey("bank_cap_minutes")) {
            s.put("bank_cap_minutes", extra.get("bank_cap_minutes"));
        }
        return s;
    }

    static Map<String, Object> monthly(String timing, String proration) {
        return time("MONTHLY", timing, 800, proration, Map.of());
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                // The example: Sep 1 hire entered on Dec 3: Sep, Oct, Nov, Dec × 800 = 3,200.
                new Scenario("hire Sep 1 entered Dec 3 (MONTHLY START NONE)", monthly("START_OF_PERIOD", "NONE"),
                        "2026-09-01", c -> c.assign("2026-09-01", null), 3200),
                // Backdated by two weeks, DAILY 20: Nov 19 .. Dec 3 = 15 days × 20 = 300.
                new Scenario("hire two weeks back (DAILY)", time("DAILY", "START_OF_PERIOD", 20, "NONE", Map.of()),
                        "2026-11-19", c -> c.assign("2026-11-19", null), 300),
                // Months back, mid-month start, DAYS_ACTIVE: Sep 800 × 15/30 = 400, Oct..Dec 3 × 800 → 2,800.
                new Scenario("hire Sep 16 (MONTHLY START DAYS_ACTIVE)", monthly("START_OF_PERIOD", "DAYS_ACTIVE"),
                        "2026-09-16", c -> c.assign("2026-09-16", null), 2800),
                // END of period: Sep 30 400 (15/30), Oct 31 800, Nov 30 800; Dec 31 not yet → 2,000.
                new Scenario("hire Sep 16 (MONTHLY END DAYS_ACTIVE)", monthly("END_OF_PERIOD", "DAYS_ACTIVE"),
                        "2026-09-16", c -> c.assign("2026-09-16", null), 2000),
                // YEARLY START DAYS_ACTIVE from 2025-03-01: 9600 × 306/365 = 8,048 + 2026-01-01 9,600 = 17,648.
                new Scenario("hire 2025-03-01 (YEARLY START DAYS_ACTIVE)",
                        time("YEARLY", "START_OF_PERIOD", 9600, "DAYS_ACTIVE", Map.of()),
                        "2025-03-01", c -> c.assign("2025-03-01", null), 17648),
                // Ended in the past, START DAYS_ACTIVE: 3,200 posted; end Nov 16 (last day Nov 15):
                // Nov 800 × 15/30 = 400 (−400), Dec taken back (−800) → 2,000.
                new Scenario("ended in the past (START DAYS_ACTIVE)", monthly("START_OF_PERIOD", "DAYS_ACTIVE"),
                        "2026-09-01", c -> {
                            c.assign("2026-09-01", null);
                            c.end("2026-11-16");
                        }, 2000),
                // Ended in the future (last day Dec 20): Dec 800 × 20/31 = 516 → 2,400 + 516 = 2,916.
                new Scenario("ended in the future (START DAYS_ACTIVE)", monthly("START_OF_PERIOD", "DAYS_ACTIVE"),
                        "2026-09-01", c -> {
                            c.assign("2026-09-01", null);
                            c.end("2026-12-21");
                        }, 2916),
                // END DAYS_ACTIVE: Sep 30, Oct 31, Nov 30 = 2,400; end Nov 11 (last day Nov 10): Nov 30 −800,
                // Nov 10 + 800 × 10/30 = 266 → 1,866.
                new Scenario("ended in the past (END DAYS_ACTIVE)", monthly("END_OF_PERIOD", "DAYS_ACTIVE"),
                        "2026-09-01", c -> {
                            c.assign("2026-09-01", null);
                            c.end("2026-11-11");
                        }, 1866),
                // NONE: the Nov start-of-period grant stays whole, Dec is taken back → 2,400.
                new Scenario("ended in the past (START NONE)", monthly("START_OF_PERIOD", "NONE"),
                        "2026-09-01", c -> {
                            c.assign("2026-09-01", null);
                            c.end("2026-11-16");
                        }, 2400),
                // Raise to 1,000 effective Oct 1, agreed in December: Jan..Sep 9 × 800 + Oct..Dec 3 × 1,000 = 10,200.
                new Scenario("backdated raise (policy version)", monthly("START_OF_PERIOD", "NONE"),
                        "2026-01-01", c -> {
                            c.assign("2026-01-01", null);
                            c.newVersion("2026-10-01", time("MONTHLY", "START_OF_PERIOD", 1000, "NONE", Map.of()));
                        }, 10200),
                // Cap 2,000 banked: Sep 800, Oct 800, Nov 400 (capped), Dec 0 → 2,000.
                new Scenario("bank cap in force", time("MONTHLY", "START_OF_PERIOD", 800, "NONE",
                        Map.of("bank_cap_minutes", 2000)), "2026-09-01", c -> c.assign("2026-09-01", null), 2000),
                // Tier 1,200 from 12 months. Hired 2025-10-15: Sep 800, Oct 800, Nov 1,200, Dec 1,200 = 4,000;
                // hire date corrected to 2025-08-15: every month ≥ 12 months → 4 × 1,200 = 4,800.
                new Scenario("tenure tier crossed, hire date corrected", time("MONTHLY", "START_OF_PERIOD", 800, "NONE",
                        Map.of("tenure_tiers", List.of(Map.of("min_months", 12, "accrual_rate_minutes", 1200)))),
                        "2025-10-15", c -> {
                            c.assign("2026-09-01", null);
                            assertThat(c.recalculate().path("entries_posted").asInt()).isZero();
                            c.hireDate("2025-08-15");
                        }, 4800),
                // Cap 2,000 and a day (480) taken on Mon Oct 5: replay Sep 1 800, Oct 1 800 (1,600), Oct 5 −480
                // (1,120), Nov 1 800 (1,920), Dec 1 80 (2,000) → accrued 2,480.
                new Scenario("request taken inside the window (cap)", time("MONTHLY", "START_OF_PERIOD", 800, "NONE",
                        Map.of("bank_cap_minutes", 2000)), "2026-09-01", c -> {
                            c.assign("2026-09-01", null);
                            c.takeDay("2026-10-05"); // a late day off corrects the capped grants after it at once (issue 24)
                            assertThat(c.recalculate().path("entries_posted").asInt()).isZero();
                        }, 2480));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario scenario) {
        Ctx c = new Ctx();
        c.policy = world.policy("p" + UUID.randomUUID().toString().substring(0, 8), "VACATION", scenario.settings(), "2020-01-01");
        c.emma = world.employee("Emma", null, Map.of("hire_date", scenario.hireDate()));
        scenario.steps().accept(c);
        recalculation.processQueue(1000, BatchGate.OPEN); // the worker's part of policy-wide changes

        JsonNode balance = world.balance(c.emma, c.policy);
        long ledgerAccrued = world.ledger(c.emma, c.policy).stream()
                .filter(e -> List.of("ACCRUAL", "ACCRUAL_CORRECTION").contains(e.path("entry_type").asText()))
                .mapToLong(e -> e.path("amount_minutes").asLong()).sum();
        assertThat(balance.path("accrued_minutes").asLong()).as("balance").isEqualTo(scenario.expected());
        assertThat(ledgerAccrued).as("ledger sum").isEqualTo(scenario.expected());
        assertThat(recalculation.differences(world.companyId())).as("expected = posted").isEmpty();
        JsonNode again = c.recalculate();
        assertThat(again.path("entries_posted").asInt()).as("second recalculation").isZero();
        assertThat(again.path("through").asText()).isEqualTo(TODAY.toString());
    }

    @Test
    void correctionEntriesNameTheirCauseAndRaiseAreQueuedWithACount() {
        Ctx c = new Ctx();
        c.policy = world.policy("raise", "VACATION", monthly("START_OF_PERIOD", "NONE"), "2020-01-01");
        c.emma = world.employee("Emma", null, Map.of("hire_date", "2026-01-01"));
        c.assign("2026-01-01", null);
        c.newVersion("2026-11-01", time("MONTHLY", "START_OF_PERIOD", 1000, "NONE", Map.of()));
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=ACCRUAL").expectJson(200);
        assertThat(audit.toString()).contains("\"balances_to_recalculate\":1");
        assertThat(recalculation.queued(world.companyId())).isEqualTo(1);
        // the queue survives: it is a table, worked off by the worker (here: called directly)
        var run = recalculation.processQueue(1000, BatchGate.OPEN);
        assertThat(run.entriesPosted()).isEqualTo(2);
        assertThat(recalculation.queued(world.companyId())).isZero();
        List<JsonNode> corrections = world.ledger(c.emma, c.policy).stream()
                .filter(e -> e.path("entry_type").asText().equals("ACCRUAL_CORRECTION")).toList();
        assertThat(corrections).hasSize(2);
        assertThat(corrections.get(0).path("amount_minutes").asLong()).isEqualTo(200);
        assertThat(corrections.get(0).path("metadata_json").path("cause").asText()).isEqualTo("policy version 2 effective 2026-11-01");
        assertThat(corrections.get(0).path("source_id").asText()).startsWith("accrual-fix:");
    }

    @Test
    void theReconciliationCheckStartsAtTheWorkersFirstDate() {
        Ctx c = new Ctx();
        c.policy = world.policy("legacy", "VACATION", monthly("START_OF_PERIOD", "NONE"), "2020-01-01");
        c.emma = world.employee("Emma", null);
        jdbc.sql("DELETE FROM job_progress WHERE job = :job").param("job", WorkerCycle.DEFAULT_JOB).update();
        c.assign("2026-09-01", null); // before the worker ever ran: nothing recalculated, nothing posted
        progress.set(WorkerCycle.DEFAULT_JOB, TODAY); // the worker's first run is today
        assertThat(recalculation.differences(world.companyId())).as("Sep..Nov predate the worker").isEmpty();
        jdbc.sql("UPDATE job_progress SET first_completed_date = DATE '2026-11-01' WHERE job = :job")
                .param("job", WorkerCycle.DEFAULT_JOB).update();
        assertThat(recalculation.differences(world.companyId())).singleElement().satisfies(d -> {
            assertThat(d.expectedMinutes()).isEqualTo(1600); // Nov 1 and Dec 1
            assertThat(d.postedMinutes()).isZero();
            assertThat(d.events()).isEqualTo(2);
        });
        JsonNode http = world.asAdmin().get(world.base() + "/reconciliation").expectJson(200);
        assertThat(http.path("accrual_mismatches").get(0).path("expected_minutes").asLong()).isEqualTo(1600);
        assertThat(c.recalculate().path("entries_posted").asInt()).isEqualTo(4); // a recalculation posts all of it
        assertThat(world.asAdmin().get(world.base() + "/reconciliation").expectJson(200).path("accrual_mismatches")).isEmpty();
        assertThat(recalculation.differences(world.companyId())).isEmpty();
    }

    @Test
    void badThroughIs422AndOtherRolesAre403() {
        Person emma = world.employee("Emma", null);
        String url = world.base() + "/employees/" + emma.id() + "/accruals/recalculate";
        world.asAdmin().post(url + "?through=2999-01-01", null).expectError(422);
        world.asAdmin().post(url + "?through=yesterday", null).expectError(422);
        world.as(emma).post(url, null).expectError(403);
        world.asAdmin().post(world.base() + "/employees/" + UUID.randomUUID() + "/accruals/recalculate", null).expectError(404);
    }
}
