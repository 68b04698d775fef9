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
import com.powerpto.accrual.calc.HoursWorkedCalculator;
import com.powerpto.accrual.calc.TenureRates;
import com.powerpto.accrual.calc.TenureTier;
import com.powerpto.ledger.EntryType;
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
 * The payroll webhook: verify the HMAC of the raw body, then parse and validate it, then accrue
 * {@code worked × accrue ÷ per_worked} (tenure tiers replace {@code accrue_minutes}; bank cap
 * applied under the snapshot lock by {@link LedgerBatchWriter}) for each entry and each
 * HOURS_WORKED assignment of the employee active on {@code period_end}. Idempotent per
 * (run, employee, policy): {@code source_type PAYROLL, source_id <run>:<employee>:<policy>}.
 * Several entries of one employee in a run are added up.
 */
@Service
public class PayrollService {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_WORKED_MINUTES = 10_000_000L;

    private static final Logger log = LoggerFactory.getLogger(PayrollService.class);

    private final ObjectMapper mapper;
    private final PayrollRepository repository;
    private final LedgerBatchWriter writer;
    private final RunRecorder recorder;
    private final AccrualMetrics metrics;
    private final TransactionTemplate tx;
    private final WebhookVerifier verifier;

    public PayrollService(ObjectMapper mapper, PayrollRepository repository, LedgerBatchWriter writer,
                          RunRecorder recorder, AccrualMetrics metrics, PlatformTransactionManager transactions,
                          WebhookVerifier verifier) {
        this.verifier = verifier;
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

    public Map<String, Object> handle(byte[] rawBody, String signature, String timestamp) {
        verifier.verify(rawBody, signature, timestamp);
        PayrollRun run = parse(rawBody);
        validate(run);
        if (!repository.companyExists(run.companyId())) {
            throw ApiException.notFound("company");
        }
        try {
            RunResult result = process(run);
            metrics.outcome(result);
            recorder.log(result);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("payroll_run_id", run.payrollRunId().toString());
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

    private RunResult process(PayrollRun run) {
        Instant started = Instant.now();
        RunCounts counts = new RunCounts();
        Map<UUID, Long> worked = run.entries().stream().collect(Collectors.groupingBy(PayrollRun.Entry::employeeId,
                LinkedHashMap::new, Collectors.summingLong(PayrollRun.Entry::workedMinutes)));
        Set<UUID> known = repository.existingEmployees(run.companyId(), worked.keySet());
        Map<UUID, List<PayrollRepository.HoursAssignment>> assignments = repository
                .hoursAssignments(run.companyId(), known, run.periodEnd()).stream()
                .collect(Collectors.groupingBy(PayrollRepository.HoursAssignment::employeeId));
        Instant effectiveAt = run.periodEnd().atStartOfDay(ZoneOffset.UTC).toInstant();
        List<BatchPosting> postings = new ArrayList<>();
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
            for (PayrollRepository.HoursAssignment a : held) {
                counts.processed++;
                try {
                    JsonNode s = a.settings();
                    long accrue = s.path("accrual_ratio").path("accrue_minutes").asLong(0);
                    long per = s.path("accrual_ratio").path("per_worked_minutes").asLong(0);
                    List<TenureTier> tiers = new ArrayList<>();
                    s.path("tenure_tiers").forEach(t -> tiers.add(new TenureTier(t.path("min_months").asInt(),
                            t.path("accrual_rate_minutes").asLong())));
                    long rate = TenureRates.rate(accrue, tiers, a.hireDate(), a.assignmentFrom(), run.periodEnd());
                    long amount = HoursWorkedCalculator.accrue(entry.getValue(), rate, per);
                    if (amount <= 0 || !a.employeeActive()) {
                        counts.skipped++;
                        continue;
                    }
                    JsonNode cap = s.get("bank_cap_minutes");
                    Map<String, Object> metadata = new LinkedHashMap<>();
                    metadata.put("job", "payroll");
                    metadata.put("payroll_run_id", run.payrollRunId().toString());
                    metadata.put("period_start", run.periodStart().toString());
                    metadata.put("period_end", run.periodEnd().toString());
                    metadata.put("worked_minutes", entry.getValue());
                    metadata.put("accrue_minutes", rate);
                    metadata.put("per_worked_minutes", per);
                    postings.add(new BatchPosting(run.companyId(), employeeId, a.policyId(), a.versionId(), EntryType.ACCRUAL,
                            amount, cap == null || cap.isNull() ? null : cap.asLong(), effectiveAt, SourceType.PAYROLL,
                            run.payrollRunId() + ":" + employeeId + ":" + a.policyId(), mapper.writeValueAsString(metadata)));
                } catch (JsonProcessingException | RuntimeException e) {
                    counts.errors++;
                    log.error("payroll run {}: employee {} policy {} failed: {}", run.payrollRunId(), employeeId,
                            a.policyId(), e.toString());
                }
            }
        }
        try {
            tx.execute(status -> writer.write(postings)).forEach(o -> count(counts, o));
        } catch (RuntimeException batchFailure) {
            log.warn("payroll run {}: batch failed, retrying row by row: {}", run.payrollRunId(), batchFailure.toString());
            for (BatchPosting posting : postings) {
                try {
                    tx.execute(status -> writer.write(List.of(posting))).forEach(o -> count(counts, o));
                } catch (RuntimeException rowFailure) {
                    counts.errors++;
                    log.error("payroll posting {} failed: {}", posting.sourceId(), rowFailure.toString());
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
