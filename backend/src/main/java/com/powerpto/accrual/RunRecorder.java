package com.powerpto.accrual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records a finished run in the caller's transaction: one {@code accrual_runs} row and one audit
 * row (entity ACCRUAL, actor = the caller, or the nil UUID for the worker/webhook) per company the
 * run touched. Also writes the run's JSON summary log line.
 */
@Component
public class RunRecorder {

    private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final ObjectMapper mapper;

    public RunRecorder(JdbcClient jdbc, AuditService audit, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.mapper = mapper;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(RunResult run, UUID actorId) {
        RunCounts t = run.totals();
        Map<String, Object> details = new LinkedHashMap<>(t.toMap());
        details.put("companies", run.byCompany().size());
        jdbc.sql("""
                INSERT INTO accrual_runs (id, job, company_id, target_date, trigger, processed, accrued, skipped, errors,
                                          started_at, details)
                VALUES (:id, :job, :company, :day, :trigger, :processed, :accrued, :skipped, :errors, :started,
                        CAST(:details AS jsonb))
                """).param("id", run.runId()).param("job", run.job().name()).param("company", run.companyId())
                .param("day", run.targetDate()).param("trigger", run.trigger().name())
                .param("processed", (int) t.processed)
                .param("accrued", (int) (run.job() == JobKind.CARRYOVER || run.job() == JobKind.EXPIRATION
                        ? t.carried + t.expired : t.accrued))
                .param("skipped", (int) t.skipped).param("errors", (int) t.errors)
                .param("started", Timestamp.from(run.startedAt())).param("details", json(details)).update();
        UUID actor = actorId == null ? Caller.SYSTEM_ID : actorId;
        Map<UUID, RunCounts> audited = new LinkedHashMap<>();
        if (run.companyId() != null) {
            audited.put(run.companyId(), run.byCompany().getOrDefault(run.companyId(), new RunCounts()));
        }
        run.byCompany().forEach((companyId, counts) -> {
            if (counts.processed > 0 || counts.errors > 0) {
                audited.putIfAbsent(companyId, counts);
            }
        });
        audited.forEach((companyId, counts) -> {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("run_id", run.runId());
            after.put("job", run.job().tag());
            after.put("target_date", run.targetDate().toString());
            after.put("trigger", run.trigger().name());
            after.putAll(counts.toMap());
            audit.record(companyId, actor, AuditEntityType.ACCRUAL, run.runId(), AuditAction.CREATE, null, after);
        });
    }

    /** The one JSON summary line per run (fields also in the MDC, so they land in the log's context). */
    public void log(RunResult run) {
        RunCounts t = run.totals();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("job", run.job().tag());
        fields.put("target_date", run.targetDate().toString());
        fields.put("trigger", run.trigger().name());
        fields.put("processed", Long.toString(t.processed));
        fields.put("accrued", Long.toString(t.accrued));
        fields.put("carryovers_processed", Long.toString(t.carried));
        fields.put("expirations_processed", Long.toString(t.expired));
        fields.put("skipped", Long.toString(t.skipped));
        fields.put("errors", Long.toString(t.errors));
        fields.put("duration_ms", Long.toString(java.time.Duration.between(run.startedAt(), java.time.Instant.now()).toMillis()));
        if (run.companyId() != null) {
            fields.put("company_id", run.companyId().toString());
        }
        fields.forEach(MDC::put);
        try {
            String message = "accrual run " + json(fields);
            if (t.errors > 0) {
                log.warn(message);
            } else {
                log.info(message);
            }
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
