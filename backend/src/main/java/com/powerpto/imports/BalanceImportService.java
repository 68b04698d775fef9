package com.powerpto.imports;

import com.powerpto.employee.Employee;
import com.powerpto.ledger.AdjustmentBody;
import com.powerpto.ledger.AdjustmentService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST …/imports/balances}: opening balances as ADJUSTMENT entries dated {@code as_of} (issue 24:
 * no time grant of the balance is dated on or before it, the opening balance already holds them), each posted through the
 * adjustment service (so the ledger's writer, the balance floor and the audit log apply) with an
 * idempotency key derived from the row's content: importing the same file again posts nothing. A
 * dry run posts everything in a transaction it then rolls back, so it finds every problem a real
 * run would (balance floors included); a real run with a problem also rolls back.
 */
@Service
public class BalanceImportService {

    static final List<String> AMOUNTS = List.of("amount_minutes", "amount_days", "amount_hours");
    static final List<String> REQUIRED = List.of("email", "policy_key", "as_of", "reason");

    private final ImportRepository repository;
    private final AdjustmentService adjustments;
    private final Clock clock;

    public BalanceImportService(ImportRepository repository, AdjustmentService adjustments, Clock clock) {
        this.repository = repository;
        this.adjustments = adjustments;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importBalances(Caller caller, UUID companyId, byte[] body, boolean dryRun) {
        caller.adminOf(companyId);
        CsvTable table = CsvTable.read(body, REQUIRED, AMOUNTS);
        List<ImportReport.Problem> problems = new ArrayList<>(table.problems());
        List<String> amountColumns = AMOUNTS.stream().filter(table.columns()::contains).toList();
        if (amountColumns.size() != 1) {
            problems.add(ImportReport.Problem.of(1, amountColumns.isEmpty() ? "amount_minutes" : amountColumns.get(1),
                    "amount_columns", "exactly one of amount_minutes, amount_days, amount_hours is needed"));
        }
        Map<String, Employee> employees = new HashMap<>();
        repository.lockAll(companyId, clock.instant()).forEach(e -> employees.put(EmployeeImportService.key(e.email()), e));
        Map<String, UUID> policies = repository.policiesByKey(companyId);
        Map<String, Integer> seen = new HashMap<>();
        int posted = 0;
        int replayed = 0;
        java.util.Set<Integer> unreadable = new java.util.HashSet<>();
        problems.forEach(p -> unreadable.add(p.row()));
        for (CsvTable.Row row : table.rows()) {
            // every column is checked even when reading found a problem on the row (one upload, every problem)
            Opening opening = adjustment(row, amountColumns, employees, policies, problems);
            if (opening == null) {
                continue;
            }
            AdjustmentBody adjustment = opening.body();
            Integer first = seen.putIfAbsent(adjustment.idempotencyKey(), row.number());
            if (first != null) {
                problems.add(ImportReport.Problem.of(row.number(), null, "balance_duplicate",
                        "the same balance line as row " + first, Map.of("first_row", first)));
                continue;
            }
            if (unreadable.contains(row.number())) {
                continue; // a cell the reader refused (e.g. a formula): never posted, not even in a dry run
            }
            try {
                if (adjustments.openingBalance(caller, companyId, adjustment, opening.asOf()).replayed()) {
                    replayed++;
                } else {
                    posted++;
                }
            } catch (ApiException e) {
                Map<String, Object> params = new java.util.LinkedHashMap<>(e.context() == null ? Map.of() : e.context());
                params.put("code", e.code());
                problems.add(ImportReport.Problem.of(row.number(), null, "adjustment_refused", e.getMessage(), params));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(ImportReport.Problem::row));
        if (dryRun || !problems.isEmpty()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return new ImportReport(table.rows().size(), posted, 0, replayed, dryRun, problems, null);
    }

    /** An opening balance line: the adjustment and the date the balance stood as of. */
    private record Opening(AdjustmentBody body, LocalDate asOf) {
    }

    private static Opening adjustment(CsvTable.Row row, List<String> amountColumns, Map<String, Employee> employees,
                                             Map<String, UUID> policies, List<ImportReport.Problem> problems) {
        int before = problems.size();
        Employee employee = employees.get(EmployeeImportService.key(row.get("email")));
        if (employee == null) {
            problems.add(ImportReport.Problem.of(row.number(), "email", "employee_unknown",
                    "no employee with the e-mail \"" + row.get("email") + "\"", Map.of("value", row.get("email"))));
        }
        UUID policy = policies.get(row.get("policy_key"));
        if (policy == null) {
            problems.add(ImportReport.Problem.of(row.number(), "policy_key", "policy_unknown",
                    "no policy with the key \"" + row.get("policy_key") + "\"", Map.of("value", row.get("policy_key"))));
        }
        LocalDate asOf = null;
        try {
            asOf = LocalDate.parse(row.get("as_of"));
        } catch (DateTimeParseException e) {
            problems.add(ImportReport.Problem.of(row.number(), "as_of", "date_invalid",
                    "\"" + row.get("as_of") + "\" is not a date YYYY-MM-DD", Map.of("value", row.get("as_of"))));
        }
        String reason = row.get("reason");
        if (reason.isEmpty() || reason.length() > 900) {
            problems.add(ImportReport.Problem.of(row.number(), "reason", "reason_required", "is required (1 to 900 characters)"));
        }
        Long minutes = amountColumns.size() == 1 && employee != null ? minutes(row, amountColumns.get(0), employee, problems) : null;
        if (problems.size() > before || minutes == null) {
            return null;
        }
        String text = reason + " (opening balance as of " + asOf + ")";
        String key = "import-balance:" + sha256(String.join("\u0000", employee.id().toString(), policy.toString(),
                Long.toString(minutes), asOf.toString(), reason));
        return new Opening(new AdjustmentBody(employee.id(), policy, minutes, text, key), asOf);
    }

    /** Days count the employee's workday minutes; fractions of a minute are dropped (rounded down). */
    private static Long minutes(CsvTable.Row row, String column, Employee employee, List<ImportReport.Problem> problems) {
        String value = row.get(column);
        try {
            BigDecimal amount = new BigDecimal(value);
            BigDecimal factor = switch (column) {
                case "amount_days" -> BigDecimal.valueOf(employee.workdayMinutes());
                case "amount_hours" -> BigDecimal.valueOf(60);
                default -> BigDecimal.ONE;
            };
            if (column.equals("amount_minutes") && amount.stripTrailingZeros().scale() > 0) {
                throw new NumberFormatException("minutes are whole");
            }
            long minutes = amount.multiply(factor).setScale(0, RoundingMode.FLOOR).longValueExact();
            if (minutes == 0 || Math.abs(minutes) > 1_000_000) {
                problems.add(ImportReport.Problem.of(row.number(), column, "amount_range",
                        "must not be 0 and at most 1,000,000 minutes either way"));
                return null;
            }
            return minutes;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(ImportReport.Problem.of(row.number(), column, "amount_not_number", "\"" + value + "\" is not a number",
                    Map.of("value", value)));
            return null;
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
