package com.powerpto.report;

import com.powerpto.ledger.LedgerEntry;
import com.powerpto.ledger.LedgerFilter;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import com.powerpto.platform.web.WholeListWithoutLimit;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Admin reports. The ledger report has two representations on one path: JSON (paginated, the
 * default) and CSV — chosen by {@code Accept: text/csv} or {@code ?format=csv} — which streams the
 * whole filtered ledger (offset/limit do not apply) straight to the response.
 */
@RestController
public class ReportController {

    static final String LEDGER = "/api/companies/{companyId}/reports/ledger";
    static final String BALANCES = "/api/companies/{companyId}/reports/balances";
    static final String BALANCES_AS_OF = "/api/companies/{companyId}/reports/balances-as-of";
    static final String TEXT_CSV = "text/csv";


    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping(BALANCES)
    public Page<BalanceReportRow> balances(Caller caller, @PathVariable UUID companyId,
                                           @RequestParam(name = "employee_id", required = false) UUID employeeId,
                                           @RequestParam(name = "policy_id", required = false) UUID policyId,
                                           @WholeListWithoutLimit PageRequest page) {
        return reports.balances(caller, companyId, employeeId, policyId, page);
    }

    /** Today's balances as CSV ({@code Accept: text/csv}), every row, streamed (issue 20). */
    @GetMapping(value = BALANCES, produces = TEXT_CSV)
    public void balancesCsv(Caller caller, @PathVariable UUID companyId,
                            @RequestParam(name = "employee_id", required = false) UUID employeeId,
                            @RequestParam(name = "policy_id", required = false) UUID policyId,
                            HttpServletResponse response) {
        reports.authorize(caller, companyId);
        stream(response, "balances-" + companyId + "-" + reports.today() + ".csv",
                out -> reports.writeBalancesCsv(companyId, employeeId, policyId, out));
    }

    /** {@code ?format=csv}, whatever the Accept header says. */
    @GetMapping(value = BALANCES, params = "format=csv")
    public void balancesCsvByParameter(Caller caller, @PathVariable UUID companyId,
                                       @RequestParam(name = "employee_id", required = false) UUID employeeId,
                                       @RequestParam(name = "policy_id", required = false) UUID policyId,
                                       HttpServletResponse response) {
        balancesCsv(caller, companyId, employeeId, policyId, response);
    }

    /** Balances at the end of a past day, summed from the ledger by effective time (issue 20). */
    @GetMapping(BALANCES_AS_OF)
    public Page<BalanceLine> balancesAsOf(Caller caller, @PathVariable UUID companyId,
                                          @RequestParam(name = "date", required = false) LocalDate date,
                                          @RequestParam(name = "employee_id", required = false) UUID employeeId,
                                          @RequestParam(name = "policy_id", required = false) UUID policyId,
                                          @RequestParam(name = "format", required = false) String format,
                                          PageRequest page) {
        LocalDate day = reports.asOfDate(caller, companyId, date);
        if (format != null && !format.equals("json")) {
            throw ApiException.invalid("format", "must be json or csv");
        }
        return reports.balancesAsOf(companyId, employeeId, policyId, day, page);
    }

    @GetMapping(value = BALANCES_AS_OF, produces = TEXT_CSV)
    public void balancesAsOfCsv(Caller caller, @PathVariable UUID companyId,
                                @RequestParam(name = "date", required = false) LocalDate date,
                                @RequestParam(name = "employee_id", required = false) UUID employeeId,
                                @RequestParam(name = "policy_id", required = false) UUID policyId,
                                HttpServletResponse response) {
        LocalDate day = reports.asOfDate(caller, companyId, date);
        stream(response, "balances-as-of-" + day + "-" + companyId + ".csv",
                out -> reports.writeBalancesAsOfCsv(companyId, employeeId, policyId, day, out));
    }

    @GetMapping(value = BALANCES_AS_OF, params = "format=csv")
    public void balancesAsOfCsvByParameter(Caller caller, @PathVariable UUID companyId,
                                           @RequestParam(name = "date", required = false) LocalDate date,
                                           @RequestParam(name = "employee_id", required = false) UUID employeeId,
                                           @RequestParam(name = "policy_id", required = false) UUID policyId,
                                           HttpServletResponse response) {
        balancesAsOfCsv(caller, companyId, date, employeeId, policyId, response);
    }

    @GetMapping("/api/companies/{companyId}/reports/summary")
    public ReportSummary summary(Caller caller, @PathVariable UUID companyId) {
        return reports.summary(caller, companyId);
    }

    @GetMapping(LEDGER)
    public Page<LedgerEntry> ledger(Caller caller, @PathVariable UUID companyId,
                                    @RequestParam(name = "employee_id", required = false) UUID employeeId,
                                    @RequestParam(name = "policy_id", required = false) UUID policyId,
                                    @RequestParam(name = "start_date", required = false) LocalDate startDate,
                                    @RequestParam(name = "end_date", required = false) LocalDate endDate,
                                    @RequestParam(name = "format", required = false) String format,
                                    @RequestParam(name = "layout", required = false) String layout,
                                    PageRequest page) {
        LedgerFilter filter = reports.ledgerFilter(caller, companyId, employeeId, policyId, startDate, endDate);
        ReportService.payrollLayout(layout);
        if (format != null && !format.equals("json")) {
            throw ApiException.invalid("format", "must be json or csv");
        }
        return reports.ledger(companyId, filter, page);
    }

    /** {@code Accept: text/csv}. */
    @GetMapping(value = LEDGER, produces = TEXT_CSV)
    public void ledgerCsv(Caller caller, @PathVariable UUID companyId,
                          @RequestParam(name = "employee_id", required = false) UUID employeeId,
                          @RequestParam(name = "policy_id", required = false) UUID policyId,
                          @RequestParam(name = "start_date", required = false) LocalDate startDate,
                          @RequestParam(name = "end_date", required = false) LocalDate endDate,
                          @RequestParam(name = "layout", required = false) String layout,
                          HttpServletResponse response) throws IOException {
        LedgerFilter filter = reports.ledgerFilter(caller, companyId, employeeId, policyId, startDate, endDate);
        boolean payroll = ReportService.payrollLayout(layout);
        stream(response, (payroll ? "payroll-ledger-" : "ledger-") + companyId + "-" + reports.today() + ".csv",
                out -> reports.writeLedgerCsv(companyId, filter, payroll, out));
    }

    /** {@code ?format=csv}, whatever the Accept header says. */
    @GetMapping(value = LEDGER, params = "format=csv")
    public void ledgerCsvByParameter(Caller caller, @PathVariable UUID companyId,
                                     @RequestParam(name = "employee_id", required = false) UUID employeeId,
                                     @RequestParam(name = "policy_id", required = false) UUID policyId,
                                     @RequestParam(name = "start_date", required = false) LocalDate startDate,
                                     @RequestParam(name = "end_date", required = false) LocalDate endDate,
                                     @RequestParam(name = "layout", required = false) String layout,
                                     HttpServletResponse response) throws IOException {
        ledgerCsv(caller, companyId, employeeId, policyId, startDate, endDate, layout, response);
    }

    private void stream(HttpServletResponse response, String filename, Consumer<Writer> body) {
        CsvDownload.stream(response, filename, body);
    }
}
