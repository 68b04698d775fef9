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
    private MutableClock clock;

    private WorkerHorizon(JobProgressRepository progress, JdbcClient jdbc) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.last = progress.lastCompleted(WorkerCycle.DEFAULT_JOB);
        this.first = progress.firstCompleted(WorkerCycle.DEFAULT_JOB);
    }

    public static WorkerHorizon save(JobProgressRepository progress, JdbcClient jdbc) {
        return new WorkerHorizon(progress, jdbc);
    }

    /**
     * Saves the horizon, then sets the clock to {@code instant} and the worker's last completed date to
     * that day: the worker has run through today. {@link #restore()} resets the clock too.
     */
    public static WorkerHorizon today(JobProgressRepository progress, JdbcClient jdbc, MutableClock clock, String instant) {
        WorkerHorizon saved = new WorkerHorizon(progress, jdbc);
        saved.clock = clock;
        clock.set(instant);
        progress.set(WorkerCycle.DEFAULT_JOB, LocalDate.parse(instant.substring(0, 10)));
        return saved;
    }

    public void restore() {
        if (clock != null) {
            clock.reset();
        }
        if (last.isEmpty()) {
            jdbc.sql("DELETE FROM job_progress WHERE job = :job").param("job", WorkerCycle.DEFAULT_JOB).update();
            return;
        }
        progress.set(WorkerCycle.DEFAULT_JOB, last.get());
        jdbc.sql("UPDATE job_progress SET first_completed_date = :first WHERE job = :job")
                .param("first", first.orElse(last.get())).param("job", WorkerCycle.DEFAULT_JOB).update();
    }
}
