package com.powerpto.accrual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.accrual.timeline.BalanceInputs;
import com.powerpto.accrual.timeline.Timeline;
import com.powerpto.accrual.timeline.TimelineEvent;
import com.powerpto.ledger.BalanceKey;
import com.powerpto.ledger.LedgerBatchWriter;
import com.powerpto.ledger.LedgerBatchWriter.BatchPosting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Brings the ledger to the timeline for a set of balances: lock their snapshots, load their inputs
 * and system entries under that lock, compute each timeline ({@link Timeline#compute}) and append only
 * the difference, per event, through the one batch writer (docs/decisions/0040). Running it again posts
 * nothing: each event's entries carry its key, corrections are numbered.
 */
@Service
public class TimelinePoster {

    private static final Logger log = LoggerFactory.getLogger(TimelinePoster.class);

    private final TimelineRepository repository;
    private final LedgerBatchWriter writer;
    private final ObjectMapper mapper;

    TimelinePoster(TimelineRepository repository, LedgerBatchWriter writer, ObjectMapper mapper) {
        this.repository = repository;
        this.writer = writer;
        this.mapper = mapper;
    }

    /** What a posting did (or, for a check, would do). */
    public record Result(LocalDate through, int balancesChecked, int balancesCorrected, int entriesPosted,
                         long minutesAdded, long minutesTakenBack) {

        public static Result none(LocalDate through) {
            return new Result(through, 0, 0, 0, 0, 0);
        }

        public Result plus(Result o) {
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

    /** A balance whose ledger differs from its timeline: sums over the differing events, and how many. */
    public record Difference(UUID companyId, UUID employeeId, UUID policyId, LocalDate through, long expectedMinutes,
                             long postedMinutes, int events) {
    }

    /** What to post: the events wanted (by key and date), the date the timelines are computed to, why. */
    public record Scope(LocalDate computeThrough, BiPredicate<TimelineEvent.Key, LocalDate> wanted, String job, String cause,
                        boolean includeInactive) {

        /** Every event dated up to {@code through}. */
        public static Scope through(LocalDate through, String job, String cause, boolean includeInactive) {
            return new Scope(through, (key, date) -> !date.isAfter(through), job, cause, includeInactive);
        }
    }

    /** The entries that bring some balances to their timelines, before they are written. */
    public record Prepared(UUID companyId, int balances, List<BatchPosting> postings, Map<TimelineEvent.Kind, Integer> events) {
    }

    /**
     * Posts the difference between the timelines and the ledger for the balances of these employees
     * (of one policy, or all), in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Result post(UUID companyId, Collection<UUID> employees, UUID policyOrNull, Scope scope) {
        return write(prepare(companyId, employees, policyOrNull, scope), scope);
    }

    /**
     * Locks the balances, reads their inputs and entries under the lock and computes what to append;
     * {@code events} counts the wanted events of the timelines, posted or not.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Prepared prepare(UUID companyId, Collection<UUID> employees, UUID policyOrNull, Scope scope) {
        List<UUID> wanted = new ArrayList<>(employees);
        if (!scope.includeInactive() && !wanted.isEmpty()) {
            wanted.removeAll(repository.inactive(companyId, wanted));
        }
        Map<TimelineEvent.Kind, Integer> counted = new java.util.EnumMap<>(TimelineEvent.Kind.class);
        if (wanted.isEmpty()) {
            return new Prepared(companyId, 0, List.of(), counted);
        }
        writer.lock(repository.refs(companyId, wanted, policyOrNull).stream()
                .map(r -> new BalanceKey(companyId, r.employeeId(), r.policyId())).toList());
        Map<TimelineRepository.Ref, BalanceInputs> inputs = repository.load(companyId, wanted, policyOrNull);
        Map<TimelineRepository.Ref, List<TimelineRepository.Posted>> posted = repository.posted(companyId, wanted, policyOrNull);
        Map<String, Object> correction = new LinkedHashMap<>();
        correction.put("job", scope.job());
        correction.put("cause", scope.cause());
        List<BatchPosting> postings = new ArrayList<>();
        for (Map.Entry<TimelineRepository.Ref, BalanceInputs> e : inputs.entrySet()) {
            TimelineRepository.Ref ref = e.getKey();
            List<TimelineEvent> events = Timeline.compute(e.getValue(), scope.computeThrough());
            events.stream().filter(ev -> scope.wanted().test(ev.key(), ev.date()))
                    .forEach(ev -> counted.merge(ev.kind(), 1, Integer::sum));
            for (TimelineLedger.Due due : TimelineLedger.differences(events, posted.getOrDefault(ref, List.of()), scope.wanted())) {
                for (TimelineLedger.Entry entry : TimelineLedger.entries(due, ref.employeeId(), ref.policyId(), correction)) {
                    postings.add(new BatchPosting(companyId, ref.employeeId(), ref.policyId(), entry.versionId(), entry.type(),
                            entry.amount(), entry.date().atStartOfDay(ZoneOffset.UTC).toInstant(), entry.sourceType(),
                            entry.sourceId(), json(entry.metadata())));
                }
            }
        }
        return new Prepared(companyId, inputs.size(), postings, counted);
    }

    /** Appends what {@link #prepare} computed (in the same transaction) and says what it did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Result write(Prepared prepared, Scope scope) {
        return summarize(prepared, writer.write(prepared.postings()), scope);
    }

    Result summarize(Prepared prepared, List<LedgerBatchWriter.Outcome> outcomes, Scope scope) {
        Set<TimelineRepository.Ref> corrected = new HashSet<>();
        int appended = 0;
        long added = 0;
        long takenBack = 0;
        for (LedgerBatchWriter.Outcome o : outcomes) {
            if (o.appended()) {
                appended++;
                corrected.add(new TimelineRepository.Ref(o.posting().employeeId(), o.posting().policyId()));
                if (o.grantedMinutes() > 0) {
                    added += o.grantedMinutes();
                } else {
                    takenBack -= o.grantedMinutes();
                }
            }
        }
        if (appended > 0) {
            log.info("timeline {} ({}): {} entries on {} balances (+{} / -{} minutes) through {}", scope.job(), scope.cause(),
                    appended, corrected.size(), added, takenBack, scope.computeThrough());
        }
        return new Result(scope.computeThrough(), prepared.balances(), corrected.size(), appended, added, takenBack);
    }

    /** An event of one balance's timeline. */
    public record BalanceEvent(UUID companyId, UUID employeeId, UUID policyId, TimelineEvent event) {
    }

    /** The events of these balances' timelines that pass {@code wanted}, computed up to {@code through} (read only). */
    @Transactional(readOnly = true)
    public List<BalanceEvent> events(UUID companyId, Collection<UUID> employees, UUID policyOrNull, LocalDate through,
                                     java.util.function.Predicate<TimelineEvent> wanted) {
        List<BalanceEvent> events = new ArrayList<>();
        repository.load(companyId, employees, policyOrNull).forEach((ref, in) -> Timeline.compute(in, through).stream()
                .filter(wanted).forEach(e -> events.add(new BalanceEvent(companyId, ref.employeeId(), ref.policyId(), e))));
        return events;
    }

    /** The balances whose ledger differs from their timeline for events dated in {@code [from, through]} (read only). */
    @Transactional(readOnly = true)
    public List<Difference> differences(UUID companyId, Collection<UUID> employees, LocalDate from, LocalDate through) {
        List<UUID> wanted = new ArrayList<>(employees);
        wanted.removeAll(repository.inactive(companyId, wanted));
        Map<TimelineRepository.Ref, BalanceInputs> inputs = repository.load(companyId, wanted, null);
        Map<TimelineRepository.Ref, List<TimelineRepository.Posted>> posted = repository.posted(companyId, wanted, null);
        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<TimelineRepository.Ref, BalanceInputs> e : inputs.entrySet()) {
            List<TimelineLedger.Due> due = TimelineLedger.differences(Timeline.compute(e.getValue(), through),
                    posted.getOrDefault(e.getKey(), List.of()), (key, date) -> !date.isBefore(from) && !date.isAfter(through))
                    .stream().filter(d -> d.delta() != 0).toList();
            if (!due.isEmpty()) {
                differences.add(new Difference(companyId, e.getKey().employeeId(), e.getKey().policyId(), through,
                        due.stream().mapToLong(TimelineLedger.Due::expected).sum(),
                        due.stream().mapToLong(TimelineLedger.Due::posted).sum(), due.size()));
            }
        }
        return differences;
    }

    private String json(Map<String, Object> metadata) {
        try {
            return mapper.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
