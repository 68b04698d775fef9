package com.powerpto.accrual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.accrual.calc.CarryoverDates;
import com.powerpto.accrual.timeline.BalanceInputs;
import com.powerpto.accrual.timeline.Timeline;
import com.powerpto.accrual.timeline.TimelineEvent;
import com.powerpto.accrual.timeline.TimelineEvent.Kind;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.LedgerBatchWriter;
import com.powerpto.ledger.LedgerBatchWriter.BatchPosting;
import com.powerpto.ledger.SourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The daily run of one date: it posts what the balances' timelines say for that date
 * ({@link Timeline}, docs/worker.md). One set-based read finds the balances that may have an event on
 * the date. A time grant that no bank cap limits depends on nothing but the date's inputs, so those
 * are computed from that read alone and written in {@code pto.accrual.batch-size} statements (the
 * 100,000-employee path); every other event — a capped grant, a carryover, an expiry — needs the
 * balance's history, so those balances are played whole, {@code pto.accrual.chunk-size} employees per
 * transaction, through {@link TimelinePoster}. Either way, only the date's events are written and a
 * rerun writes nothing (each event's source id).
 */
@Component
public class TimelineJob {

    private static final Logger log = LoggerFactory.getLogger(TimelineJob.class);
    static final Set<Kind> EXPIRIES = EnumSet.of(Kind.EXPIRY_ON_DATE, Kind.EXPIRY_AFTER_LAST_GRANT, Kind.CARRIED_EXPIRY);

    private final AccrualRepository repository;
    private final TimelinePoster poster;
    private final LedgerBatchWriter writer;
    private final TransactionTemplate tx;
    private final ParallelBatches parallel;
    private final ObjectMapper mapper;
    private final int batchSize;
    private final int chunkSize;

    public TimelineJob(AccrualRepository repository, TimelinePoster poster, LedgerBatchWriter writer,
                       PlatformTransactionManager transactions, ParallelBatches parallel, ObjectMapper mapper,
                       @Value("${pto.accrual.batch-size:5000}") int batchSize,
                       @Value("${pto.accrual.chunk-size:500}") int chunkSize) {
        this.repository = repository;
        this.poster = poster;
        this.writer = writer;
        this.tx = new TransactionTemplate(transactions);
        this.parallel = parallel;
        this.mapper = mapper;
        this.batchSize = Math.max(1, batchSize);
        this.chunkSize = Math.max(1, chunkSize);
    }

    /** The kinds of event a job posts. */
    static Set<Kind> kinds(JobKind job) {
        return switch (job) {
            case TIME_ACCRUAL -> EnumSet.of(Kind.GRANT);
            case CARRYOVER -> EnumSet.of(Kind.CARRYOVER);
            case EXPIRATION -> EXPIRIES;
            case PAYROLL -> EnumSet.of(Kind.PAYROLL);
        };
    }

    /** A balance that may have an event on the date, from the candidates' rows. */
    record Balance(UUID companyId, UUID employeeId, UUID policyId, List<AccrualRepository.Candidate> rows) {

        AccrualRepository.Candidate first() {
            return rows.get(0);
        }
    }

    public RunResult run(JobKind job, LocalDate day, UUID companyOrNull, RunTrigger trigger, BatchGate gate) {
        Instant started = Instant.now();
        Map<UUID, RunCounts> byCompany = new LinkedHashMap<>();
        Map<UUID, AccrualSettings> versions = repository.versions(day, companyOrNull);
        Map<List<UUID>, List<UUID>> played = new LinkedHashMap<>(); // (company, policy) → employees
        Iterator<Balance> balances = balances(repository.candidates(day, companyOrNull)).iterator();
        int[] batch = {0};
        BatchGate counted = ignored -> gate.beforeBatch(batch[0]++);
        // The grants are computed a batch at a time while the batches before are being written.
        writeGrants(day, ParallelBatches.madeOnDemand(balances, batchSize, b -> route(job, day, b, versions, byCompany, played)),
                byCompany, counted);
        play(job, day, played, byCompany, counted);
        RunCounts totals = new RunCounts();
        byCompany.values().forEach(totals::add);
        return new RunResult(UUID.randomUUID(), job, day, companyOrNull, trigger, started, totals, byCompany, true);
    }

    /** Counts a balance's error, queues it to be played, or returns its fast grant. */
    private Optional<BatchPosting> route(JobKind job, LocalDate day, Balance b, Map<UUID, AccrualSettings> versions,
                                         Map<UUID, RunCounts> byCompany, Map<List<UUID>, List<UUID>> played) {
        RunCounts counts = byCompany.computeIfAbsent(b.companyId(), k -> new RunCounts());
        try {
            switch (classify(job, day, b, versions)) {
                case NOTHING -> { }
                case ERROR -> {
                    counts.processed++;
                    counts.errors++;
                    log.error("{} of {} for employee {} policy {}: the policy version's settings are unreadable",
                            job.tag(), day, b.employeeId(), b.policyId());
                }
                case FAST -> {
                    return fastGrant(day, b, versions.get(b.first().versionOnDay()), counts);
                }
                case PLAY -> played.computeIfAbsent(List.of(b.companyId(), b.policyId()), k -> new ArrayList<>())
                        .add(b.employeeId());
            }
        } catch (RuntimeException e) {
            counts.processed++;
            counts.errors++;
            log.error("{} of {} for employee {} policy {} failed: {}", job.tag(), day, b.employeeId(), b.policyId(), e.toString());
        }
        return Optional.empty();
    }

    private static List<Balance> balances(List<AccrualRepository.Candidate> candidates) {
        Map<List<UUID>, Balance> byKey = new LinkedHashMap<>();
        for (AccrualRepository.Candidate c : candidates) {
            byKey.computeIfAbsent(List.of(c.companyId(), c.employeeId(), c.policyId()),
                    k -> new Balance(c.companyId(), c.employeeId(), c.policyId(), new ArrayList<>())).rows().add(c);
        }
        return new ArrayList<>(byKey.values());
    }

    enum Path { NOTHING, ERROR, FAST, PLAY }

    /**
     * How a balance is handled on {@code day} for {@code job}: a time grant without a bank cap is
     * computed from the day's inputs (FAST); an event that depends on the balance's history is played
     * from its whole timeline (PLAY).
     */
    static Path classify(JobKind job, LocalDate day, Balance b, Map<UUID, AccrualSettings> versions) {
        AccrualRepository.Candidate c = b.first();
        UUID onDay = b.rows().stream().map(AccrualRepository.Candidate::versionOnDay).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        UUID onEve = b.rows().stream().map(AccrualRepository.Candidate::versionOnEve).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        boolean activeOnDay = b.rows().stream().anyMatch(r -> !r.assignmentFrom().isAfter(day)
                && (r.assignmentTo() == null || r.assignmentTo().isAfter(day)));
        AccrualSettings today = onDay == null ? null : versions.get(onDay);
        AccrualSettings eve = onEve == null ? null : versions.get(onEve);
        return switch (job) {
            case TIME_ACCRUAL -> {
                if (onDay == null || !activeOnDay) {
                    yield Path.NOTHING;
                }
                if (today == null) {
                    yield Path.ERROR;
                }
                if (!today.isTime()) {
                    yield Path.NOTHING;
                }
                yield today.bankCapMinutes() == null ? Path.FAST : Path.PLAY;
            }
            case CARRYOVER -> {
                if (onEve == null) {
                    yield Path.NOTHING;
                }
                if (eve == null) {
                    yield day.getDayOfYear() == 1 ? Path.ERROR : Path.NOTHING;
                }
                boolean reset = eve.carryover().enabled()
                        && CarryoverDates.isResetDate(day, eve.carryover().reset(), anchor(c));
                yield reset ? Path.PLAY : Path.NOTHING;
            }
            case EXPIRATION -> {
                if (onDay != null && today == null && activeOnDay) {
                    yield Path.ERROR;
                }
                yield expiryPossible(day, c, today) || expiryPossible(day, c, eve) ? Path.PLAY : Path.NOTHING;
            }
            case PAYROLL -> Path.NOTHING;
        };
    }

    private static boolean expiryPossible(LocalDate day, AccrualRepository.Candidate c, AccrualSettings s) {
        if (s == null) {
            return false;
        }
        var e = s.expiration();
        boolean onDate = e.enabled() && e.month() != null && e.day() != null
                && day.getMonthValue() == e.month() && day.getDayOfMonth() == e.day();
        boolean afterLastGrant = e.enabled() && e.expiresAfterDays() != null;
        Integer carried = s.carryover().enabled() ? s.carryover().expiresAfterDays() : null;
        boolean carriedDue = carried != null
                && CarryoverDates.isResetDate(day.minusDays(carried), s.carryover().reset(), anchor(c));
        return onDate || afterLastGrant || carriedDue;
    }

    /** What a hire anniversary counts from: the hire date, else the assignment's start. */
    static LocalDate anchor(AccrualRepository.Candidate c) {
        return c.hireDate() != null ? c.hireDate() : c.assignmentFrom();
    }

    /** The uncapped grant of the day from the candidate rows alone (the same grant the whole timeline makes). */
    private Optional<BatchPosting> fastGrant(LocalDate day, Balance b, AccrualSettings settings, RunCounts counts) {
        AccrualRepository.Candidate c = b.first();
        if (!c.employed()) {
            return Optional.empty();
        }
        UUID version = c.versionOnDay();
        BalanceInputs inputs = new BalanceInputs(
                List.of(new BalanceInputs.Employment(c.hireDate(), c.lastDay())),
                b.rows().stream().map(r -> new BalanceInputs.Span(r.assignmentFrom(), r.assignmentTo())).toList(),
                List.of(new BalanceInputs.Version(version, day, day.plusDays(1), settings.rules())),
                List.of(new BalanceInputs.Schedule(LocalDate.MIN, c.weeklyMinutes())),
                List.of(), List.of(), List.of(), c.openingAsOf());
        Optional<TimelineEvent> grant = Timeline.uncappedGrantOn(inputs, day);
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        counts.processed++;
        if (c.grantPosted() || !c.employeeActive()) {
            counts.skipped++;
            return Optional.empty();
        }
        TimelineEvent g = grant.get();
        return Optional.of(new BatchPosting(b.companyId(), b.employeeId(), b.policyId(), version, EntryType.ACCRUAL,
                g.amount(), day.atStartOfDay(ZoneOffset.UTC).toInstant(), SourceType.SYSTEM,
                "accrual:" + b.policyId() + ":" + b.employeeId() + ":" + day, json(g.cause())));
    }

    /** What one batch of grants wrote: the outcomes, and the postings that failed even alone. */
    private record Written(List<LedgerBatchWriter.Outcome> outcomes, List<BatchPosting> failed) { }

    private void writeGrants(LocalDate day, Iterable<List<BatchPosting>> slices, Map<UUID, RunCounts> byCompany, BatchGate gate) {
        for (Written written : parallel.run(slices, gate, slice -> writeSlice(day, slice))) {
            written.outcomes().forEach(o -> countGrant(byCompany, o));
            written.failed().forEach(p -> byCompany.get(p.companyId()).errors++);
        }
    }

    private Written writeSlice(LocalDate day, List<BatchPosting> slice) {
        try {
            return new Written(tx.execute(status -> writer.write(slice)), List.of());
        } catch (RuntimeException batchFailure) {
            log.warn("time accrual batch of {} rows for {} failed, retrying row by row: {}", slice.size(), day,
                    batchFailure.toString());
            List<LedgerBatchWriter.Outcome> outcomes = new ArrayList<>();
            List<BatchPosting> failed = new ArrayList<>();
            for (BatchPosting posting : slice) {
                try {
                    outcomes.addAll(tx.execute(status -> writer.write(List.of(posting))));
                } catch (RuntimeException rowFailure) {
                    failed.add(posting);
                    log.error("time accrual {} failed: {}", posting.sourceId(), rowFailure.toString());
                }
            }
            return new Written(outcomes, failed);
        }
    }

    private static void countGrant(Map<UUID, RunCounts> byCompany, LedgerBatchWriter.Outcome outcome) {
        RunCounts counts = byCompany.get(outcome.posting().companyId());
        if (outcome.appended()) {
            counts.accrued++;
            counts.accruedMinutes += outcome.grantedMinutes();
        } else {
            counts.skipped++;
        }
    }

    /** Employees of one policy of one company, played in one transaction. */
    private record Chunk(UUID company, UUID policy, List<UUID> employees) { }

    /** Plays the balances whose event depends on their history, a chunk of employees per transaction. */
    private void play(JobKind job, LocalDate day, Map<List<UUID>, List<UUID>> played, Map<UUID, RunCounts> byCompany,
                      BatchGate gate) {
        Set<Kind> kinds = kinds(job);
        TimelinePoster.Scope scope = new TimelinePoster.Scope(day, (key, date) -> kinds.contains(key.kind()) && date.equals(day),
                job.tag(), "daily run of " + day, false);
        List<Chunk> chunks = new ArrayList<>();
        for (Map.Entry<List<UUID>, List<UUID>> group : played.entrySet()) {
            for (List<UUID> employees : ParallelBatches.chunks(group.getValue(), chunkSize)) {
                chunks.add(new Chunk(group.getKey().get(0), group.getKey().get(1), employees));
            }
        }
        List<RunCounts> results = parallel.run(chunks, gate, chunk -> playOrRetry(job, day, chunk, scope));
        for (int i = 0; i < chunks.size(); i++) {
            byCompany.computeIfAbsent(chunks.get(i).company(), k -> new RunCounts()).add(results.get(i));
        }
    }

    private RunCounts playOrRetry(JobKind job, LocalDate day, Chunk chunk, TimelinePoster.Scope scope) {
        try {
            return tx.execute(status -> playChunk(job, chunk.company(), chunk.policy(), chunk.employees(), scope));
        } catch (RuntimeException chunkFailure) {
            log.warn("{} of {}: a chunk of {} balances failed, retrying one by one: {}", job.tag(), day, chunk.employees().size(),
                    chunkFailure.toString());
            RunCounts counts = new RunCounts();
            for (UUID employee : chunk.employees()) {
                try {
                    counts.add(tx.execute(status -> playChunk(job, chunk.company(), chunk.policy(), List.of(employee), scope)));
                } catch (RuntimeException rowFailure) {
                    counts.processed++;
                    counts.errors++;
                    log.error("{} of {} for employee {} policy {} failed: {}", job.tag(), day, employee, chunk.policy(),
                            rowFailure.toString());
                }
            }
            return counts;
        }
    }

    private RunCounts playChunk(JobKind job, UUID company, UUID policy, List<UUID> employees, TimelinePoster.Scope scope) {
        TimelinePoster.Prepared prepared = poster.prepare(company, employees, policy, scope);
        List<LedgerBatchWriter.Outcome> outcomes = writer.write(prepared.postings());
        RunCounts counts = new RunCounts();
        counts.processed = prepared.events().values().stream().mapToLong(Integer::longValue).sum();
        for (LedgerBatchWriter.Outcome o : outcomes) {
            if (!o.appended()) {
                continue;
            }
            switch (o.posting().type()) {
                case ACCRUAL, ACCRUAL_CORRECTION -> {
                    counts.accrued++;
                    counts.accruedMinutes += o.grantedMinutes();
                }
                case CARRYOVER -> counts.carried++;
                case EXPIRATION -> {
                    counts.expired++;
                    counts.expiredMinutes -= o.grantedMinutes();
                }
                default -> { }
            }
        }
        long done = job == JobKind.CARRYOVER ? counts.carried : job == JobKind.EXPIRATION ? counts.expired : counts.accrued;
        counts.skipped = Math.max(0, counts.processed - done);
        return counts;
    }

    private String json(Map<String, Object> metadata) {
        try {
            return mapper.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events of {@code day} the timelines of these balances hold, without posting (the forfeit warnings). */
    List<TimelinePoster.BalanceEvent> eventsOn(JobKind job, LocalDate day, UUID companyOrNull) {
        Map<UUID, AccrualSettings> versions = repository.versions(day, companyOrNull);
        Map<List<UUID>, List<UUID>> played = new LinkedHashMap<>();
        for (Balance b : balances(repository.candidates(day, companyOrNull))) {
            if (classify(job, day, b, versions) == Path.PLAY && b.first().employeeActive()) {
                played.computeIfAbsent(List.of(b.companyId(), b.policyId()), k -> new ArrayList<>()).add(b.employeeId());
            }
        }
        Set<Kind> kinds = kinds(job);
        List<TimelinePoster.BalanceEvent> events = new ArrayList<>();
        played.forEach((key, employees) -> events.addAll(poster.events(key.get(0), employees, key.get(1), day,
                e -> kinds.contains(e.kind()) && e.date().equals(day))));
        return events;
    }
}
