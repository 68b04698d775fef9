package com.powerpto.report;

import com.powerpto.ledger.LedgerEntry;
import com.powerpto.ledger.LedgerFilter;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Admin reports. The ledger report has two representations on one path: JSON (paginated, the
 * default) and CSV — chosen by {@code Accept: text/csv} or {@code ?format=csv} — which streams the
 * whole filtered ledger (offset/limit do not apply) straight to the response.
 */
@RestController
public class ReportController {

    static final String LEDGER = "/api/companies/{companyId}/reports/ledger";
    static final String TEXT_CSV = "text/csv";

    private static final Logger log = LoggerFactory.getLogger(ReportController.class);

    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/companies/{companyId}/reports/balances")
    public Page<BalanceReportRow> balances(Caller caller, @PathVariable UUID companyId,
                                           @RequestParam(name = "employee_id", required = false) UUID employeeId,
                                           @RequestParam(name = "policy_id", required = false) UUID policyId,
                                           PageRequest page) {
        return reports.balances(caller, companyId, employeeId, policyId, page);
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
                                    PageRequest page) {
        LedgerFilter filter = reports.ledgerFilter(caller, companyId, employeeId, policyId, startDate, endDate);
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
                          HttpServletResponse response) throws IOException {
        exportCsv(reports.ledgerFilter(caller, companyId, employeeId, policyId, startDate, endDate), companyId, response);
    }

    /** {@code ?format=csv}, whatever the Accept header says. */
    @GetMapping(value = LEDGER, params = "format=csv")
    public void ledgerCsvByParameter(Caller caller, @PathVariable UUID companyId,
                                     @RequestParam(name = "employee_id", required = false) UUID employeeId,
                                     @RequestParam(name = "policy_id", required = false) UUID policyId,
                                     @RequestParam(name = "start_date", required = false) LocalDate startDate,
                                     @RequestParam(name = "end_date", required = false) LocalDate endDate,
                                     HttpServletResponse response) throws IOException {
        ledgerCsv(caller, companyId, employeeId, policyId, startDate, endDate, response);
    }

    /**
     * Everything that can be refused (caller, filters) is checked before the first byte is written;
     * after that the rows go out as the database cursor yields them. A client that goes away mid-way
     * ends the export (and its read-only transaction) quietly.
     */
    private void exportCsv(LedgerFilter filter, UUID companyId, HttpServletResponse response) throws IOException {
        String filename = "ledger-" + companyId + "-" + reports.today() + ".csv";
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TEXT_CSV);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                    16 * 1024);
            reports.writeLedgerCsv(companyId, filter, out);
            out.flush();
        } catch (UncheckedIOException e) {
            log.info("ledger export ended early: {}", e.getCause().getMessage());
        } catch (IOException e) {
            log.info("ledger export ended early: {}", e.getMessage());
        }
    }
}
