package com.powerpto.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.ledger.LedgerEntry;
import com.powerpto.ledger.LedgerFilter;
import com.powerpto.ledger.LedgerService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import com.powerpto.request.RequestStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The admin reports: balances across employees, ledger export (JSON and CSV) and the dashboard summary. */
@Service
public class ReportService {

    private final ReportRepository reports;
    private final LedgerService ledger;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ReportService(ReportRepository reports, LedgerService ledger, ObjectMapper mapper, Clock clock) {
        this.reports = reports;
        this.ledger = ledger;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<BalanceReportRow> balances(Caller caller, UUID companyId, UUID employeeId, UUID policyId,
                                           PageRequest page) {
        caller.adminOf(companyId);
        return reports.balances(companyId, employeeId, policyId, today(), page);
    }

    /** Refuses everyone but an admin of the company (before a CSV export writes its first byte). */
    public void authorize(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
    }

    /** Checks the caller and the filters of a ledger report (422 for an inverted date range). */
    public LedgerFilter ledgerFilter(Caller caller, UUID companyId, UUID employeeId, UUID policyId,
                                     LocalDate startDate, LocalDate endDate) {
        caller.adminOf(companyId);
        if (startDate != null && endDate != null && startDate.isAfter(endDate)) {
            throw ApiException.invalid("end_date", "must not be before start_date");
        }
        return new LedgerFilter(employeeId, policyId, startDate, endDate);
    }

    /** Newest first, like every ledger listing. */
    public Page<LedgerEntry> ledger(UUID companyId, LedgerFilter filter, PageRequest page) {
        return ledger.entries(companyId, filter, page);
    }

    /**
     * Writes the whole matching ledger as CSV, oldest first, row by row from a database cursor
     * (constant memory whatever the size). Call {@link #ledgerFilter} first: it authorizes.
     */
    public void writeLedgerCsv(UUID companyId, LedgerFilter filter, Writer out) {
        writeLedgerCsv(companyId, filter, false, out);
    }

    /** {@code payroll}: the standard columns, then names, e-mail, policy name, amount in the policy unit, reason. */
    public void writeLedgerCsv(UUID companyId, LedgerFilter filter, boolean payroll, Writer out) {
        LedgerCsv.Labels labels = payroll
                ? new LedgerCsv.Labels(reports.employeeLabels(companyId), reports.versionLabels(companyId),
                        ids -> reports.requestReasons(companyId, ids)) : null;
        LedgerCsv csv = new LedgerCsv(out, mapper, labels);
        csv.header();
        ledger.streamEntries(companyId, filter, csv::row);
        csv.finish();
    }

    /** Checks the caller and the layout of a ledger export ({@code standard}, the default, or {@code payroll}). */
    public static boolean payrollLayout(String layout) {
        if (layout == null || layout.equals("standard")) {
            return false;
        }
        if (layout.equals("payroll")) {
            return true;
        }
        throw ApiException.invalid("layout", "must be standard or payroll");
    }

    /** Today's balances of every employee × policy as CSV, streamed from a cursor. Authorize first. */
    @Transactional(readOnly = true)
    public void writeBalancesCsv(UUID companyId, UUID employeeId, UUID policyId, Writer out) {
        LocalDate today = today();
        BalanceCsv csv = new BalanceCsv(out, today);
        csv.header();
        reports.streamBalances(companyId, employeeId, policyId, today, csv::row);
    }

    /** Checks the caller and the day of an as-of report: required, not after today (the ledger knows no future). */
    public LocalDate asOfDate(Caller caller, UUID companyId, LocalDate date) {
        caller.adminOf(companyId);
        if (date == null) {
            throw ApiException.invalid("date", "is required (YYYY-MM-DD)");
        }
        if (date.isAfter(today())) {
            throw ApiException.invalid("date", "must not be after today");
        }
        if (date.getYear() < 1900) {
            throw ApiException.invalid("date", "must be in 1900 or later");
        }
        return date;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page<BalanceLine> balancesAsOf(UUID companyId, UUID employeeId, UUID policyId, LocalDate date,
                                          PageRequest page) {
        return reports.balancesAsOf(companyId, employeeId, policyId, date, page);
    }

    @Transactional(readOnly = true)
    public void writeBalancesAsOfCsv(UUID companyId, UUID employeeId, UUID policyId, LocalDate date, Writer out) {
        BalanceCsv csv = new BalanceCsv(out, date);
        csv.header();
        reports.streamBalancesAsOf(companyId, employeeId, policyId, date, csv::row);
    }

    /** A few set-based queries in one repeatable-read transaction, so the figures agree with each other. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ReportSummary summary(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        ReportRepository.Counts counts = reports.counts(companyId);
        Map<String, Long> found = reports.requestsByStatus(companyId);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (RequestStatus status : RequestStatus.values()) {
            byStatus.put(status.name(), found.getOrDefault(status.name(), 0L));
        }
        return new ReportSummary(counts.employees(), counts.policies(), byStatus.get(RequestStatus.SUBMITTED.name()),
                byStatus, reports.usageByCategory(companyId), reports.balancesByTeam(companyId, today()));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
