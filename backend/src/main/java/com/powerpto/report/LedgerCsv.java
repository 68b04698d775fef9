package com.powerpto.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.ledger.LedgerEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
final class LedgerCsv {

    static final List<String> COLUMNS = List.of("id", "employee_id", "policy_id", "policy_version_id", "entry_type",
            "amount_minutes", "effective_at", "source_type", "source_id", "metadata_json", "created_at");

    private static final String CRLF = "\r\n";

    private final Writer out;
    private final ObjectMapper mapper;

    LedgerCsv(Writer out, ObjectMapper mapper) {
        this.out = out;
        this.mapper = mapper;
    }

    void header() {
        write(String.join(",", COLUMNS) + CRLF);
    }

    void row(LedgerEntry e) {
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
                .append(time(e.createdAt())).append(CRLF);
        write(line.toString());
    }

    /** One text cell: neutralised against formula injection, then quoted when RFC 4180 needs it. */
    static String cell(String value) {
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
