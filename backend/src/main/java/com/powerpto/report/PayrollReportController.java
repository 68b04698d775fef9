package com.powerpto.report;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code GET …/reports/payroll?start_date=&end_date=} (issue 26): JSON (paginated) by default, CSV by
 * {@code Accept: text/csv} or {@code ?format=csv} (every line, streamed).
 */
@RestController
public class PayrollReportController {

    static final String PAYROLL = "/api/companies/{companyId}/reports/payroll";

    private final PayrollReportService payroll;

    public PayrollReportController(PayrollReportService payroll) {
        this.payroll = payroll;
    }

    @GetMapping(PAYROLL)
    public Page<PayrollLine> report(Caller caller, @PathVariable UUID companyId,
                                    @RequestParam(name = "start_date", required = false) LocalDate startDate,
                                    @RequestParam(name = "end_date", required = false) LocalDate endDate,
                                    @RequestParam(name = "employee_id", required = false) UUID employeeId,
                                    @RequestParam(name = "policy_id", required = false) UUID policyId,
                                    @RequestParam(name = "format", required = false) String format,
                                    PageRequest page) {
        var period = payroll.period(caller, companyId, startDate, endDate, employeeId, policyId);
        if (format != null && !format.equals("json")) {
            throw ApiException.invalid("format", "must be json or csv");
        }
        return payroll.page(period, page);
    }

    @GetMapping(value = PAYROLL, produces = ReportController.TEXT_CSV)
    public void csv(Caller caller, @PathVariable UUID companyId,
                    @RequestParam(name = "start_date", required = false) LocalDate startDate,
                    @RequestParam(name = "end_date", required = false) LocalDate endDate,
                    @RequestParam(name = "employee_id", required = false) UUID employeeId,
                    @RequestParam(name = "policy_id", required = false) UUID policyId,
                    HttpServletResponse response) {
        var period = payroll.period(caller, companyId, startDate, endDate, employeeId, policyId);
        CsvDownload.stream(response, "payroll-" + startDate + "-to-" + endDate + ".csv", out -> payroll.writeCsv(period, out));
    }

    /** {@code ?format=csv}, whatever the Accept header says. */
    @GetMapping(value = PAYROLL, params = "format=csv")
    public void csvByParameter(Caller caller, @PathVariable UUID companyId,
                               @RequestParam(name = "start_date", required = false) LocalDate startDate,
                               @RequestParam(name = "end_date", required = false) LocalDate endDate,
                               @RequestParam(name = "employee_id", required = false) UUID employeeId,
                               @RequestParam(name = "policy_id", required = false) UUID policyId,
                               HttpServletResponse response) {
        csv(caller, companyId, startDate, endDate, employeeId, policyId, response);
    }
}
