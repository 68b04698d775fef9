package com.powerpto.ledger;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.events.BalanceInputChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admin adjustments: one ADJUSTMENT entry, invariant enforced, audited. */
@Service
public class AdjustmentService {

    static final int MAX_REASON = 1000;
    static final long MAX_AMOUNT = 1_000_000L;

    private final LedgerService ledger;
    private final BalanceRepository balances;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public AdjustmentService(LedgerService ledger, BalanceRepository balances, AuditService audit, Clock clock,
                             ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.balances = balances;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    public record Adjustment(LedgerEntry entry, boolean replayed) {
    }

    @Transactional
    public Adjustment adjust(Caller caller, UUID companyId, AdjustmentBody body) {
        return adjust(caller, companyId, body, null);
    }

    /**
     * An opening balance: the balance as it stood on {@code asOf} (issue 24). The entry is dated that
     * day and no time grant or forfeiture of the balance is dated on or before it.
     */
    @Transactional
    public Adjustment openingBalance(Caller caller, UUID companyId, AdjustmentBody body, LocalDate asOf) {
        return adjust(caller, companyId, body, asOf);
    }

    private Adjustment adjust(Caller caller, UUID companyId, AdjustmentBody body, LocalDate openingAsOf) {
        caller.adminOf(companyId);
        validate(body);
        LocalDate today = LocalDate.now(clock);
        LocalDate dated = openingAsOf != null ? openingAsOf : body.effectiveDate();
        if (dated != null && (dated.isAfter(today) || dated.getYear() < 1900)) {
            throw ApiException.invalid(openingAsOf != null ? "as_of" : "effective_date",
                    "must be a date from 1900 up to today (" + today + ")");
        }
        if (!balances.employeeExists(companyId, body.employeeId())) {
            throw ApiException.notFound("employee");
        }
        var version = balances.versionRule(companyId, body.employeeId(), body.policyId(), LocalDate.now(clock))
                .orElseThrow(() -> ApiException.notFound("policy"));
        if (!balances.everAssigned(companyId, body.employeeId(), body.policyId())) {
            throw ApiException.businessRule("no_assignment", "the employee has never been assigned to this policy");
        }
        UUID adjustmentId = body.idempotencyKey() == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes((companyId + ":" + body.idempotencyKey()).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("reason", body.reason());
        metadata.put("adjusted_by", caller.userId().toString());
        if (openingAsOf != null) {
            metadata.put("opening_balance", true);
            metadata.put("as_of", openingAsOf.toString());
        } else if (dated != null) {
            metadata.put("effective_date", dated.toString());
        }
        LedgerPosting posting = new LedgerPosting(EntryType.ADJUSTMENT, body.amountMinutes(), version.versionId(),
                dated == null ? clock.instant() : dated.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                SourceType.ADMIN, adjustmentId.toString(), metadata);
        PostingResult result = ledger.post(new BalanceKey(companyId, body.employeeId(), body.policyId()), version.rule(),
                List.of(posting));
        if (result.replayed()) {
            return new Adjustment(ledger.entryBySource(companyId, SourceType.ADMIN, adjustmentId.toString(), EntryType.ADJUSTMENT)
                    .filter(e -> e.employeeId().equals(body.employeeId()) && e.policyId().equals(body.policyId())
                            && e.amountMinutes() == body.amountMinutes())
                    .orElseThrow(() -> ApiException.conflict("idempotency_key_reused", "idempotency_key was already used with a different adjustment")),
                    true);
        }
        LedgerEntry entry = result.appended().get(0);
        if (openingAsOf != null) {
            balances.openingBalance(companyId, body.employeeId(), body.policyId(), openingAsOf);
        }
        audit.record(companyId, caller.userId(), AuditEntityType.ADJUSTMENT, entry.id(), AuditAction.CREATE,
                Map.of("available_minutes", result.before().available()), entry);
        // A balance's timeline counts adjustments by their date: caps, carryovers and expiries after it change.
        events.publishEvent(BalanceInputChanged.employee(companyId, body.employeeId(), body.policyId(),
                dated != null ? dated : today, openingAsOf != null ? "opening balance as of " + openingAsOf
                        : "adjustment " + entry.id() + (dated != null ? " effective " + dated : ""), caller.userId()));
        return new Adjustment(entry, false);
    }

    private static void validate(AdjustmentBody body) {
        ApiException.required(body, "body");
        ApiException.required(body.employeeId(), "employee_id");
        ApiException.required(body.policyId(), "policy_id");
        if (body.amountMinutes() == null || body.amountMinutes() == 0) {
            throw ApiException.invalid("amount_minutes", "is required and must not be 0");
        }
        // not Math.abs: |Long.MIN_VALUE| is negative and would slip through (found by BadInputFuzzTest)
        if (body.amountMinutes() > MAX_AMOUNT || body.amountMinutes() < -MAX_AMOUNT) {
            throw ApiException.invalid("amount_minutes", "must be between -" + MAX_AMOUNT + " and " + MAX_AMOUNT);
        }
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > MAX_REASON) {
            throw ApiException.invalid("reason", "is required (1 to " + MAX_REASON + " characters)");
        }
        if (body.idempotencyKey() != null && (body.idempotencyKey().isBlank() || body.idempotencyKey().length() > 200)) {
            throw ApiException.invalid("idempotency_key", "must be 1 to 200 characters");
        }
    }
}
