package com.powerpto.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The payroll report as CSV (issue 26): amounts in the policy's unit first (what payroll keys in),
 * the same in minutes at the end (to reconcile with the ledger). Text cells go through
 * {@link LedgerCsv#cell} (formula guard); an unlimited policy's balances are empty.
 */
final class PayrollCsv {

    static final List<String> COLUMNS = List.of("period_start", "period_end", "employee_id", "employee_name",
            "employee_email", "policy_key", "policy_name", "unit", "opening_balance", "accrued", "taken", "adjusted",
            "expired", "prior_period_corrections", "balance", "workday_minutes", "opening_balance_minutes",
            "accrued_minutes", "taken_minutes", "adjusted_minutes", "expired_minutes",
            "prior_period_corrections_minutes", "balance_minutes", "policy_id");

    private final Writer out;

    PayrollCsv(Writer out) {
        this.out = out;
    }

    void header() {
        write(String.join(",", COLUMNS) + "\r\n");
    }

    void row(PayrollLine l) {
        write(String.join(",", l.periodStart().toString(), l.periodEnd().toString(), l.employeeId().toString(),
                LedgerCsv.cell(l.employeeName()), LedgerCsv.cell(l.employeeEmail()), LedgerCsv.cell(l.policyKey()),
                LedgerCsv.cell(l.policyName()), LedgerCsv.cell(l.unit()), text(l.openingBalanceInUnit()), l.accruedInUnit(),
                l.takenInUnit(), l.adjustedInUnit(), l.expiredInUnit(), l.priorPeriodCorrectionsInUnit(),
                text(l.balanceInUnit()), Integer.toString(l.workdayMinutes()), number(l.openingBalanceMinutes()),
                Long.toString(l.accruedMinutes()), Long.toString(l.takenMinutes()), Long.toString(l.adjustedMinutes()),
                Long.toString(l.expiredMinutes()), Long.toString(l.priorPeriodCorrectionsMinutes()),
                number(l.balanceMinutes()), l.policyId().toString()) + "\r\n");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(Long value) {
        return value == null ? "" : value.toString();
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
