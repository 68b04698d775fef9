package com.powerpto.accrual.worker;

import com.powerpto.accrual.AccrualData;
import com.powerpto.accrual.AccrualService;
import com.powerpto.accrual.BatchGate;
import com.powerpto.accrual.JobProgressRepository;
import com.powerpto.ledger.LedgerService;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Person;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The worker loop against the real database, confined to one test company and its own job_progress row. */
class AccrualWorkerTest extends ApiTest {

    static final LocalDate START = LocalDate.parse("2025-01-01");

    @Autowired
    DataSource dataSource;
    @Autowired
    AccrualService accruals;
    @Autowired
    JobProgressRepository progress;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerService ledger;
    @Autowired
    MeterRegistry meters;

    Person admin;
    AccrualData data;
    AccrualData.Policy daily;
    List<UUID> employees = new ArrayList<>();
    String job;
    long lockKey;

    @BeforeEach
    void company() {
        admin = fixtures.newCompanyAdmin();
        data = new AccrualData(jdbc, admin.companyId());
        daily = data.policy("daily", AccrualData.time("DAILY", "END_OF_PERIOD", 20, "NONE", Map.of()), START);
        for (int i = 0; i < 8; i++) {
            UUID e = data.employee("W" + i, null);
            data.assign(daily, e, START, null);
            employees.add(e);
        }
        job = "test-" + UUID.randomUUID();
        lockKey = UUID.randomUUID().getMostSignificantBits();
        progress.set(job, START.minusDays(1));
    }

    private WorkerCycle cycle(LocalDate today) {
        return new WorkerCycle(dataSource, accruals, progress, () -> today, job, admin.companyId(), lockKey);
    }

    /** Exactly one accrual per employee and date from START to {@code last}, none after. */
    private void assertEachDateOnce(LocalDate last) {
        int days = (int) (last.toEpochDay() - START.toEpochDay()) + 1;
        for (UUID e : employees) {
            List<AccrualData.Entry> entries = data.entries(e, daily.id());
            assertThat(entries).hasSize(days);
            assertThat(entries.stream().map(AccrualData.Entry::effectiveDate).distinct().count()).isEqualTo(days);
            assertThat(entries).allMatch(x -> x.amount() == 20);
        }
        List<Map<String, Object>> runs = jdbc.sql("""
                SELECT target_date, count(*) AS n FROM accrual_runs WHERE company_id = :c AND job = 'TIME_ACCRUAL'
                GROUP BY target_date HAVING count(*) <> 1""").param("c", admin.companyId()).query().listOfRows();
        assertThat(runs).as("dates recorded more than once").isEmpty();
        assertThat(progress.lastCompleted(job)).contains(last);
        assertThat(ledger.reconcile(admin.companyId()).clean()).isTrue();
    }

    @Test
    void catchesUpEveryMissedDateInOrder() {
        double before = meters.counter("accrual.job.success", "job", "time_accrual").count();
        assertThat(cycle(START.plusDays(9)).runOnce(BatchGate.OPEN)).isEqualTo(WorkerCycle.Outcome.DONE);
        assertEachDateOnce(START.plusDays(9));
        assertThat(cycle(START.plusDays(9)).runOnce(BatchGate.OPEN)).isEqualTo(WorkerCycle.Outcome.DONE);
        assertEachDateOnce(START.plusDays(9));
        assertThat(meters.counter("accrual.job.success", "job", "time_accrual").count()).isEqualTo(before + 10);
    }

    @Test
    void firstEverRunDoesTodayOnly() {
        String fresh = "test-" + UUID.randomUUID();
        WorkerCycle first = new WorkerCycle(dataSource, accruals, progress, () -> START.plusDays(4), fresh,
                admin.companyId(), lockKey);
        assertThat(first.runOnce(BatchGate.OPEN)).isEqualTo(WorkerCycle.Outcome.DONE);
        assertThat(progress.lastCompleted(fresh)).contains(START.plusDays(4));
        assertThat(data.entries(employees.get(0), daily.id())).extracting(AccrualData.Entry::effectiveDate)
                .containsExactly(START.plusDays(4));
    }

    @Test
    void aCrashBetweenBatchesOrBeforeTheDateIsRecordedLosesAndDuplicatesNothing() {
        LocalDate today = START.plusDays(9);
        // Each date calls the gate before its accrual batch (0) and before its final transaction (-1).
        AtomicInteger calls = new AtomicInteger();
        BatchGate crashAfterWrites = batch -> {
            if (calls.incrementAndGet() == 8) { // the final transaction of the 4th date: its ledger rows are committed
                throw new IllegalStateException("simulated SIGKILL");
            }
        };
        assertThat(cycle(today).runOnce(crashAfterWrites)).isEqualTo(WorkerCycle.Outcome.FAILED);
        assertThat(progress.lastCompleted(job)).contains(START.plusDays(2));
        assertThat(data.entries(employees.get(0), daily.id())).hasSize(4);

        calls.set(0);
        BatchGate crashBeforeWrites = batch -> {
            // The 4th date is rerun first: all its rows are already posted, so it has no batch, only
            // its final transaction (call 1); call 2 is the accrual batch of the 5th date.
            if (calls.incrementAndGet() == 2) {
                throw new BatchGate.StopRequested();
            }
        };
        assertThat(cycle(today).runOnce(crashBeforeWrites)).isEqualTo(WorkerCycle.Outcome.STOPPED);
        assertThat(progress.lastCompleted(job)).contains(START.plusDays(3));
        assertThat(data.entries(employees.get(0), daily.id())).hasSize(4);

        assertThat(cycle(today).runOnce(BatchGate.OPEN)).isEqualTo(WorkerCycle.Outcome.DONE);
        assertEachDateOnce(today);
    }

    @Test
    void stoppingTheWorkerThreadMidRunAndStartingAgain() throws Exception {
        LocalDate today = START.plusDays(89);
        AccrualWorker worker = new AccrualWorker(cycle(today), Duration.ofHours(1), Duration.ZERO);
        worker.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (progress.lastCompleted(job).orElseThrow().isBefore(START.plusDays(5)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        worker.stop(); // like SIGTERM: finishes the batch in flight, leaves the current date unrecorded
        assertThat(worker.isRunning()).isFalse();
        LocalDate stoppedAt = progress.lastCompleted(job).orElseThrow();
        assertThat(stoppedAt).isBefore(today);
        for (UUID e : employees) {
            // Every recorded date is complete; at most the interrupted date is partly written, never twice.
            List<AccrualData.Entry> entries = data.entries(e, daily.id());
            assertThat(entries.size()).isBetween((int) (stoppedAt.toEpochDay() - START.toEpochDay()) + 1,
                    (int) (stoppedAt.toEpochDay() - START.toEpochDay()) + 2);
            assertThat(entries.stream().map(AccrualData.Entry::effectiveDate).distinct().count()).isEqualTo(entries.size());
        }
        AccrualWorker restarted = new AccrualWorker(cycle(today), Duration.ofHours(1), Duration.ZERO);
        restarted.start();
        deadline = System.currentTimeMillis() + 120_000;
        while (!progress.lastCompleted(job).orElseThrow().equals(today) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        restarted.stop();
        assertEachDateOnce(today);
    }

    @Test
    void twoWorkersAtOnceProcessEachDateOnce() throws Exception {
        LocalDate today = START.plusDays(59);
        WorkerCycle a = cycle(today);
        WorkerCycle b = cycle(today);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<WorkerCycle.Outcome> first = pool.submit(() -> {
                go.await();
                return a.runOnce(BatchGate.OPEN);
            });
            Future<WorkerCycle.Outcome> second = pool.submit(() -> {
                go.await();
                return b.runOnce(BatchGate.OPEN);
            });
            go.countDown();
            List<WorkerCycle.Outcome> outcomes = List.of(first.get(), second.get());
            assertThat(outcomes).contains(WorkerCycle.Outcome.DONE);
            assertThat(outcomes).doesNotContain(WorkerCycle.Outcome.FAILED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(b.runOnce(BatchGate.OPEN)).isEqualTo(WorkerCycle.Outcome.DONE);
        assertEachDateOnce(today);
    }

    @Test
    void aReplicaHoldingTheLockMakesTheCycleWait() throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            statement.setLong(1, lockKey);
            statement.execute();
            assertThat(cycle(START.plusDays(3)).runOnce(BatchGate.OPEN)).isEqualTo(WorkerCycle.Outcome.LOCK_BUSY);
            assertThat(data.ledgerCount()).isZero();
            try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, lockKey);
                unlock.execute();
            }
        }
        assertThat(cycle(START.plusDays(3)).runOnce(BatchGate.OPEN)).isEqualTo(WorkerCycle.Outcome.DONE);
        assertEachDateOnce(START.plusDays(3));
    }

    @Test
    void aBadRowIsCountedAndDoesNotStopTheRun() {
        var broken = data.policy("broken", AccrualData.time("DAILY", "END_OF_PERIOD", 20, "NONE", Map.of()), START);
        jdbc.sql("UPDATE policy_versions SET settings = settings - 'rate_minutes_per_day' WHERE company_id = :c AND id = :v")
                .param("c", admin.companyId()).param("v", broken.versionId()).update();
        data.assign(broken, employees.get(0), START, null);
        double failures = meters.counter("accrual.job.failure", "job", "time_accrual").count();
        long before = data.ledgerCount();
        assertThatThrownBy(() -> accruals.runDate(START, admin.companyId(), job, BatchGate.OPEN))
                .isInstanceOf(com.powerpto.accrual.AccrualService.IncompleteDate.class);
        assertThat(data.ledgerCount() - before).as("the good rows are posted").isEqualTo(8);
        assertThat(meters.counter("accrual.job.failure", "job", "time_accrual").count()).isEqualTo(failures + 1);
        // review fix 2: a date with row errors is not recorded complete; the next cycle retries it
        assertThat(progress.lastCompleted(job)).isNotEqualTo(java.util.Optional.of(START));
        assertThat(cycle(START).runOnce(BatchGate.OPEN)).isEqualTo(WorkerCycle.Outcome.FAILED);
        jdbc.sql("UPDATE policy_versions SET settings = settings || '{\"rate_minutes_per_day\": 20}' WHERE company_id = :c AND id = :v")
                .param("c", admin.companyId()).param("v", broken.versionId()).update();
        assertThat(cycle(START).runOnce(BatchGate.OPEN)).isEqualTo(WorkerCycle.Outcome.DONE);
        assertThat(progress.lastCompleted(job)).contains(START);
        assertThat(data.ledgerCount() - before).as("the fixed row is posted on the retry").isEqualTo(9);
        assertThatThrownBy(() -> accruals.runDate(START.plusDays(1), admin.companyId(), job, batch -> {
            throw new BatchGate.StopRequested();
        })).isInstanceOf(BatchGate.StopRequested.class);
    }
}
