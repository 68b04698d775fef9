package com.powerpto.report;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The payroll report (issue 26): per person × policy × pay period, what was taken, accrued,
 * adjusted and expired, the balance, and the corrections to earlier periods posted in this one.
 * The existing {@code layout=payroll} ledger export stays for the clients that read it.
 */
@Service
public class PayrollReportService {

    /** A pay period is at most a year long (a yearly report of a big company is still one query). */
    static final int MAX_DAYS = 366;

    private final PayrollReportRepository repository;

    public PayrollReportService(PayrollReportRepository repository) {
        this.repository = repository;
    }

    /** Checks the caller and the period (both dates required, end not before start, at most a year). */
    public PayrollReportRepository.Period period(Caller caller, UUID companyId, LocalDate start, LocalDate end,
                                                 UUID employeeId, UUID policyId) {
        caller.adminOf(companyId);
        if (start == null) {
            throw ApiException.invalid("start_date", "is required (YYYY-MM-DD, the first day of the pay period)");
        }
        if (end == null) {
            throw ApiException.invalid("end_date", "is required (YYYY-MM-DD, the last day of the pay period)");
        }
        if (end.isBefore(start)) {
            throw ApiException.invalid("end_date", "must not be before start_date");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ApiException.invalid("end_date", "a pay period can span at most " + MAX_DAYS + " days");
        }
        if (start.getYear() < 1900 || end.getYear() > 2199) {
            throw ApiException.invalid("start_date", "must be between 1900 and 2199");
        }
        return new PayrollReportRepository.Period(companyId, employeeId, policyId, start, end);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page<PayrollLine> page(PayrollReportRepository.Period period, PageRequest page) {
        return repository.page(period, page);
    }

    /** Every line as CSV, streamed from a cursor. Call {@link #period} first: it authorizes. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void writeCsv(PayrollReportRepository.Period period, Writer out) {
        PayrollCsv csv = new PayrollCsv(out);
        csv.header();
        repository.stream(period, csv::row);
    }
}
