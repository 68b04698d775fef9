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
import com.powerpto.accrual.calc.TenureRates;
import com.powerpto.accrual.calc.TenureTier;
import com.powerpto.accrual.calc.AccrualPeriod;
import com.powerpto.ledger.BalanceKey;
import com.powerpto.ledger.BalanceRule;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.LedgerPosting;
import com.powerpto.ledger.LedgerService;
import com.powerpto.ledger.LedgerBatchWriter;
import com.powerpto.ledger.LedgerBatchWriter.BatchPosting;
import com.powerpto.ledger.LedgerBatchWriter.Outcome;
import com.powerpto.ledger.SourceType;
import com.powerpto.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The payroll webhook: parse the body, verify the HMAC of the raw body with the secret of the
 * company it names, then validate it, then accrue
 * {@code worked × accrue ÷ per_worked} (tenure tiers replace {@code accrue_minutes}; bank cap
 * applied under the snapshot lock by {@link LedgerBatchWriter}) for each entry and each
 * HOURS_WORKED assignment of the employee active on {@code period_end}. Idempotent per
 * (run, employee, policy): {@code source_type PAYROLL, source_id <run>:<employee>:<policy>}.
 * Several entries of one employee in a run are added up.
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
    private final LedgerService ledger;

    public PayrollService(ObjectMapper mapper, PayrollRepository repository, LedgerBatchWriter writer,
                          RunRecorder recorder, AccrualMetrics metrics, PlatformTransactionManager transactions,
                          WebhookVerifier verifier, LedgerService ledger) {
        this.verifier = verifier;
        this.ledger = ledger;
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

    /** Millionths of a minute: the unit of the carried fractional remainder (review fix 4). */
    static final long MICRO = 1_000_000L;

    /** What one (employee, policy) earns in this run, before the ledger (bank cap, late-run cap). */
    private record Line(UUID employeeId, UUID policyId, UUID versionId, long amount, long remainderMicro, Long bankCap,
                        String metadata) {
    }

    private RunResult process(PayrollRun run) {
        Instant started = Instant.now();
        RunCounts counts = new RunCounts();
        Map<UUID, Long> worked = run.entries().stream().collect(Collectors.groupingBy(PayrollRun.Entry::employeeId,
                LinkedHashMap::new, Collectors.summingLong(PayrollRun.Entry::workedMinutes)));
        Set<UUID> known = repository.existingEmployees(run.companyId(), worked.keySet());
        Map<UUID, List<PayrollRepository.HoursAssignment>> assignments = repository
                .hoursAssignments(run.companyId(), known, run.periodStart(), run.periodEnd()).stream()
                .collect(Collectors.groupingBy(PayrollRepository.HoursAssignment::employeeId));
        Map<List<UUID>, Long> remainders = repository.latestRemainders(run.companyId(), known);
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<UUID, Long> entry : worked.entrySet()) {
            UUID employeeId = entry.getKey();
            if (!known.contains(employeeId)) {
                counts.processed++;
                counts.errors++;
                log.warn("payroll run {}: unknown employee {} in company {}", run.payrollRunId(), employeeId, run.companyId());
                continue;
            }
            List<PayrollRepository.HoursAssignment> held = assignments.getOrDefault(employeeId, List.of());
            if (held.isEmpty()) {
                counts.processed++;
                counts.skipped++;
                continue;
            }
            Map<UUID, List<PayrollRepository.HoursAssignment>> byPolicy = held.stream().collect(Collectors.groupingBy(
                    PayrollRepository.HoursAssignment::policyId, LinkedHashMap::new, Collectors.toList()));
            for (List<PayrollRepository.HoursAssignment> spans : byPolicy.values()) {
                counts.processed++;
                PayrollRepository.HoursAssignment a = spans.get(spans.size() - 1);
                try {
                    if (!a.employeeActive()) {
                        counts.skipped++;
                        continue;
                    }
                    lines.add(line(run, employeeId, entry.getValue(), spans,
                            remainders.getOrDefault(List.of(employeeId, a.policyId()), 0L)));
                } catch (JsonProcessingException | RuntimeException e) {
                    counts.errors++;
                    log.error("payroll run {}: employee {} policy {} failed: {}", run.payrollRunId(), employeeId,
                            a.policyId(), e.toString());
                }
            }
        }
        try {
            RunCounts batch = new RunCounts();
            tx.executeWithoutResult(status -> post(run, lines, batch));
            counts.add(batch);
        } catch (RuntimeException batchFailure) {
            log.warn("payroll run {}: batch failed, retrying row by row: {}", run.payrollRunId(), batchFailure.toString());
            for (Line line : lines) {
                try {
                    RunCounts one = new RunCounts();
                    tx.executeWithoutResult(status -> post(run, List.of(line), one));
                    counts.add(one);
                } catch (RuntimeException rowFailure) {
                    counts.errors++;
                    log.error("payroll posting {}:{}:{} failed: {}", run.payrollRunId(), line.employeeId(), line.policyId(),
                            rowFailure.toString());
                }
            }
        }
        Map<UUID, RunCounts> byCompany = new LinkedHashMap<>();
        byCompany.put(run.companyId(), counts);
        RunResult result = new RunResult(UUID.randomUUID(), JobKind.PAYROLL, run.periodEnd(), run.companyId(),
                RunTrigger.WEBHOOK, started, counts, byCompany, true);
        tx.executeWithoutResult(status -> recorder.record(result, null));
        return result;
    }

    /**
     * worked × (days covered ÷ period days) × accrue ÷ per_worked, plus the remainder carried from the
     * previous run, in millionths of a minute: whole minutes are posted, the rest is carried.
     */
    private Line line(PayrollRun run, UUID employeeId, long workedMinutes, List<PayrollRepository.HoursAssignment> spans,
                      long carriedMicro) throws JsonProcessingException {
        PayrollRepository.HoursAssignment a = spans.get(spans.size() - 1);
        JsonNode s = a.settings();
        long accrue = s.path("accrual_ratio").path("accrue_minutes").asLong(0);
        long per = s.path("accrual_ratio").path("per_worked_minutes").asLong(0);
        if (accrue <= 0 || per <= 0) {
            throw new IllegalStateException("accrual ratio must be positive");
        }
        List<TenureTier> tiers = new ArrayList<>();
        s.path("tenure_tiers").forEach(t -> tiers.add(new TenureTier(t.path("min_months").asInt(),
                t.path("accrual_rate_minutes").asLong())));
        long rate = TenureRates.rate(accrue, tiers, a.hireDate(), spans.get(0).assignmentFrom(), run.periodEnd());
        AccrualPeriod period = new AccrualPeriod(run.periodStart(), run.periodEnd());
        long covered = spans.stream().mapToLong(x -> period.activeDays(x.assignmentFrom(), x.assignmentTo())).sum();
        BigInteger exact = BigInteger.valueOf(workedMinutes).multiply(BigInteger.valueOf(covered))
                .multiply(BigInteger.valueOf(rate)).multiply(BigInteger.valueOf(MICRO))
                .divide(BigInteger.valueOf(per).multiply(BigInteger.valueOf(period.days())))
                .add(BigInteger.valueOf(carriedMicro));
        BigInteger[] split = exact.divideAndRemainder(BigInteger.valueOf(MICRO));
        JsonNode cap = s.get("bank_cap_minutes");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("job", "payroll");
        metadata.put("payroll_run_id", run.payrollRunId());
        metadata.put("period_start", run.periodStart().toString());
        metadata.put("period_end", run.periodEnd().toString());
        metadata.put("worked_minutes", workedMinutes);
        metadata.put("accrue_minutes", rate);
        metadata.put("per_worked_minutes", per);
        metadata.put("covered_days", covered);
        metadata.put("period_days", period.days());
        metadata.put("carried_in_micro_minutes", carriedMicro);
        metadata.put("carried_out_micro_minutes", split[1].longValue());
        return new Line(employeeId, a.policyId(), a.versionId(), split[0].longValueExact(), split[1].longValue(),
                cap == null || cap.isNull() ? null : cap.asLong(), mapper.writeValueAsString(metadata));
    }

    /**
     * In the caller's transaction: record each line's remainder (a replayed run is recognised here and
     * posts nothing), append the accruals (bank cap under the lock), then cap late old-year runs.
     */
    private void post(PayrollRun run, List<Line> lines, RunCounts counts) {
        Instant effectiveAt = run.periodEnd().atStartOfDay(ZoneOffset.UTC).toInstant();
        List<BatchPosting> postings = new ArrayList<>();
        Map<String, Long> lateHeadroom = new LinkedHashMap<>();
        for (Line line : lines) {
            if (!repository.recordRemainder(run.companyId(), line.employeeId(), line.policyId(), run.payrollRunId(),
                    line.remainderMicro()) || line.amount() <= 0) {
                counts.skipped++; // replay, or less than a minute so far (carried to the next run)
                continue;
            }
            String sourceId = run.payrollRunId() + ":" + line.employeeId() + ":" + line.policyId();
            headroomAfterCarryover(run, line).ifPresent(h -> lateHeadroom.put(sourceId, h));
            postings.add(new BatchPosting(run.companyId(), line.employeeId(), line.policyId(), line.versionId(),
                    EntryType.ACCRUAL, line.amount(), line.bankCap(), effectiveAt, SourceType.PAYROLL, sourceId,
                    line.metadata()));
        }
        for (Outcome o : writer.write(postings)) {
            count(counts, o);
            Long headroom = lateHeadroom.get(o.posting().sourceId());
            if (o.appended() && headroom != null && o.grantedMinutes() > headroom) {
                expireAboveCarryoverCap(run, o, headroom);
            }
        }
    }

    /**
     * Review fix 8: a run for a period of a year whose carryover already ran may only add what still
     * fits under that carryover's cap; empty when no capped carryover ran after the period's year.
     */
    private java.util.Optional<Long> headroomAfterCarryover(PayrollRun run, Line line) {
        int newYear = run.periodEnd().getYear() + 1;
        return repository.carryover(run.companyId(), line.employeeId(), line.policyId(), newYear).flatMap(text -> {
            JsonNode meta;
            try {
                meta = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("carryover metadata is not JSON", e);
            }
            if (!meta.hasNonNull("cap_minutes")) {
                return java.util.Optional.empty();
            }
            long late = repository.lateOldYearPayroll(run.companyId(), line.employeeId(), line.policyId(),
                    java.time.LocalDate.of(newYear, 1, 1));
            return java.util.Optional.of(Math.max(0, meta.path("cap_minutes").asLong() - meta.path("carried_minutes").asLong() - late));
        });
    }

    private void expireAboveCarryoverCap(PayrollRun run, Outcome o, long headroom) {
        BatchPosting p = o.posting();
        long excess = o.grantedMinutes() - headroom;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("job", "payroll");
        metadata.put("rule", "late_run_after_carryover");
        metadata.put("payroll_run_id", run.payrollRunId());
        metadata.put("carryover_year", run.periodEnd().getYear() + 1);
        metadata.put("headroom_minutes", headroom);
        metadata.put("expired_minutes", excess);
        ledger.post(new BalanceKey(p.companyId(), p.employeeId(), p.policyId()), BalanceRule.UNLIMITED,
                List.of(new LedgerPosting(EntryType.EXPIRATION, -excess, p.policyVersionId(), p.effectiveAt(),
                        SourceType.PAYROLL, p.sourceId(), metadata)));
    }

    private static void count(RunCounts counts, Outcome outcome) {
        if (outcome.appended()) {
            counts.accrued++;
            counts.accruedMinutes += outcome.grantedMinutes();
        } else {
            counts.skipped++;
        }
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
