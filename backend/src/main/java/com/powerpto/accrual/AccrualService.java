package com.powerpto.accrual;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the accrual jobs: admin-triggered runs for one company, and whole dates for the worker
 * (the carryovers of the date, then its expirations, then its time grants — each what the balances'
 * timelines say for the date; the date is recorded as completed in {@code job_progress} in the same
 * transaction as its run records and audit rows).
 */
@Service
public class AccrualService {

    private static final Logger log = LoggerFactory.getLogger(AccrualService.class);

    private final TimelineJob timeline;
    private final RunRecorder recorder;
    private final AccrualMetrics metrics;
    private final JobProgressRepository progress;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    public AccrualService(TimelineJob timeline, RunRecorder recorder, AccrualMetrics metrics, JobProgressRepository progress,
                          PlatformTransactionManager transactions, java.time.Clock clock) {
        this.clock = clock;
        this.timeline = timeline;
        this.recorder = recorder;
        this.metrics = metrics;
        this.progress = progress;
        this.tx = new TransactionTemplate(transactions);
    }

    // ---- admin triggers -------------------------------------------------------------------

    public Map<String, Object> triggerTimeAccrual(Caller caller, UUID companyId, String targetDate) {
        caller.adminOf(companyId);
        LocalDate day = notInFuture(parseDate(targetDate));
        RunResult run = runAndRecord(JobKind.TIME_ACCRUAL, day, companyId, caller.userId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target_date", day.toString());
        body.put("processed", run.totals().processed);
        body.put("accrued", run.totals().accrued);
        body.put("skipped", run.totals().skipped);
        body.put("errors", run.totals().errors);
        return body;
    }

    public Map<String, Object> triggerCarryover(Caller caller, UUID companyId, String targetDate) {
        caller.adminOf(companyId);
        LocalDate day = notInFuture(parseDate(targetDate));
        return carryoverShape(runAndRecord(JobKind.CARRYOVER, day, companyId, caller.userId()));
    }

    public Map<String, Object> triggerExpiration(Caller caller, UUID companyId, String targetDate) {
        caller.adminOf(companyId);
        LocalDate day = notInFuture(parseDate(targetDate));
        return carryoverShape(runAndRecord(JobKind.EXPIRATION, day, companyId, caller.userId()));
    }

    private static Map<String, Object> carryoverShape(RunResult run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target_date", run.targetDate().toString());
        body.put("carryovers_processed", run.totals().carried);
        body.put("expirations_processed", run.totals().expired);
        body.put("skipped", run.totals().skipped);
        body.put("errors", run.totals().errors);
        return body;
    }

    /** A date that has not begun yet (UTC) cannot be run: its inputs may still change (issue 14 review). */
    private LocalDate notInFuture(LocalDate day) {
        if (day.isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("target_date", "must not be in the future (today is " + LocalDate.now(clock) + " UTC)");
        }
        return day;
    }

    static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("target_date", "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("target_date", "must be a date YYYY-MM-DD");
        }
    }

    // ---- runs -----------------------------------------------------------------------------

    /** Runs one job for one date and records it (own transactions); failures count as a failed run. */
    public RunResult runAndRecord(JobKind job, LocalDate day, UUID companyOrNull, UUID actorId) {
        RunTrigger trigger = actorId == null ? RunTrigger.WORKER : RunTrigger.ADMIN;
        RunResult run;
        try {
            run = run(job, day, companyOrNull, trigger, BatchGate.OPEN);
            tx.executeWithoutResult(status -> recorder.record(run, actorId));
        } catch (RuntimeException e) {
            metrics.failure(job);
            throw e;
        }
        metrics.outcome(run);
        recorder.log(run);
        return run;
    }

    RunResult run(JobKind job, LocalDate day, UUID companyOrNull, RunTrigger trigger, BatchGate gate) {
        if (job == JobKind.PAYROLL) {
            throw new IllegalArgumentException("payroll runs come from the webhook");
        }
        return timeline.run(job, day, companyOrNull, trigger, gate);
    }

    /**
     * The worker's unit of work: every job of one date, in order (carryover before the date's
     * accruals, so a January 1 grant is never carried or expired with the old year), then one
     * transaction records the runs, the audit rows and the completed date. A failure or a stop
     * leaves the date unrecorded: the next cycle runs it again and the ledger's unique key makes
     * the rerun write only what is missing.
     */
    public List<RunResult> runDate(LocalDate day, UUID companyOrNull, String progressJob, BatchGate gate) {
        List<RunResult> runs = new ArrayList<>();
        for (JobKind job : List.of(JobKind.CARRYOVER, JobKind.EXPIRATION, JobKind.TIME_ACCRUAL)) {
            try {
                runs.add(run(job, day, companyOrNull, RunTrigger.WORKER, gate));
            } catch (BatchGate.StopRequested e) {
                throw e;
            } catch (RuntimeException e) {
                metrics.failure(job);
                log.error("accrual job {} for {} failed; the date will be retried: {}", job.tag(), day, e.toString(), e);
                throw e;
            }
        }
        gate.beforeBatch(-1);
        long rowErrors = runs.stream().mapToLong(run -> run.totals().errors).sum();
        tx.executeWithoutResult(status -> {
            runs.forEach(run -> recorder.record(run, null));
            if (rowErrors == 0) {
                progress.complete(progressJob, day);
            }
        });
        runs.forEach(run -> {
            metrics.outcome(run);
            recorder.log(run);
        });
        if (rowErrors > 0) {
            // Not recorded as complete: the next cycle runs the date again (idempotent) and the
            // rows that failed (a failover mid-run, a bad row) get another chance.
            throw new IncompleteDate(day, rowErrors);
        }
        return runs;
    }

    /** A date whose run had row errors: recorded, but not completed, so the worker retries it. */
    public static final class IncompleteDate extends RuntimeException {
        public IncompleteDate(LocalDate day, long errors) {
            super(day + " had " + errors + " row errors; not recorded as complete, retried next cycle");
        }
    }
}
