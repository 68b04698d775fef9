package com.powerpto.payroll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.powerpto.accrual.AccrualMetrics;
import com.powerpto.accrual.JobKind;
import com.powerpto.accrual.RunCounts;
import com.powerpto.accrual.RunRecorder;
import com.powerpto.accrual.RunResult;
import com.powerpto.accrual.RunTrigger;
import com.powerpto.accrual.AccrualRecalculation;
import com.powerpto.accrual.TimelinePoster;
import com.powerpto.accrual.timeline.TimelineEvent;
import com.powerpto.ledger.LedgerBatchWriter;
import com.powerpto.ledger.SourceType;
import com.powerpto.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The payroll webhook: parse the body, verify the HMAC of the raw body with the secret of the
 * company it names, then validate it, then store the run's hours and post what the balances'
 * timelines make of them (docs/worker.md): for each entry and each HOURS_WORKED assignment of the
 * employee active on a day of the period, {@code worked × accrue ÷ per_worked} (tenure tiers replace
 * {@code accrue_minutes}; bank cap as of the period's end; hours are not prorated again by days
 * employed). Idempotent per (run, employee, policy): {@code source_type PAYROLL, source_id
 * <run>:<employee>:<policy>}; a run sent again with other hours posts the difference
 * ({@code …:fix:<n>}), the same hours post nothing. Several entries of one employee in a run are
 * added up.
 */
@Service
public class PayrollService {

    static final int MAX_ENTRIES = 10_000;
    /** The contract: a provider's run id is any string of 1–255 characters. */
    static final int MAX_RUN_ID_CHARS = 255;
    static final long MAX_WORKED_MINUTES = 10_000_000L;

    private static final Logger log = LoggerFactory.getLogger(PayrollService.class);

    private final ObjectMapper mapper;
    private final PayrollRepository repository;
    private final LedgerBatchWriter writer;
    private final RunRecorder recorder;
    private final AccrualMetrics metrics;
    private final TransactionTemplate tx;
    private final WebhookVerifier verifier;
    private final TimelinePoster poster;
    private final AccrualRecalculation timelines;

    public PayrollService(ObjectMapper mapper, PayrollRepository repository, LedgerBatchWriter writer,
                          RunRecorder recorder, AccrualMetrics metrics, PlatformTransactionManager transactions,
                          WebhookVerifier verifier, TimelinePoster poster, AccrualRecalculation timelines) {
        this.verifier = verifier;
        this.poster = poster;
        this.timelines = timelines;
        this.mapper = mapper;
        this.repository = repository;
        this.writer = writer;
        this.recorder = recorder;
        this.metrics = metrics;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Legacy callers (body-only signature) keep working; see {@link WebhookVerifier}. */
    public Map<String, Object> handle(byte[] rawBody, String signature) {
        return handle(rawBody, signature, null);
    }

    /**
     * The body is parsed once (issue 25): the same {@code company_id} value chooses the secret the
     * signature is checked with and the company written to. A body that is not JSON or whose ids
     * are not canonical UUIDs is 422 before any secret is looked up; nothing is written either way.
     */
    public Map<String, Object> handle(byte[] rawBody, String signature, String timestamp) {
        verifier.requireSignatureHeader(signature);
        PayrollRun run = parse(rawBody);
        verifier.verify(rawBody, run == null ? null : run.companyId(), signature, timestamp);
        validate(run);
        if (!repository.companyExists(run.companyId())) {
            throw ApiException.notFound("company");
        }
        try {
            RunResult result = process(run);
            metrics.outcome(result);
            recorder.log(result);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("payroll_run_id", run.payrollRunId());
            body.put("processed", result.totals().processed);
            body.put("accrued", result.totals().accrued);
            body.put("skipped", result.totals().skipped);
            body.put("errors", result.totals().errors);
            return body;
        } catch (RuntimeException e) {
            metrics.failure(JobKind.PAYROLL);
            throw e;
        }
    }

    /**
     * Stores the run's hours per employee (a run sent again replaces its hours), then brings the
     * balances of the run's employees to their timelines: the run's hours-worked accruals —
     * {@code worked × accrue ÷ per_worked}, never prorated again by days employed, the fraction carried
     * to the next run — and whatever they change on dates already run (a cap, a carryover).
     */
    private RunResult process(PayrollRun run) {
        Instant started = Instant.now();
        RunCounts counts = new RunCounts();
        Map<UUID, Long> worked = run.entries().stream().collect(Collectors.groupingBy(PayrollRun.Entry::employeeId,
                LinkedHashMap::new, Collectors.summingLong(PayrollRun.Entry::workedMinutes)));
        Set<UUID> known = repository.existingEmployees(run.companyId(), worked.keySet());
        Map<UUID, Set<UUID>> hoursPolicies = repository.hoursPolicies(run.companyId(), known, run.periodStart(), run.periodEnd());
        List<UUID> accruing = new ArrayList<>();
        for (UUID employeeId : worked.keySet()) {
            if (!known.contains(employeeId)) {
                counts.processed++;
                counts.errors++;
                log.warn("payroll run {}: unknown employee {} in company {}", run.payrollRunId(), employeeId, run.companyId());
            } else if (hoursPolicies.getOrDefault(employeeId, Set.of()).isEmpty()) {
                counts.processed++;
                counts.skipped++;
            } else {
                accruing.add(employeeId);
            }
        }
        Map<UUID, Long> hours = new LinkedHashMap<>();
        accruing.forEach(e -> hours.put(e, worked.get(e)));
        try {
            RunCounts posted = tx.execute(status -> post(run, hours));
            counts.add(posted);
        } catch (RuntimeException failure) {
            counts.processed += accruing.size();
            counts.errors += accruing.size();
            log.error("payroll run {}: posting failed: {}", run.payrollRunId(), failure.toString());
        }
        Map<UUID, RunCounts> byCompany = new LinkedHashMap<>();
        byCompany.put(run.companyId(), counts);
        RunResult result = new RunResult(UUID.randomUUID(), JobKind.PAYROLL, run.periodEnd(), run.companyId(),
                RunTrigger.WEBHOOK, started, counts, byCompany, true);
        tx.executeWithoutResult(status -> recorder.record(result, null));
        return result;
    }

    /** In one transaction: the hours, then the difference between the timelines and the ledger. */
    private RunCounts post(PayrollRun run, Map<UUID, Long> hours) {
        RunCounts counts = new RunCounts();
        if (hours.isEmpty()) {
            return counts;
        }
        repository.saveHours(run.companyId(), run.payrollRunId(), run.periodStart(), run.periodEnd(), hours);
        LocalDate horizon = timelines.horizon().orElse(null);
        LocalDate through = horizon == null || horizon.isBefore(run.periodEnd()) ? run.periodEnd() : horizon;
        TimelinePoster.Scope scope = new TimelinePoster.Scope(through, (key, date) ->
                key.kind() == TimelineEvent.Kind.PAYROLL && key.ref().equals(run.payrollRunId())
                        || horizon != null && !date.isAfter(horizon), "payroll", "payroll run " + run.payrollRunId(), false);
        TimelinePoster.Prepared prepared = poster.prepare(run.companyId(), hours.keySet(), null, scope);
        long runEntries = 0;
        for (LedgerBatchWriter.Outcome o : writer.write(prepared.postings())) {
            if (o.appended() && o.posting().sourceType() == SourceType.PAYROLL) {
                runEntries++;
                counts.accruedMinutes += o.grantedMinutes();
            }
        }
        counts.processed = Math.max(hours.size(), prepared.events().getOrDefault(TimelineEvent.Kind.PAYROLL, 0));
        counts.accrued = runEntries;
        counts.skipped = Math.max(0, counts.processed - runEntries);
        return counts;
    }

    private PayrollRun parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw ApiException.invalid("body", "is required");
        }
        try {
            return mapper.readValue(raw, PayrollRun.class);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalid(path(e), "unknown field");
        } catch (JsonMappingException e) {
            throw ApiException.invalid(e.getPath().isEmpty() ? "body" : path(e), "has the wrong type or format");
        } catch (java.io.IOException e) {
            throw ApiException.invalid("body", "is not valid JSON");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static void validate(PayrollRun run) {
        if (run == null) {
            throw ApiException.invalid("body", "is required");
        }
        require(run.payrollRunId(), "payroll_run_id");
        int length = run.payrollRunId().codePointCount(0, run.payrollRunId().length());
        if (length < 1 || length > MAX_RUN_ID_CHARS) {
            throw ApiException.invalid("payroll_run_id", "must be 1 to " + MAX_RUN_ID_CHARS + " characters");
        }
        require(run.companyId(), "company_id");
        require(run.periodStart(), "period_start");
        require(run.periodEnd(), "period_end");
        if (run.periodEnd().isBefore(run.periodStart())) {
            throw ApiException.invalid("period_end", "must be on or after period_start");
        }
        if (run.entries() == null || run.entries().isEmpty()) {
            throw ApiException.invalid("entries", "must list at least one employee");
        }
        if (run.entries().size() > MAX_ENTRIES) {
            throw ApiException.invalid("entries", "at most " + MAX_ENTRIES + " entries per call");
        }
        for (int i = 0; i < run.entries().size(); i++) {
            PayrollRun.Entry entry = run.entries().get(i);
            if (entry == null) {
                throw ApiException.invalid("entries[" + i + "]", "is required");
            }
            require(entry.employeeId(), "entries[" + i + "].employee_id");
            if (entry.workedMinutes() == null || entry.workedMinutes() <= 0 || entry.workedMinutes() > MAX_WORKED_MINUTES) {
                throw ApiException.invalid("entries[" + i + "].worked_minutes", "must be between 1 and " + MAX_WORKED_MINUTES);
            }
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw ApiException.invalid(field, "is required");
        }
    }
}
