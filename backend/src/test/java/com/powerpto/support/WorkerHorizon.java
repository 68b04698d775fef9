package com.powerpto.support;

import com.powerpto.accrual.JobProgressRepository;
import com.powerpto.accrual.worker.WorkerCycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The worker's completed dates (last and first) of the daily job, saved before a test moves them and
 * put back afterwards: the test classes share one database, and the horizon decides what corrections,
 * forecasts and reconciliation look at.
 */
public final class WorkerHorizon {

    private final JobProgressRepository progress;
    private final JdbcClient jdbc;
    private final Optional<LocalDate> last;
    private final Optional<LocalDate> first;

    private WorkerHorizon(JobProgressRepository progress, JdbcClient jdbc) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.last = progress.lastCompleted(WorkerCycle.DEFAULT_JOB);
        this.first = progress.firstCompleted(WorkerCycle.DEFAULT_JOB);
    }

    public static WorkerHorizon save(JobProgressRepository progress, JdbcClient jdbc) {
        return new WorkerHorizon(progress, jdbc);
    }

    public void restore() {
        if (last.isEmpty()) {
            jdbc.sql("DELETE FROM job_progress WHERE job = :job").param("job", WorkerCycle.DEFAULT_JOB).update();
            return;
        }
        progress.set(WorkerCycle.DEFAULT_JOB, last.get());
        jdbc.sql("UPDATE job_progress SET first_completed_date = :first WHERE job = :job")
                .param("first", first.orElse(last.get())).param("job", WorkerCycle.DEFAULT_JOB).update();
    }
}
