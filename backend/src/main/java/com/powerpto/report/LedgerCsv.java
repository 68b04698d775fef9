package com.powerpto.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.ledger.LedgerEntry;
import com.powerpto.ledger.SourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes ledger entries as CSV (RFC 4180: comma separated, CRLF line ends, a cell is quoted when it
 * holds a comma, a quote or a line break, and quotes inside are doubled), one row at a time, so an
 * export of any size needs constant memory.
 * <p>
 * Spreadsheet formula injection is neutralised: a text cell that starts with {@code = + - @} (or a
 * tab or carriage return, which some spreadsheets also treat as a formula start) gets a leading
 * single quote. The numeric {@code amount_minutes} column is written as a plain number, so a
 * negative amount stays a number.
 */
public final class LedgerCsv {

    static final List<String> COLUMNS = List.of("id", "employee_id", "policy_id", "policy_version_id", "entry_type",
            "amount_minutes", "effective_at", "source_type", "source_id", "metadata_json", "created_at");

    /** {@code layout=payroll} (issue 20): the standard columns unchanged, then these. */
    static final List<String> PAYROLL_COLUMNS = List.of("employee_name", "employee_email", "policy_key", "policy_name",
            "unit", "amount_in_unit", "workday_minutes", "reason");

    private static final String CRLF = "\r\n";

    private final Writer out;
    private final ObjectMapper mapper;
    private final Labels labels;

    /**
     * The names the payroll layout adds; null for the standard layout. {@code requests} looks up the
     * reason text of the requests behind a batch of rows (request id → reason or a dated fallback).
     */
    record Labels(Map<UUID, ReportRepository.EmployeeLabel> employees, Map<UUID, ReportRepository.VersionLabel> versions,
                  Function<Collection<UUID>, Map<UUID, String>> requests) {
    }

    /** Payroll rows are written in batches so each batch's request reasons take one query (memory stays bounded). */
    static final int BATCH = 500;

    private final List<LedgerEntry> pending = new ArrayList<>();

    LedgerCsv(Writer out, ObjectMapper mapper) {
        this(out, mapper, null);
    }

    LedgerCsv(Writer out, ObjectMapper mapper, Labels labels) {
        this.out = out;
        this.mapper = mapper;
        this.labels = labels;
    }

    void header() {
        String header = String.join(",", COLUMNS);
        if (labels != null) {
            header += "," + String.join(",", PAYROLL_COLUMNS);
        }
        write(header + CRLF);
    }

    void row(LedgerEntry e) {
        if (labels == null) {
            write(line(e, Map.of()));
            return;
        }
        pending.add(e);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Writes the rows still buffered (payroll layout); call once after the last {@link #row}. */
    void finish() {
        if (labels != null) {
            flush();
        }
    }

    private void flush() {
        Set<UUID> ids = new HashSet<>();
        for (LedgerEntry e : pending) {
            UUID request = requestId(e);
            if (request != null) {
                ids.add(request);
            }
        }
        Map<UUID, String> reasons = ids.isEmpty() ? Map.of() : labels.requests().apply(ids);
        for (LedgerEntry e : pending) {
            write(line(e, reasons));
        }
        pending.clear();
    }

    private static UUID requestId(LedgerEntry e) {
        if (e.sourceType() != SourceType.REQUEST || e.sourceId() == null) {
            return null;
        }
        String id = e.sourceId();
        if (id.startsWith("duration:")) { // a duration correction of the request (issue 28): duration:<request>:<revision>
            int end = id.indexOf(':', 9);
            id = end < 0 ? id.substring(9) : id.substring(9, end);
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private String line(LedgerEntry e, Map<UUID, String> reasons) {
        StringBuilder line = new StringBuilder(256);
        line.append(text(e.id())).append(',')
                .append(text(e.employeeId())).append(',')
                .append(text(e.policyId())).append(',')
                .append(text(e.policyVersionId())).append(',')
                .append(text(e.entryType())).append(',')
                .append(e.amountMinutes()).append(',')
                .append(time(e.effectiveAt())).append(',')
                .append(text(e.sourceType())).append(',')
                .append(text(e.sourceId())).append(',')
                .append(text(json(e))).append(',')
                .append(time(e.createdAt()));
        if (labels != null) {
            payroll(e, line, reasons);
        }
        return line.append(CRLF).toString();
    }

    private void payroll(LedgerEntry e, StringBuilder line, Map<UUID, String> reasons) {
        ReportRepository.EmployeeLabel who = labels.employees().get(e.employeeId());
        ReportRepository.VersionLabel what = labels.versions().get(e.policyVersionId());
        String unit = what == null ? null : what.unit();
        int workday = who == null ? 480 : who.workdayMinutes();
        line.append(',').append(text(who == null ? null : who.name()))
                .append(',').append(text(who == null ? null : who.email()))
                .append(',').append(text(what == null ? null : what.policyKey()))
                .append(',').append(text(what == null ? null : what.policyName()))
                .append(',').append(text(unit))
                .append(',').append(Units.inUnit(e.amountMinutes(), unit, workday))
                .append(',').append(workday)
                .append(',').append(text(reason(e, reasons)));
    }

    /**
     * The adjustment's typed reason; for a request, the reason the employee gave (or "time-off
     * request" with its dates); else what produced the row ("carryover job", "payroll hours worked").
     */
    private static String reason(LedgerEntry e, Map<UUID, String> reasons) {
        if (e.metadataJson() != null && e.metadataJson().hasNonNull("reason")) {
            return e.metadataJson().get("reason").asText();
        }
        UUID request = requestId(e);
        if (request != null && reasons.containsKey(request)) {
            return reasons.get(request);
        }
        if (e.metadataJson() != null && e.metadataJson().hasNonNull("job")) {
            return e.metadataJson().get("job").asText() + " job";
        }
        return switch (e.sourceType()) {
            case REQUEST -> "time-off request";
            case PAYROLL -> "payroll hours worked";
            case ADMIN -> "admin";
            case SYSTEM -> e.entryType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** One text cell: neutralised against formula injection, then quoted when RFC 4180 needs it. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeFormula(value) ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static String text(Object value) {
        return value == null ? "" : cell(value.toString());
    }

    private static String time(OffsetDateTime value) {
        return value == null ? "" : cell(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }

    private String json(LedgerEntry e) {
        if (e.metadataJson() == null || e.metadataJson().isNull()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(e.metadataJson());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("ledger metadata is not serializable", ex);
        }
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
