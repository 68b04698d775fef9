package com.powerpto.ledger;

import com.powerpto.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The admin view of the ledger invariant "snapshot = sums of the ledger": every balance of the
 * company is compared with its ledger, one row per differing field.
 */
@RestController
public class ReconciliationController {

    private final LedgerService ledger;
    private final com.powerpto.accrual.AccrualRecalculation accruals;

    public ReconciliationController(LedgerService ledger, com.powerpto.accrual.AccrualRecalculation accruals) {
        this.ledger = ledger;
        this.accruals = accruals;
    }

    @GetMapping("/api/companies/{companyId}/reconciliation")
    public Result reconcile(Caller caller, @PathVariable UUID companyId) {
        caller.adminOf(companyId);
        List<AccrualMismatch> accrualMismatches = accruals.differences(companyId).stream()
                .map(d -> new AccrualMismatch(d.employeeId(), d.policyId(), d.through(), d.expectedMinutes(),
                        d.postedMinutes(), d.dates()))
                .toList();
        ReconciliationReport report = ledger.reconcile(companyId);
        return new Result(report.checked(), fields(report), accrualMismatches);
    }

    /**
     * {@code checked} = balance snapshots compared; {@code accrual_mismatches} (issue 14) = balances
     * whose posted time accruals differ from the expected ones over the worker's dates.
     */
    public record Result(long checked, List<FieldMismatch> mismatches, List<AccrualMismatch> accrualMismatches) {

        public static Result of(ReconciliationReport report) {
            return new Result(report.checked(), fields(report), List.of());
        }
    }

    /** Sums over the differing dates up to {@code through}; {@code dates} = how many dates differ. */
    public record AccrualMismatch(UUID employeeId, UUID policyId, java.time.LocalDate through, long expectedMinutes,
                                  long postedMinutes, int dates) {
    }

    /** One field (accrued, used or held) of one balance whose snapshot differs from its ledger. */
    public record FieldMismatch(UUID employeeId, UUID policyId, String field, long snapshot, long ledger) {
    }

    /** Flattens the report: one row per differing field, in the order accrued, used, held. */
    public static List<FieldMismatch> fields(ReconciliationReport report) {
        List<FieldMismatch> rows = new ArrayList<>();
        for (ReconciliationMismatch m : report.mismatches()) {
            add(rows, m, "accrued", m.snapshot().accrued(), m.ledger().accrued());
            add(rows, m, "used", m.snapshot().used(), m.ledger().used());
            add(rows, m, "held", m.snapshot().held(), m.ledger().held());
        }
        return rows;
    }

    private static void add(List<FieldMismatch> rows, ReconciliationMismatch m, String field, long snapshot,
                            long ledger) {
        if (snapshot != ledger) {
            rows.add(new FieldMismatch(m.employeeId(), m.policyId(), field, snapshot, ledger));
        }
    }
}
