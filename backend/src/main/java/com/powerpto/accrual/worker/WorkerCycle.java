package com.powerpto.accrual.worker;

import com.powerpto.accrual.AccrualService;
import com.powerpto.accrual.BatchGate;
import com.powerpto.accrual.JobProgressRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One worker cycle: take the PostgreSQL session advisory lock on a dedicated connection (another
 * replica holding it = nothing to do this cycle), then run every date from
 * {@code job_progress.last_completed_date + 1} to today in order (first ever run: today only).
 * Each date is recorded as completed in the same transaction as its run records, so a crash
 * mid-date reruns that date, and the ledger's unique key makes the rerun write only what is missing.
 */
public class WorkerCycle {

    /** The advisory lock key of the accrual worker ("PTOACCRU" as a number). */
    public static final long DEFAULT_LOCK_KEY = 0x50544F4143435255L;
    public static final String DEFAULT_JOB = "accrual";

    private static final Logger log = LoggerFactory.getLogger(WorkerCycle.class);

    public enum Outcome { DONE, LOCK_BUSY, STOPPED, FAILED }

    private final DataSource dataSource;
    private final AccrualService accruals;
    private final JobProgressRepository progress;
    private final Supplier<LocalDate> today;
    private final String job;
    private final UUID companyScope;
    private final long lockKey;

    /**
     * @param job          the {@code job_progress} row of this worker ({@link #DEFAULT_JOB} in production)
     * @param companyScope null = every company (production); a company id confines the cycle (tests)
     */
    public WorkerCycle(DataSource dataSource, AccrualService accruals, JobProgressRepository progress,
                       Supplier<LocalDate> today, String job, UUID companyScope, long lockKey) {
        this.dataSource = dataSource;
        this.accruals = accruals;
        this.progress = progress;
        this.today = today;
        this.job = job;
        this.companyScope = companyScope;
        this.lockKey = lockKey;
    }

    public Outcome runOnce(BatchGate gate) {
        try (Connection lockConnection = dataSource.getConnection()) {
            if (!tryLock(lockConnection)) {
                log.info("accrual worker: another replica holds the lock, waiting for the next cycle");
                return Outcome.LOCK_BUSY;
            }
            try {
                return catchUp(gate);
            } finally {
                unlock(lockConnection);
            }
        } catch (SQLException e) {
            log.error("accrual worker: cannot take the advisory lock: {}", e.toString());
            return Outcome.FAILED;
        }
    }

    private Outcome catchUp(BatchGate gate) {
        LocalDate end = today.get();
        LocalDate day = progress.lastCompleted(job).map(d -> d.plusDays(1)).orElse(end);
        for (; !day.isAfter(end); day = day.plusDays(1)) {
            try {
                accruals.runDate(day, companyScope, job, gate);
            } catch (BatchGate.StopRequested e) {
                log.info("accrual worker: stopped during {}; the date will be run again", day);
                return Outcome.STOPPED;
            } catch (RuntimeException e) {
                log.error("accrual worker: {} failed, retrying next cycle: {}", day, e.toString());
                return Outcome.FAILED;
            }
        }
        return Outcome.DONE;
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, lockKey);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, lockKey);
            statement.execute();
        } catch (SQLException e) {
            // Closing the session releases it anyway; a pooled connection is evicted on error.
            log.warn("accrual worker: advisory unlock failed: {}", e.toString());
        }
    }
}
