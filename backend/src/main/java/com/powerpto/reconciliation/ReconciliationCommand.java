package com.powerpto.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.accrual.AccrualRecalculation;
import com.powerpto.accrual.TimelinePoster;
import com.powerpto.ledger.Balance;
import com.powerpto.ledger.LedgerService;
import com.powerpto.ledger.ReconciliationMismatch;
import com.powerpto.ledger.ReconciliationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code java -jar power-pto.jar reconcile} (mode RECONCILE, also {@code make reconcile}): compares
 * every balance snapshot of every company with the sums of its ledger and every balance's ledger with its
 * timeline (issue 24: posted = timeline for every event the worker was responsible for), logs each differing field
 * (up to {@link #MAX_LOGGED}) and a one-line JSON summary, and sets the process exit code:
 * {@value #CLEAN} clean, {@value #MISMATCHES} mismatches found, {@value #FAILED} the check could not run.
 * <p>
 * The code is published as the Integer singleton {@code processExitCode} that
 * {@code ProcessMode.exitCode} reads (registered once the check has run — it cannot exist
 * earlier), and through {@link ExitCodeGenerator}, which {@code SpringApplication.exit} also consults.
 */
@Component
@ConditionalOnProperty(name = "pto.mode", havingValue = "RECONCILE")
public class ReconciliationCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String EXIT_CODE_BEAN = "processExitCode";
    public static final int CLEAN = 0;
    public static final int MISMATCHES = 1;
    public static final int FAILED = 2;
    static final int MAX_LOGGED = 100;

    private static final Logger log = LoggerFactory.getLogger(ReconciliationCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerService ledger;
    private final ConfigurableListableBeanFactory beans;
    private final Supplier<List<TimelinePoster.Difference>> accrualCheck;
    private volatile int exitCode = CLEAN;

    /** The second check: the ledger holds what each balance's timeline says (docs/corrections.md). */
    @Autowired
    public ReconciliationCommand(LedgerService ledger, ConfigurableListableBeanFactory beans,
                                 AccrualRecalculation accruals) {
        this(ledger, beans, () -> accruals.differences(null));
    }

    public ReconciliationCommand(LedgerService ledger, ConfigurableListableBeanFactory beans) {
        this(ledger, beans, List::of);
    }

    public ReconciliationCommand(LedgerService ledger, ConfigurableListableBeanFactory beans,
                                 Supplier<List<TimelinePoster.Difference>> accrualCheck) {
        this.ledger = ledger;
        this.beans = beans;
        this.accrualCheck = accrualCheck;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = check();
        if (!beans.containsSingleton(EXIT_CODE_BEAN)) {
            beans.registerSingleton(EXIT_CODE_BEAN, exitCode);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Runs the check for all companies and returns the exit code; never throws. */
    int check() {
        long started = System.nanoTime();
        ReconciliationReport report;
        List<TimelinePoster.Difference> accrualDifferences;
        try {
            report = ledger.reconcile(null);
            accrualDifferences = accrualCheck.get();
        } catch (RuntimeException e) {
            log.error("reconciliation failed", e);
            log.info(summary(Map.of("event", "reconciliation", "status", "failed", "error", String.valueOf(e.getMessage()))));
            return FAILED;
        }
        List<ReconciliationController.FieldMismatch> fields = ReconciliationController.fields(report);
        int logged = 0;
        for (ReconciliationMismatch m : report.mismatches()) {
            if (logged++ == MAX_LOGGED) {
                log.warn("further mismatches not logged");
                break;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("event", "reconciliation_mismatch");
            line.put("company_id", m.companyId().toString());
            line.put("employee_id", m.employeeId().toString());
            line.put("policy_id", m.policyId().toString());
            line.put("snapshot", sums(m.snapshot()));
            line.put("ledger", sums(m.ledger()));
            log.warn(summary(line));
        }
        for (var d : accrualDifferences.subList(0, Math.min(MAX_LOGGED, accrualDifferences.size()))) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("event", "accrual_mismatch");
            line.put("company_id", d.companyId().toString());
            line.put("employee_id", d.employeeId().toString());
            line.put("policy_id", d.policyId().toString());
            line.put("through", d.through().toString());
            line.put("expected_minutes", d.expectedMinutes());
            line.put("posted_minutes", d.postedMinutes());
            line.put("events", d.events());
            log.warn(summary(line));
        }
        boolean clean = report.clean() && accrualDifferences.isEmpty();
        int code = clean ? CLEAN : MISMATCHES;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("event", "reconciliation");
        summary.put("status", clean ? "clean" : "mismatches");
        summary.put("checked", report.checked());
        summary.put("mismatched_balances", report.mismatches().size());
        summary.put("mismatched_fields", fields.size());
        summary.put("accrual_mismatches", accrualDifferences.size());
        summary.put("companies_affected", report.mismatches().stream().map(ReconciliationMismatch::companyId).distinct().count());
        summary.put("duration_ms", (System.nanoTime() - started) / 1_000_000);
        summary.put("exit_code", code);
        if (clean) {
            log.info(summary(summary));
        } else {
            log.warn(summary(summary));
        }
        return code;
    }

    private static Map<String, Long> sums(Balance balance) {
        Map<String, Long> sums = new LinkedHashMap<>();
        sums.put("accrued", balance.accrued());
        sums.put("used", balance.used());
        sums.put("held", balance.held());
        return sums;
    }

    static String summary(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            return fields.toString();
        }
    }
}
