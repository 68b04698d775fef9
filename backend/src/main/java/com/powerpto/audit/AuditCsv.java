package com.powerpto.audit;

import com.powerpto.report.LedgerCsv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The audit log as CSV (issue 20): same RFC 4180 and formula-injection rules as the ledger export. */
final class AuditCsv {

    static final List<String> COLUMNS = List.of("created_at", "actor_id", "actor_name", "action", "entity_type",
            "entity_id", "entity_label", "summary", "before_json", "after_json", "id");

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void header() {
        write(String.join(",", COLUMNS) + "\r\n");
    }

    void row(AuditEntry e) {
        write(String.join(",",
                LedgerCsv.cell(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.createdAt())),
                e.actorId().toString(), LedgerCsv.cell(e.actorName()), e.action().name(), e.entityType().name(),
                e.entityId().toString(), LedgerCsv.cell(e.entityLabel()), LedgerCsv.cell(e.summary()),
                LedgerCsv.cell(e.beforeJson() == null ? null : e.beforeJson().toString()),
                LedgerCsv.cell(e.afterJson() == null ? null : e.afterJson().toString()),
                e.id().toString()) + "\r\n");
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
