package com.powerpto.accrual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.accrual.calc.TimeAccrualCalculator;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.LedgerBatchWriter;
import com.powerpto.ledger.LedgerBatchWriter.BatchPosting;
import com.powerpto.ledger.LedgerBatchWriter.Outcome;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The set-based time accrual of one date: two reads (versions in force, candidate assignments),
 * the grants computed in Java by the pure calculators, then {@link LedgerBatchWriter} statements
 * of {@code pto.accrual.batch-size} rows, one transaction each. Idempotent per (policy, employee,
 * date) through {@code source_id = accrual:<policy>:<employee>:<date>}.
 */
@Component
public class TimeAccrualJob {

    private static final Logger log = LoggerFactory.getLogger(TimeAccrualJob.class);

    private final AccrualRepository repository;
    private final LedgerBatchWriter writer;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper;
    private final int batchSize;

    public TimeAccrualJob(AccrualRepository repository, LedgerBatchWriter writer, PlatformTransactionManager transactions,
                          ObjectMapper mapper, @Value("${pto.accrual.batch-size:5000}") int batchSize) {
        this.repository = repository;
        this.writer = writer;
        this.tx = new TransactionTemplate(transactions);
        this.mapper = mapper;
        this.batchSize = Math.max(1, batchSize);
    }

    public static String sourceId(UUID policyId, UUID employeeId, LocalDate day) {
        return "accrual:" + policyId + ":" + employeeId + ":" + day;
    }

    public RunResult run(LocalDate day, UUID companyOrNull, RunTrigger trigger, BatchGate gate) {
        return run(day, companyOrNull, trigger, gate, batchSize);
    }

    public RunResult run(LocalDate day, UUID companyOrNull, RunTrigger trigger, BatchGate gate, int batchSize) {
        Instant started = Instant.now();
        Map<UUID, RunCounts> byCompany = new LinkedHashMap<>();
        Map<UUID, AccrualSettings> versions = repository.timeVersions(day, companyOrNull);
        List<BatchPosting> postings = new ArrayList<>();
        Instant effectiveAt = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (AccrualRepository.Candidate c : repository.timeCandidates(day, companyOrNull)) {
            RunCounts counts = byCompany.computeIfAbsent(c.companyId(), k -> new RunCounts());
            try {
                AccrualSettings settings = versions.get(c.versionId());
                if (settings == null || !settings.isTime()) {
                    throw new IllegalStateException("policy version " + c.versionId() + " has unreadable TIME settings");
                }
                Optional<TimeAccrualCalculator.Grant> grant = TimeAccrualCalculator.grant(settings.timeRule(), day,
                        c.assignmentFrom(), c.assignmentTo(), c.hireDate());
                if (grant.isEmpty()) {
                    continue; // not a posting date for this assignment
                }
                counts.processed++;
                TimeAccrualCalculator.Grant g = grant.get();
                if (c.alreadyPosted() || !c.employeeActive() || g.amount() <= 0) {
                    counts.skipped++;
                    continue;
                }
                postings.add(new BatchPosting(c.companyId(), c.employeeId(), c.policyId(), c.versionId(), EntryType.ACCRUAL,
                        g.amount(), settings.bankCapMinutes(), effectiveAt, SourceType.SYSTEM,
                        sourceId(c.policyId(), c.employeeId(), day), metadata(settings, g)));
            } catch (RuntimeException e) {
                counts.processed++;
                counts.errors++;
                log.error("time accrual of {} for employee {} policy {} failed: {}", day, c.employeeId(), c.policyId(),
                        e.toString());
            }
        }
        int batch = 0;
        for (int from = 0; from < postings.size(); from += batchSize) {
            List<BatchPosting> slice = postings.subList(from, Math.min(postings.size(), from + batchSize));
            gate.beforeBatch(batch++);
            try {
                List<Outcome> outcomes = tx.execute(status -> writer.write(slice));
                outcomes.forEach(o -> count(byCompany, o));
            } catch (BatchGate.StopRequested e) {
                throw e;
            } catch (RuntimeException batchFailure) {
                log.warn("time accrual batch of {} rows for {} failed, retrying row by row: {}", slice.size(), day,
                        batchFailure.toString());
                for (BatchPosting posting : slice) {
                    try {
                        tx.execute(status -> writer.write(List.of(posting))).forEach(o -> count(byCompany, o));
                    } catch (RuntimeException rowFailure) {
                        byCompany.get(posting.companyId()).errors++;
                        log.error("time accrual {} failed: {}", posting.sourceId(), rowFailure.toString());
                    }
                }
            }
        }
        RunCounts totals = new RunCounts();
        byCompany.values().forEach(totals::add);
        return new RunResult(UUID.randomUUID(), JobKind.TIME_ACCRUAL, day, companyOrNull, trigger, started, totals,
                byCompany, true);
    }

    private static void count(Map<UUID, RunCounts> byCompany, Outcome outcome) {
        RunCounts counts = byCompany.get(outcome.posting().companyId());
        if (outcome.appended()) {
            counts.accrued++;
            counts.accruedMinutes += outcome.grantedMinutes();
        } else {
            counts.skipped++;
        }
    }

    private String metadata(AccrualSettings settings, TimeAccrualCalculator.Grant g) {
        Map<String, Object> m = new HashMap<>();
        m.put("job", "time_accrual");
        m.put("frequency", settings.timeRule().frequency().name());
        m.put("rate_minutes", g.rate());
        m.put("period_start", g.period().first().toString());
        m.put("period_end", g.period().last().toString());
        m.put("proration", settings.timeRule().proration().name());
        m.put("active_days", g.activeDays());
        m.put("period_days", g.period().days());
        m.put("prorated", g.prorated());
        try {
            return mapper.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
