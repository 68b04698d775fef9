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

    public ReconciliationController(LedgerService ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/companies/{companyId}/reconciliation")
    public Result reconcile(Caller caller, @PathVariable UUID companyId) {
        caller.adminOf(companyId);
        return Result.of(ledger.reconcile(companyId));
    }

    /** {@code checked} = balance snapshots compared. */
    public record Result(long checked, List<FieldMismatch> mismatches) {

        public static Result of(ReconciliationReport report) {
            return new Result(report.checked(), fields(report));
        }
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
