package com.powerpto.accrual;

import com.powerpto.PowerPtoApplication;
import com.powerpto.accrual.worker.WorkerCycle;
import com.powerpto.platform.company.CompanyRepository;
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
 * The recalculation benchmark (bench/recalc/run.sh; not part of the suite: the class name matches
 * none of surefire's includes). A company of {@code bench.employees} (10,000) on a MONTHLY policy
 * with 2026's accruals posted; a policy version backdated six months (Jun 1, raise 800 → 1,000) is
 * queued and fully recalculated by the worker's queue loop; then single-employee recalculations
 * (an assignment ended in the past) are timed one transaction each. With {@code pto.embedded.data-dir}
 * set the embedded cluster is not a throwaway one and runs with fsync, synchronous_commit and
 * full_page_writes on (as make bench runs PostgreSQL).
 */
@SpringBootTest(classes = PowerPtoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class RecalcBenchmark {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CompanyRepository companies;
    @Autowired
    AccrualService accruals;
    @Autowired
    AccrualRecalculation recalculation;
    @Autowired
    JobProgressRepository progress;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void benchmark() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("bench.employees") != null,
                "only run by bench/recalc/run.sh (it needs its own database)");
        int employees = Integer.getInteger("bench.employees", 10_000);
        int singles = Integer.getInteger("bench.singles", 200);
        // fsync: on when bench/recalc/run.sh gives the cluster a data directory (pto.embedded.data-dir)
        String fsyncNow = jdbc.sql("SHOW fsync").query(String.class).single();
        UUID company = UUID.randomUUID();
        companies.create(company, "Recalc Bench Co");
        AccrualData data = new AccrualData(jdbc, company);
        var policy = data.policy("monthly", AccrualData.time("MONTHLY", "START_OF_PERIOD", 800, "DAYS_ACTIVE", Map.of()),
                LocalDate.parse("2024-01-01"));
        data.employeesOnPolicy(employees, policy, LocalDate.parse("2026-01-01"));
        // The worker has run every 1st of 2026 (Jan 1 .. Dec 1) and is complete up to Dec 3.
        long t0 = System.nanoTime();
        for (int month = 1; month <= 12; month++) {
            accruals.runAndRecord(JobKind.TIME_ACCRUAL, LocalDate.of(2026, month, 1), company, null);
        }
        double history = seconds(t0);
        LocalDate horizon = LocalDate.parse("2026-12-03");
        progress.set(WorkerCycle.DEFAULT_JOB, horizon);
        jdbc.sql("ANALYZE").update();

        // A raise effective six months back: version 2 from Jun 1 (1,000 a month).
        long t1 = System.nanoTime();
        data.version(policy.id(), 2, AccrualData.time("MONTHLY", "START_OF_PERIOD", 1000, "DAYS_ACTIVE", Map.of()),
                LocalDate.parse("2026-06-01"));
        int queued = new TransactionTemplate(transactions).execute(s -> recalculation.enqueuePolicy(company, policy.id(),
                LocalDate.parse("2026-06-01"), "bench: raise from Jun 1", AccrualRecalculation.SYSTEM_ACTOR));
        double enqueue = seconds(t1);
        long t2 = System.nanoTime();
        var result = recalculation.processQueue(1000, BatchGate.OPEN);
        double policyWide = seconds(t2);
        assertThat(queued).isEqualTo(employees);
        assertThat(result.entriesPosted()).isEqualTo(employees * 7L);
        long t3 = System.nanoTime();
        var again = recalculation.recalculatePolicy(company, policy.id(), horizon, "bench: second pass");
        double secondPass = seconds(t3);
        assertThat(again.entriesPosted()).isZero();

        // Single employees: end the assignment on Nov 16 (the past) and recalculate, one transaction each.
        List<UUID> ids = jdbc.sql("SELECT employee_id FROM assignments WHERE company_id = :c ORDER BY employee_id LIMIT :n")
                .param("c", company).param("n", singles).query(UUID.class).list();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<Double> millis = new ArrayList<>();
        for (UUID e : ids) {
            jdbc.sql("UPDATE assignments SET effective_to = DATE '2026-11-16' WHERE company_id = :c AND employee_id = :e")
                    .param("c", company).param("e", e).update();
            long s = System.nanoTime();
            var r = tx.execute(status -> recalculation.recalculateEmployee(company, e, "bench: ended Nov 16"));
            millis.add((System.nanoTime() - s) / 1e6);
            assertThat(r.entriesPosted()).isEqualTo(2);
        }
        Collections.sort(millis);
        double median = millis.get(millis.size() / 2);
        double p95 = millis.get((int) Math.floor(millis.size() * 0.95));
        double max = millis.get(millis.size() - 1);
        long differences = recalculation.differences(company).size();

        String report = String.format(java.util.Locale.ROOT, """
                employees=%d
                fsync=%s
                history_seconds=%.2f
                enqueue_seconds=%.3f
                queued=%d
                policy_wide_seconds=%.2f
                policy_wide_entries=%d
                second_pass_seconds=%.2f
                second_pass_entries=%d
                singles=%d
                single_median_ms=%.1f
                single_p95_ms=%.1f
                single_max_ms=%.1f
                expected_equals_posted=%s
                """, employees, fsyncNow, history, enqueue, queued, policyWide, result.entriesPosted(), secondPass,
                again.entriesPosted(), ids.size(), median, p95, max, differences == 0);
        System.out.println("BENCHMARK\n" + report);
        Path out = Path.of(System.getProperty("bench.out", "target-bench/recalc-bench.properties"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        assertThat(differences).isZero();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
