package com.powerpto.accrual;

import com.powerpto.accrual.worker.WorkerCycle;
import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.events.BalanceInputChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Corrections (docs/corrections.md): when an input of a balance changes with effect on dates the
 * accrual worker already ran (up to its last completed date, the horizon), the difference between
 * the timeline and the ledger is posted, for every kind of event — grants, payroll accruals, carryover,
 * expirations. Triggered by {@link BalanceInputChanged}, which the features that own the inputs
 * publish: one employee's change is corrected in the caller's transaction; a policy-wide or bulk
 * change goes to the durable queue the worker works off (decision 0012).
 */
@Service
public class AccrualRecalculation {

    /** The actor of worker-side recalculations in the audit log. */
    public static final UUID SYSTEM_ACTOR = new UUID(0, 0);
    /** Up to this many employees a change is corrected at once; more go to the queue. */
    static final int SYNCHRONOUS_EMPLOYEES = 50;
    static final String JOB = "recalculation";
    private static final int CHUNK = 1000;

    private final RecalcRepository queue;
    private final TimelineRepository timelines;
    private final TimelinePoster poster;
    private final JobProgressRepository progress;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final ParallelBatches parallel;

    public AccrualRecalculation(RecalcRepository queue, TimelineRepository timelines, TimelinePoster poster,
                                JobProgressRepository progress, AuditService audit, PlatformTransactionManager transactions,
                                ParallelBatches parallel) {
        this.queue = queue;
        this.timelines = timelines;
        this.poster = poster;
        this.progress = progress;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.parallel = parallel;
    }

    /** The last date the accrual worker completed: corrections cover dates up to it. Empty = never ran. */
    public Optional<LocalDate> horizon() {
        return progress.lastCompleted(WorkerCycle.DEFAULT_JOB);
    }

    /** An input changed: correct what it changed on dates the worker already ran. */
    @EventListener
    public void inputChanged(BalanceInputChanged change) {
        Optional<LocalDate> horizon = horizon();
        if (horizon.isEmpty() || change.from().isAfter(horizon.get())) {
            return; // nothing posted yet on the dates it changes: the worker will post them with the new inputs
        }
        if (change.employeeIds().isEmpty()) {
            enqueuePolicy(change.companyId(), change.policyId(), change.from(), change.cause(), change.actorId());
        } else if (change.employeeIds().size() > SYNCHRONOUS_EMPLOYEES) {
            int queued = queue.enqueueEmployees(change.companyId(), change.policyId(), change.employeeIds(), change.cause());
            auditQueued(change.companyId(), change.policyId() != null ? change.policyId() : change.companyId(), change.cause(),
                    queued, change.from(), horizon.get(), change.actorId());
        } else {
            for (UUID employee : change.employeeIds()) {
                recalculateEmployee(change.companyId(), employee, change.cause(), horizon.get(), SYSTEM_ACTOR);
            }
        }
    }

    /** Corrects every balance of the employee up to the horizon, in the caller's transaction. */
    @Transactional
    public TimelinePoster.Result recalculateEmployee(UUID companyId, UUID employeeId, String cause) {
        return horizon().map(h -> recalculateEmployee(companyId, employeeId, cause, h, SYSTEM_ACTOR))
                .orElse(TimelinePoster.Result.none(null));
    }

    /** As above with an explicit last date and actor (admin endpoint, tests, benchmarks); audited when it posts. */
    @Transactional
    public TimelinePoster.Result recalculateEmployee(UUID companyId, UUID employeeId, String cause, LocalDate through,
                                                     UUID actorId) {
        TimelinePoster.Result result = poster.post(companyId, List.of(employeeId), null,
                TimelinePoster.Scope.through(through, JOB, cause, true));
        if (result.entriesPosted() > 0) {
            Map<String, Object> after = new LinkedHashMap<>(result.toMap());
            after.put("cause", cause);
            audit.record(companyId, actorId, AuditEntityType.ACCRUAL, employeeId, AuditAction.UPDATE, null, after);
        }
        return result;
    }

    /**
     * Queues every balance of the policy for the worker when {@code effectiveFrom} is on or before the
     * horizon (a change of dates already run); audits and returns how many were queued.
     */
    @Transactional
    public int enqueuePolicy(UUID companyId, UUID policyId, LocalDate effectiveFrom, String cause, UUID actorId) {
        Optional<LocalDate> horizon = horizon();
        if (horizon.isEmpty() || effectiveFrom.isAfter(horizon.get())) {
            return 0;
        }
        int queued = queue.enqueuePolicy(companyId, policyId, horizon.get(), cause);
        auditQueued(companyId, policyId, cause, queued, effectiveFrom, horizon.get(), actorId);
        return queued;
    }

    private void auditQueued(UUID companyId, UUID entityId, String cause, int queued, LocalDate from, LocalDate through,
                             UUID actorId) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("recalculation", "queued");
        after.put("cause", cause);
        after.put("balances_to_recalculate", queued);
        after.put("from", from.equals(LocalDate.MIN) ? null : from.toString());
        after.put("through", through.toString());
        audit.record(companyId, actorId, AuditEntityType.ACCRUAL, entityId, AuditAction.UPDATE, null, after);
    }

    /**
     * Works the queue off in transactions of up to {@code batch} balances (claimed with SKIP LOCKED,
     * removed in the transaction that posts their corrections, so a crash leaves them queued).
     */
    public TimelinePoster.Result processQueue(int batch, BatchGate gate) {
        Optional<LocalDate> horizon = horizon();
        if (horizon.isEmpty()) {
            return TimelinePoster.Result.none(null);
        }
        TimelinePoster.Result total = TimelinePoster.Result.none(horizon.get());
        // each round claims as many batches as there are writers; SKIP LOCKED keeps the claims disjoint
        List<Integer> claims = Collections.nCopies(parallel.writers(), batch);
        while (true) {
            boolean claimedAny = false;
            for (TimelinePoster.Result r : parallel.run(claims, gate, size -> tx.execute(status -> processClaimed(size, horizon.get())))) {
                if (r != null && r.balancesChecked() > 0) {
                    claimedAny = true;
                    total = total.plus(r);
                }
            }
            if (!claimedAny) {
                return total;
            }
        }
    }

    public long queued(UUID companyOrNull) {
        return queue.queued(companyOrNull);
    }

    private TimelinePoster.Result processClaimed(int batch, LocalDate through) {
        Map<List<Object>, List<UUID>> groups = new LinkedHashMap<>();
        for (RecalcRepository.Queued q : queue.claim(batch)) {
            groups.computeIfAbsent(List.of(q.companyId(), q.policyId(), q.cause()), k -> new ArrayList<>()).add(q.employeeId());
        }
        TimelinePoster.Result total = TimelinePoster.Result.none(through);
        for (Map.Entry<List<Object>, List<UUID>> g : groups.entrySet()) {
            UUID company = (UUID) g.getKey().get(0);
            UUID policy = (UUID) g.getKey().get(1);
            String cause = (String) g.getKey().get(2);
            TimelinePoster.Result r = poster.post(company, g.getValue(), policy, TimelinePoster.Scope.through(through, JOB, cause, false));
            queue.dequeue(company, policy, g.getValue());
            // a queued row counts as checked even if its balance has no assignment left
            total = total.plus(new TimelinePoster.Result(r.through(), Math.max(r.balancesChecked(), g.getValue().size()),
                    r.balancesCorrected(), r.entriesPosted(), r.minutesAdded(), r.minutesTakenBack()));
            if (r.entriesPosted() > 0) {
                Map<String, Object> after = new LinkedHashMap<>(r.toMap());
                after.put("cause", cause);
                audit.record(company, SYSTEM_ACTOR, AuditEntityType.ACCRUAL, policy, AuditAction.UPDATE, null, after);
            }
        }
        return total;
    }

    /** Corrects a whole policy of a company now, in chunks of employees (benchmarks, operations). */
    public TimelinePoster.Result recalculatePolicy(UUID companyId, UUID policyOrNull, LocalDate through, String cause) {
        List<UUID> employees = timelines.assignedEmployees(companyId, policyOrNull);
        TimelinePoster.Result total = TimelinePoster.Result.none(through);
        for (TimelinePoster.Result r : parallel.run(ParallelBatches.chunks(employees, CHUNK), BatchGate.OPEN, chunk -> tx.execute(status -> poster.post(companyId,
                chunk, policyOrNull, TimelinePoster.Scope.through(through, JOB, cause, false))))) {
            total = total.plus(r);
        }
        return total;
    }

    /**
     * The reconciliation's second check: every balance whose ledger differs from its timeline for the
     * dates the worker was responsible for (its first to its last completed date). Empty when the
     * worker never ran (nothing is expected to be posted yet).
     */
    public List<TimelinePoster.Difference> differences(UUID companyOrNull) {
        Optional<LocalDate> horizon = horizon();
        List<TimelinePoster.Difference> differences = new ArrayList<>();
        if (horizon.isEmpty()) {
            return differences;
        }
        LocalDate first = progress.firstCompleted(WorkerCycle.DEFAULT_JOB).orElse(LocalDate.MIN);
        for (UUID company : timelines.companiesWithAccruals(companyOrNull)) {
            List<UUID> employees = timelines.assignedEmployees(company, null);
            for (List<UUID> chunk : ParallelBatches.chunks(employees, CHUNK)) {
                differences.addAll(poster.differences(company, chunk, first, horizon.get()));
            }
        }
        return differences;
    }
}
