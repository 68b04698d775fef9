package com.powerpto.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes balance lines as CSV, one row at a time (same RFC 4180 and formula-injection rules as
 * {@link LedgerCsv}: text cells go through {@link LedgerCsv#cell}, numbers are written plain).
 * {@code as_of} is the day the balances are for (today for the current balances).
 */
final class BalanceCsv {

    static final List<String> COLUMNS = List.of("as_of", "employee_id", "employee_name", "employee_email", "policy_id",
            "policy_key", "policy_name", "policy_category", "unit", "workday_minutes", "accrued_minutes",
            "used_minutes", "held_minutes", "available_minutes", "available_in_unit", "is_unlimited");

    private final Writer out;
    private final String asOf;

    BalanceCsv(Writer out, LocalDate asOf) {
        this.out = out;
        this.asOf = asOf.toString();
    }

    void header() {
        write(String.join(",", COLUMNS) + "\r\n");
    }

    void row(BalanceLine b) {
        String line = String.join(",", asOf, b.employeeId().toString(), LedgerCsv.cell(b.employeeName()),
                LedgerCsv.cell(b.employeeEmail()), b.policyId().toString(), LedgerCsv.cell(b.policyKey()),
                LedgerCsv.cell(b.policyName()), LedgerCsv.cell(b.policyCategory()), LedgerCsv.cell(b.unit()),
                Integer.toString(b.workdayMinutes()), Long.toString(b.accruedMinutes()), Long.toString(b.usedMinutes()),
                Long.toString(b.heldMinutes()), b.availableMinutes() == null ? "" : b.availableMinutes().toString(),
                b.availableInUnit() == null ? "" : b.availableInUnit(), Boolean.toString(b.isUnlimited()));
        write(line + "\r\n");
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
