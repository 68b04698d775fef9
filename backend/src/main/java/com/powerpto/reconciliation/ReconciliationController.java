package com.powerpto.reconciliation;

import com.powerpto.accrual.AccrualRecalculation;
import com.powerpto.ledger.LedgerService;
import com.powerpto.ledger.ReconciliationMismatch;
import com.powerpto.ledger.ReconciliationReport;

import com.powerpto.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The admin view of the two invariants: "snapshot = sums of the ledger" (one row per differing field)
 * and "ledger = timeline" (issue 24: one row per balance whose posted events differ from its timeline
 * over the dates the worker was responsible for). Above both the ledger and the accrual feature, so
 * neither depends on the other for it.
 */
@RestController
public class ReconciliationController {

    private final LedgerService ledger;
    private final AccrualRecalculation accruals;

    public ReconciliationController(LedgerService ledger, AccrualRecalculation accruals) {
        this.ledger = ledger;
        this.accruals = accruals;
    }

    @GetMapping("/api/companies/{companyId}/reconciliation")
    public Result reconcile(Caller caller, @PathVariable UUID companyId) {
        caller.adminOf(companyId);
        List<AccrualMismatch> accrualMismatches = accruals.differences(companyId).stream()
                .map(d -> new AccrualMismatch(d.employeeId(), d.policyId(), d.through(), d.expectedMinutes(),
                        d.postedMinutes(), d.events()))
                .toList();
        ReconciliationReport report = ledger.reconcile(companyId);
        return new Result(report.checked(), fields(report), accrualMismatches);
    }

    /**
     * {@code checked} = balance snapshots compared; {@code accrual_mismatches} (issues 14, 24) = balances
     * whose posted events (grants, payroll accruals, carryover, expirations) differ from their timeline
     * over the worker's dates.
     */
    public record Result(long checked, List<FieldMismatch> mismatches, List<AccrualMismatch> accrualMismatches) {

        public static Result of(ReconciliationReport report) {
            return new Result(report.checked(), fields(report), List.of());
        }
    }

    /** Sums over the differing events up to {@code through}; {@code dates} = how many events differ. */
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
