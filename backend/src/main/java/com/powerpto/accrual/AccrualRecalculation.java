package com.powerpto.accrual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.accrual.calc.ExpectedAccruals;
import com.powerpto.accrual.calc.ExpectedAccruals.Expected;
import com.powerpto.accrual.calc.ExpectedAccruals.Fix;
import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.accrual.worker.WorkerCycle;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.LedgerBatchWriter;
import com.powerpto.ledger.LedgerBatchWriter.BatchPosting;
import com.powerpto.ledger.SourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Expected vs posted (docs/corrections.md): recomputes the time accruals of balances from their
 * effective-dated inputs up to the last date the accrual worker completed (the horizon; later dates
 * are the worker's catch-up) and posts only the difference — an ordinary ACCRUAL for a date with
 * nothing in the ledger, an ACCRUAL_CORRECTION (either sign) for a date that holds the wrong amount.
 * Idempotent: source ids are per date (and per correction number), so a second run posts nothing.
 * <p>
 * Entry points for other features: {@link #recalculateEmployee} (synchronous, in the caller's
 * transaction: assignment created or ended, hire date changed, termination) and
 * {@link #enqueuePolicy} (a policy version effective in the past: durable queue, done by the worker).
 */
@Service
public class AccrualRecalculation {

    /** The actor of worker-side recalculations in the audit log. */
    public static final UUID SYSTEM_ACTOR = new UUID(0, 0);

    private static final Logger log = LoggerFactory.getLogger(AccrualRecalculation.class);
    private static final int CHUNK = 1000;

    private final RecalcRepository repository;
    private final LedgerBatchWriter writer;
    private final JobProgressRepository progress;
    private final AuditService audit;
    private final ObjectMapper mapper;
    private final TransactionTemplate tx;

    public AccrualRecalculation(RecalcRepository repository, LedgerBatchWriter writer, JobProgressRepository progress,
                                AuditService audit, ObjectMapper mapper, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.writer = writer;
        this.progress = progress;
        this.audit = audit;
        this.mapper = mapper;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What a recalculation did (or, for a check, would do). */
    public record Result(LocalDate through, int balancesChecked, int balancesCorrected, int entriesPosted,
                         long minutesAdded, long minutesTakenBack) {

        static Result none() {
            return new Result(null, 0, 0, 0, 0, 0);
        }

        Result plus(Result o) {
            return new Result(through != null ? through : o.through, balancesChecked + o.balancesChecked,
                    balancesCorrected + o.balancesCorrected, entriesPosted + o.entriesPosted,
                    minutesAdded + o.minutesAdded, minutesTakenBack + o.minutesTakenBack);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("through", through == null ? null : through.toString());
            m.put("balances_checked", balancesChecked);
            m.put("balances_corrected", balancesCorrected);
            m.put("entries_posted", entriesPosted);
            m.put("minutes_added", minutesAdded);
            m.put("minutes_taken_back", minutesTakenBack);
            return m;
        }
    }

    /** A balance whose posted time accruals differ from the expected ones (reconciliation). */
    public record Difference(UUID companyId, UUID employeeId, UUID policyId, LocalDate through, long expectedMinutes,
                             long postedMinutes, int dates) {
    }

    /** The last date the accrual worker completed: recalculations cover dates up to it. Empty = never ran. */
    public Optional<LocalDate> horizon() {
        return progress.lastCompleted(WorkerCycle.DEFAULT_JOB);
    }

    /**
     * Recalculates every time-accrual balance of the employee up to the horizon, in the caller's
     * transaction (or its own), and audits what it posted. Nothing happens before the worker ever ran.
     */
    @Transactional
    public Result recalculateEmployee(UUID companyId, UUID employeeId, String cause) {
        return horizon().map(h -> recalculateEmployee(companyId, employeeId, cause, h, SYSTEM_ACTOR)).orElse(Result.none());
    }

    /** As above with an explicit last date and actor (admin endpoint, tests, benchmarks). */
    @Transactional
    public Result recalculateEmployee(UUID companyId, UUID employeeId, String cause, LocalDate through, UUID actorId) {
        Result result = apply(companyId, List.of(employeeId), null, through, cause);
        if (result.entriesPosted() > 0) {
            Map<String, Object> after = new LinkedHashMap<>(result.toMap());
            after.put("cause", cause);
            audit.record(companyId, actorId, AuditEntityType.ACCRUAL, employeeId, AuditAction.UPDATE, null, after);
        }
        return result;
    }

    /**
     * Queues every balance of the policy for the worker when {@code effectiveFrom} is on or before the
     * horizon (a version that changes dates already run); audits and returns how many were queued.
     */
    @Transactional
    public int enqueuePolicy(UUID companyId, UUID policyId, LocalDate effectiveFrom, String cause, UUID actorId) {
        Optional<LocalDate> horizon = horizon();
        if (horizon.isEmpty() || effectiveFrom.isAfter(horizon.get())) {
            return 0;
        }
        int queued = repository.enqueuePolicy(companyId, policyId, horizon.get(), cause);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("recalculation", "queued");
        after.put("cause", cause);
        after.put("balances_to_recalculate", queued);
        after.put("from", effectiveFrom.toString());
        after.put("through", horizon.get().toString());
        audit.record(companyId, actorId, AuditEntityType.ACCRUAL, policyId, AuditAction.UPDATE, null, after);
        return queued;
    }

    /**
     * Works the queue off in transactions of up to {@code batch} balances (claimed with SKIP LOCKED,
     * removed in the transaction that posts their corrections, so a crash leaves them queued).
     */
    public Result processQueue(int batch, BatchGate gate) {
        Optional<LocalDate> horizon = horizon();
        if (horizon.isEmpty()) {
            return Result.none();
        }
        Result total = Result.none();
        for (int round = 0; ; round++) {
            gate.beforeBatch(round);
            Result r = tx.execute(status -> processClaimed(batch, horizon.get()));
            if (r == null || r.balancesChecked() == 0) {
                return total;
            }
            total = total.plus(r);
        }
    }

    public long queued(UUID companyOrNull) {
        return repository.queued(companyOrNull);
    }

    private Result processClaimed(int batch, LocalDate through) {
        List<RecalcRepository.Queued> claimed = repository.claim(batch);
        Map<List<Object>, List<UUID>> groups = new LinkedHashMap<>();
        for (RecalcRepository.Queued q : claimed) {
            groups.computeIfAbsent(List.of(q.companyId(), q.policyId(), q.cause()), k -> new ArrayList<>()).add(q.employeeId());
        }
        Result total = Result.none();
        for (Map.Entry<List<Object>, List<UUID>> g : groups.entrySet()) {
            UUID company = (UUID) g.getKey().get(0);
            UUID policy = (UUID) g.getKey().get(1);
            Result r = apply(company, g.getValue(), policy, through, (String) g.getKey().get(2));
            repository.dequeue(company, policy, g.getValue());
            // the queue row counts as checked even if the employee has no TIME span left
            total = total.plus(new Result(r.through(), Math.max(r.balancesChecked(), g.getValue().size()),
                    r.balancesCorrected(), r.entriesPosted(), r.minutesAdded(), r.minutesTakenBack()));
            if (r.entriesPosted() > 0) {
                Map<String, Object> after = new LinkedHashMap<>(r.toMap());
                after.put("cause", g.getKey().get(2));
                audit.record(company, SYSTEM_ACTOR, AuditEntityType.ACCRUAL, policy, AuditAction.UPDATE, null, after);
            }
        }
        return total;
    }

    /**
     * The reconciliation's second check: every balance whose time accruals up to the horizon differ
     * from the expected ones. Empty when the worker never ran (nothing is expected to be posted yet).
     */
    @Transactional(readOnly = true)
    public List<Difference> differences(UUID companyOrNull) {
        Optional<LocalDate> horizon = horizon();
        List<Difference> differences = new ArrayList<>();
        if (horizon.isEmpty()) {
            return differences;
        }
        for (UUID company : repository.companiesWithTimePolicies(companyOrNull)) {
            List<UUID> employees = repository.employeesWithTimeAssignments(company, null);
            for (int from = 0; from < employees.size(); from += CHUNK) {
                List<UUID> chunk = employees.subList(from, Math.min(employees.size(), from + CHUNK));
                for (Plan p : plan(company, chunk, null, horizon.get())) {
                    if (!p.fixes().isEmpty()) {
                        differences.add(new Difference(company, p.key().employeeId(), p.key().policyId(), horizon.get(),
                                ExpectedAccruals.total(p.expected()), p.postedTotal(), p.fixes().size()));
                    }
                }
            }
        }
        return differences;
    }

    /** Recalculates a whole policy of a company now, in chunks of employees (benchmarks, operations). */
    public Result recalculatePolicy(UUID companyId, UUID policyId, LocalDate through, String cause) {
        List<UUID> employees = repository.employeesWithTimeAssignments(companyId, policyId);
        Result total = Result.none();
        for (int from = 0; from < employees.size(); from += CHUNK) {
            List<UUID> chunk = employees.subList(from, Math.min(employees.size(), from + CHUNK));
            Result r = tx.execute(status -> apply(companyId, chunk, policyId, through, cause));
            total = total.plus(r);
        }
        return total;
    }

    /** One balance's expected accruals, the fixes to post and what the ledger holds up to the horizon. */
    record Plan(RecalcRepository.Key key, List<Expected> expected, List<Fix> fixes, long postedTotal) {
    }

    private Result apply(UUID companyId, Collection<UUID> employees, UUID policyOrNull, LocalDate through, String cause) {
        List<Plan> plans = plan(companyId, employees, policyOrNull, through);
        List<BatchPosting> postings = new ArrayList<>();
        for (Plan p : plans) {
            for (Fix fix : p.fixes()) {
                postings.add(posting(companyId, p.key(), fix, cause));
            }
        }
        Set<RecalcRepository.Key> corrected = new HashSet<>();
        int posted = 0;
        long added = 0;
        long takenBack = 0;
        for (LedgerBatchWriter.Outcome o : writer.write(postings)) {
            if (o.appended()) {
                posted++;
                corrected.add(new RecalcRepository.Key(o.posting().employeeId(), o.posting().policyId()));
                if (o.grantedMinutes() > 0) {
                    added += o.grantedMinutes();
                } else {
                    takenBack -= o.grantedMinutes();
                }
            }
        }
        if (posted > 0) {
            log.info("accrual recalculation {}: {} entries on {} balances (+{} / -{} minutes) through {}", cause, posted,
                    corrected.size(), added, takenBack, through);
        }
        return new Result(through, plans.size(), corrected.size(), posted, added, takenBack);
    }

    List<Plan> plan(UUID companyId, Collection<UUID> employees, UUID policyOrNull, LocalDate through) {
        List<RecalcRepository.SpanRow> spans = repository.spans(companyId, employees, policyOrNull, through);
        if (spans.isEmpty()) {
            return List.of();
        }
        Map<RecalcRepository.Key, List<RecalcRepository.SpanRow>> byKey = new LinkedHashMap<>();
        Set<UUID> policies = new HashSet<>();
        Set<UUID> inPlay = new HashSet<>();
        for (RecalcRepository.SpanRow s : spans) {
            byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
            policies.add(s.key().policyId());
            inPlay.add(s.key().employeeId());
        }
        Map<UUID, List<ExpectedAccruals.Version>> versions = repository.versions(companyId, policies);
        Map<RecalcRepository.Key, Map<LocalDate, ExpectedAccruals.Posted>> posted = posted(companyId, inPlay, policies);
        boolean capped = versions.values().stream().flatMap(List::stream).anyMatch(v -> v.bankCapMinutes() != null);
        Map<RecalcRepository.Key, List<ExpectedAccruals.Movement>> movements = capped
                ? repository.movements(companyId, inPlay, policies) : Map.of();
        List<Plan> plans = new ArrayList<>(byKey.size());
        for (Map.Entry<RecalcRepository.Key, List<RecalcRepository.SpanRow>> e : byKey.entrySet()) {
            List<ExpectedAccruals.Span> keySpans = e.getValue().stream()
                    .map(s -> new ExpectedAccruals.Span(s.from(), s.toExclusive())).toList();
            List<Expected> expected = ExpectedAccruals.expected(keySpans,
                    versions.getOrDefault(e.getKey().policyId(), List.of()), e.getValue().get(0).hireDate(), through,
                    movements.getOrDefault(e.getKey(), List.of()));
            Map<LocalDate, ExpectedAccruals.Posted> held = posted.getOrDefault(e.getKey(), Map.of());
            long postedTotal = held.entrySet().stream().filter(x -> !x.getKey().isAfter(through))
                    .mapToLong(x -> x.getValue().minutes()).sum();
            plans.add(new Plan(e.getKey(), expected, ExpectedAccruals.diff(expected, held, through), postedTotal));
        }
        return plans;
    }

    private Map<RecalcRepository.Key, Map<LocalDate, ExpectedAccruals.Posted>> posted(UUID companyId, Collection<UUID> employees,
                                                                                     Collection<UUID> policies) {
        Map<RecalcRepository.Key, Map<LocalDate, ExpectedAccruals.Posted>> posted = new HashMap<>();
        for (RecalcRepository.PostedRow row : repository.posted(companyId, employees, policies)) {
            posted.computeIfAbsent(row.key(), k -> new HashMap<>()).merge(row.date(),
                    new ExpectedAccruals.Posted(row.minutes(), 1, row.correction() ? 1 : 0, row.versionId()),
                    (a, b) -> new ExpectedAccruals.Posted(a.minutes() + b.minutes(), a.entries() + b.entries(),
                            a.corrections() + b.corrections(), a.versionId() != null ? a.versionId() : b.versionId()));
        }
        return posted;
    }

    private BatchPosting posting(UUID companyId, RecalcRepository.Key key, Fix fix, String cause) {
        String base = key.policyId() + ":" + key.employeeId() + ":" + fix.date();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", "recalculation");
        m.put("cause", cause);
        m.put("accrual_date", fix.date().toString());
        m.put("expected_minutes", fix.expected());
        m.put("previously_posted_minutes", fix.posted());
        m.put("correction_minutes", fix.delta());
        m.put("reason", fix.delta() > 0 ? "earned but not posted" : "posted but no longer earned");
        Expected e = fix.expectation();
        if (e != null) {
            m.put("rate_minutes", e.grant().rate());
            m.put("period_start", e.grant().period().first().toString());
            m.put("period_end", e.grant().period().last().toString());
            m.put("active_days", e.grant().activeDays());
            m.put("period_days", e.grant().period().days());
            m.put("prorated", e.grant().prorated());
            if (e.capApplied()) {
                m.put("bank_cap_minutes", e.bankCapMinutes());
                m.put("cap_applied", true);
                m.put("uncapped_minutes", e.uncapped());
            }
        }
        EntryType type = fix.canonical() ? EntryType.ACCRUAL : EntryType.ACCRUAL_CORRECTION;
        String sourceId = fix.canonical() ? RecalcRepository.ACCRUAL_PREFIX + base
                : RecalcRepository.CORRECTION_PREFIX + base + ":" + fix.sequence();
        return new BatchPosting(companyId, key.employeeId(), key.policyId(), fix.versionId(), type, fix.delta(), null,
                fix.date().atStartOfDay(ZoneOffset.UTC).toInstant(), SourceType.SYSTEM, sourceId, json(m));
    }

    private String json(Map<String, Object> m) {
        try {
            return mapper.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
