package com.powerpto.accrual;

import com.powerpto.PowerPtoApplication;
import com.powerpto.ledger.BalanceKey;
import com.powerpto.ledger.BalanceRule;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.LedgerPosting;
import com.powerpto.ledger.LedgerService;
import com.powerpto.ledger.SourceType;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accrual benchmark (bench/accrual/run.sh; not part of the test suite: the class name matches
 * none of surefire's includes). 100,000 employees on a MONTHLY policy, one run on the 1st, a rerun
 * of the same date, and the row-by-row alternative (LedgerService.post per employee) on a subset.
 */
@SpringBootTest(classes = PowerPtoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class AccrualBenchmark {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CompanyRepository companies;
    @Autowired
    AccrualService accruals;
    @Autowired
    LedgerService ledger;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void benchmark() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("bench.employees") != null,
                "only run by bench/accrual/run.sh (it needs its own database)");
        int employees = Integer.getInteger("bench.employees", 100_000);
        int subset = Integer.getInteger("bench.rowByRow", 5_000);
        // fsync: on when bench/recalc/run.sh gives the cluster a data directory (pto.embedded.data-dir)
        String fsyncNow = jdbc.sql("SHOW fsync").query(String.class).single();
        UUID company = UUID.randomUUID();
        companies.create(company, "Bench Co");
        AccrualData data = new AccrualData(jdbc, company);
        var policy = data.policy("monthly", AccrualData.time("MONTHLY", "START_OF_PERIOD", 800, "DAYS_ACTIVE", Map.of()),
                LocalDate.parse("2024-01-01"));
        long t0 = System.nanoTime();
        data.employeesOnPolicy(employees, policy, LocalDate.parse("2025-01-01"));
        jdbc.sql("ANALYZE").update();
        double setup = seconds(t0);

        LocalDate day = LocalDate.parse("2025-03-01");
        long t1 = System.nanoTime();
        RunResult first = accruals.runAndRecord(JobKind.TIME_ACCRUAL, day, null, null);
        double firstRun = seconds(t1);
        assertThat(first.totals().accrued).isEqualTo(employees);

        long t2 = System.nanoTime();
        RunResult rerun = accruals.runAndRecord(JobKind.TIME_ACCRUAL, day, null, null);
        double rerunTime = seconds(t2);
        assertThat(rerun.totals().accrued).isZero();
        long ledgerRows = jdbc.sql("SELECT count(*) FROM ledger_entries WHERE company_id = :c").param("c", company)
                .query(Long.class).single();
        assertThat(ledgerRows).isEqualTo(employees);

        // Row by row: one transaction and one LedgerService.post per employee (what a naive job would do).
        List<UUID> ids = jdbc.sql("SELECT id FROM employees WHERE company_id = :c ORDER BY id LIMIT :n")
                .param("c", company).param("n", subset).query(UUID.class).list();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        LocalDate next = LocalDate.parse("2025-04-01");
        long t3 = System.nanoTime();
        for (UUID e : ids) {
            tx.executeWithoutResult(s -> ledger.post(new BalanceKey(company, e, policy.id()), BalanceRule.NO_NEGATIVE,
                    List.of(new LedgerPosting(EntryType.ACCRUAL, 800, policy.versionId(),
                            next.atStartOfDay(ZoneOffset.UTC).toInstant(), SourceType.SYSTEM,
                            "accrual:" + policy.id() + ":" + e + ":" + next, Map.of("rate_minutes", 800)))));
        }
        double rowByRow = seconds(t3);
        double rowByRowPerRow = rowByRow / ids.size();
        double projected = rowByRowPerRow * employees;
        boolean clean = ledger.reconcile(company).clean();

        String report = String.format(java.util.Locale.ROOT, """
                employees=%d
                fsync=%s
                setup_seconds=%.2f
                first_run_seconds=%.2f
                first_run_accrued=%d
                rerun_seconds=%.2f
                rerun_accrued=%d
                row_by_row_rows=%d
                row_by_row_seconds=%.2f
                row_by_row_projected_seconds=%.1f
                ratio_row_by_row_over_batch=%.1f
                reconcile_clean=%s
                """, employees, fsyncNow, setup, firstRun, first.totals().accrued, rerunTime, rerun.totals().accrued, ids.size(),
                rowByRow, projected, projected / firstRun, clean);
        System.out.println("BENCHMARK\n" + report);
        Path out = Path.of(System.getProperty("bench.out", "target-bench/accrual-bench.properties"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        assertThat(clean).isTrue();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
