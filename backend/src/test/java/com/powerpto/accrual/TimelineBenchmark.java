package com.powerpto.accrual;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.PowerPtoApplication;
import com.powerpto.accrual.worker.WorkerCycle;
import com.powerpto.ledger.AdjustmentBody;
import com.powerpto.ledger.AdjustmentService;
import com.powerpto.ledger.LedgerService;
import com.powerpto.platform.company.CompanyRepository;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.Role;
import com.powerpto.policy.PolicyBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline benchmark of issue 24 (bench/timeline/run.sh; not part of the suite: the class name
 * matches none of surefire's includes). A tenant of {@code bench.employees} (10,000) with three years
 * of history — monthly grants under a bank cap, a capped carryover every 1 January, nine days of leave
 * each (request, per-day split, usage) — then:
 * <ol>
 *   <li>a full recomputation of every balance from nothing (posting the three years), a full
 *   recomputation after a policy version backdated to the first year (correcting 30 months of grants
 *   and both carryovers), and one that finds nothing to change;</li>
 *   <li>the policy-change simulator over every balance;</li>
 *   <li>a late adjustment dated in the first year, with the correction it causes, one transaction each.</li>
 * </ol>
 * With {@code pto.embedded.data-dir} set the cluster runs with fsync, synchronous_commit and
 * full_page_writes on.
 */
@SpringBootTest(classes = PowerPtoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class TimelineBenchmark {

    static final LocalDate HISTORY = LocalDate.parse("2023-01-01");
    static final LocalDate HORIZON = LocalDate.parse("2025-12-31");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CompanyRepository companies;
    @Autowired
    AccrualRecalculation recalculation;
    @Autowired
    PolicySimulator simulator;
    @Autowired
    AdjustmentService adjustments;
    @Autowired
    LedgerService ledger;
    @Autowired
    JobProgressRepository progress;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectMapper mapper;

    @Test
    void benchmark() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("bench.employees") != null,
                "only run by bench/timeline/run.sh (it needs its own database)");
        int employees = Integer.getInteger("bench.employees", 10_000);
        int singles = Integer.getInteger("bench.singles", 200);
        String fsyncNow = jdbc.sql("SHOW fsync").query(String.class).single();
        UUID company = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        companies.create(company, "Timeline Bench Co");
        AccrualData data = new AccrualData(jdbc, company);
        data.employee(admin, "Admin", HISTORY);
        Map<String, Object> v1 = AccrualData.time("MONTHLY", "START_OF_PERIOD", 800, "DAYS_ACTIVE",
                Map.of("bank_cap_minutes", 12_000, "carryover", Map.of("enabled", true, "cap_minutes", 4_800)));
        var policy = data.policy("vacation", v1, HISTORY);
        long t0 = System.nanoTime();
        seed(company, policy, employees);
        jdbc.sql("ANALYZE").update();
        double seed = seconds(t0);
        progress.set(WorkerCycle.DEFAULT_JOB, HORIZON);
        jdbc.sql("UPDATE job_progress SET first_completed_date = :d WHERE job = :job").param("d", HISTORY)
                .param("job", WorkerCycle.DEFAULT_JOB).update();

        long t1 = System.nanoTime();
        var first = recalculation.recalculatePolicy(company, policy.id(), HORIZON, "bench: three years from nothing");
        double fromNothing = seconds(t1);
        jdbc.sql("ANALYZE").update();

        data.version(policy.id(), 2, AccrualData.time("MONTHLY", "START_OF_PERIOD", 1000, "DAYS_ACTIVE",
                Map.of("bank_cap_minutes", 12_000, "carryover", Map.of("enabled", true, "cap_minutes", 4_800))), LocalDate.parse("2023-07-01"));
        long t2 = System.nanoTime();
        var corrected = recalculation.recalculatePolicy(company, policy.id(), HORIZON, "bench: version 2 from 2023-07-01");
        double backdated = seconds(t2);

        long t3 = System.nanoTime();
        var nothing = recalculation.recalculatePolicy(company, policy.id(), HORIZON, "bench: nothing changed");
        double unchanged = seconds(t3);
        assertThat(nothing.entriesPosted()).isZero();

        Caller caller = new Caller(admin, company, Role.ADMIN);
        PolicySimulator.Body draft = new PolicySimulator.Body(new PolicyBodies.VersionBody(LocalDate.parse("2025-01-01"),
                mapper.valueToTree(AccrualData.time("MONTHLY", "START_OF_PERIOD", 1200, "DAYS_ACTIVE",
                        Map.of("part_time_proration", true, "bank_cap_minutes", 9_600))), null), HORIZON);
        long t4 = System.nanoTime();
        var simulation = new TransactionTemplate(transactions).execute(s -> simulator.simulate(caller, company, policy.id(), draft));
        double simulate = seconds(t4);
        assertThat(simulation.totals().employees()).isEqualTo(employees);

        List<UUID> ids = jdbc.sql("SELECT employee_id FROM assignments WHERE company_id = :c ORDER BY employee_id LIMIT :n")
                .param("c", company).param("n", singles).query(UUID.class).list();
        List<Double> millis = new ArrayList<>();
        long correctionsPosted = 0;
        for (UUID e : ids) {
            long before = rows(company);
            long s = System.nanoTime();
            adjustments.adjust(caller, company, new AdjustmentBody(e, policy.id(), 2400L, "late entry", null, LocalDate.parse("2023-06-15")));
            millis.add((System.nanoTime() - s) / 1e6);
            correctionsPosted += rows(company) - before - 1;
        }
        Collections.sort(millis);
        boolean reconciled = recalculation.differences(company).isEmpty() && ledger.reconcile(company).clean();

        String report = String.format(java.util.Locale.ROOT, """
                employees=%d
                fsync=%s
                seed_seconds=%.2f
                from_nothing_seconds=%.2f
                from_nothing_entries=%d
                backdated_seconds=%.2f
                backdated_entries=%d
                unchanged_seconds=%.2f
                simulate_seconds=%.2f
                simulate_gain=%d
                simulate_lose=%d
                singles=%d
                single_corrections_posted=%d
                single_median_ms=%.1f
                single_p95_ms=%.1f
                single_max_ms=%.1f
                reconciled=%s
                """, employees, fsyncNow, seed, fromNothing, first.entriesPosted(), backdated, corrected.entriesPosted(), unchanged,
                simulate, simulation.totals().gain(), simulation.totals().lose(), ids.size(), correctionsPosted,
                millis.get(millis.size() / 2), millis.get((int) Math.floor(millis.size() * 0.95)), millis.get(millis.size() - 1),
                reconciled);
        System.out.println("BENCHMARK\n" + report);
        Path out = Path.of(System.getProperty("bench.out", "target-bench/timeline-bench.properties"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        assertThat(reconciled).isTrue();
    }

    /**
     * Employees hired on spread days of 2023, assigned from their hire date; nine days of leave each
     * (three a year, one or two days, approved: request, per-day split, USAGE), snapshots = ledger.
     */
    private void seed(UUID company, AccrualData.Policy policy, int employees) {
        Map<String, Object> p = Map.of("c", company, "cs", company.toString(), "p", policy.id(), "v", policy.versionId(),
                "n", employees);
        jdbc.sql("""
                INSERT INTO employees (company_id, id, first_name, last_name, email, hire_date, timezone)
                SELECT :c, md5(:cs || 'e' || g)::uuid, 'E' || g, 'Bench', 'e' || g || '@timeline.test', DATE '2023-01-01' + (g % 365),
                       CASE WHEN g % 3 = 0 THEN 'Pacific/Auckland' ELSE 'Europe/Berlin' END
                FROM generate_series(1, :n) g
                """).params(p).update();
        jdbc.sql("""
                INSERT INTO assignments (company_id, id, employee_id, policy_id, effective_from, created_by)
                SELECT :c, gen_random_uuid(), md5(:cs || 'e' || g)::uuid, :p, DATE '2023-01-01' + (g % 365), :c
                FROM generate_series(1, :n) g
                """).params(p).update();
        jdbc.sql("""
                INSERT INTO requests (company_id, id, employee_id, policy_id, start_at, end_at, requested_minutes, status, submitted_at)
                SELECT :c, md5(:cs || 'r' || g || ':' || k)::uuid, md5(:cs || 'e' || g)::uuid, :p,
                       (DATE '2024-02-05' + (k * 120 + g % 90)) + TIME '08:00', (DATE '2024-02-05' + (k * 120 + g % 90)) + TIME '16:00'
                       + (k % 2) * INTERVAL '1 day', 480 * (1 + k % 2), 'APPROVED',
                       (DATE '2024-01-05' + (k * 120 + g % 90)) + TIME '12:00'
                FROM generate_series(1, :n) g CROSS JOIN generate_series(0, 5) k
                """).params(p).update();
        jdbc.sql("""
                INSERT INTO request_days (company_id, request_id, day, minutes)
                SELECT r.company_id, r.id, CAST(r.start_at AS date) + d, 480
                FROM requests r CROSS JOIN generate_series(0, 1) d
                WHERE r.company_id = :c AND d * 480 < r.requested_minutes
                """).params(p).update();
        jdbc.sql("""
                INSERT INTO ledger_entries (company_id, id, employee_id, policy_id, policy_version_id, entry_type, amount_minutes,
                                            effective_at, source_type, source_id)
                SELECT r.company_id, gen_random_uuid(), r.employee_id, r.policy_id, :v, 'USAGE', -r.requested_minutes, r.start_at,
                       'REQUEST', r.id::text
                FROM requests r WHERE r.company_id = :c
                """).params(p).update();
        jdbc.sql("""
                INSERT INTO balance_snapshots (company_id, employee_id, policy_id, used_minutes)
                SELECT company_id, employee_id, policy_id, -sum(amount_minutes) FROM ledger_entries
                WHERE company_id = :c GROUP BY company_id, employee_id, policy_id
                """).params(p).update();
    }

    private long rows(UUID company) {
        return jdbc.sql("SELECT count(*) FROM ledger_entries WHERE company_id = :c").param("c", company).query(Long.class).single();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
