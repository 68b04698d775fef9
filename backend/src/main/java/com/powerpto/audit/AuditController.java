package com.powerpto.audit;

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

/** The audit log: JSON pages, or the whole filtered log as CSV ({@code Accept: text/csv} or {@code ?format=csv}). */
@RestController
public class AuditController {

    static final String PATH = "/api/companies/{companyId}/audit-log";

    private static final Logger log = LoggerFactory.getLogger(AuditController.class);

    private final AuditService audit;

    public AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping(PATH)
    public Page<AuditEntry> list(Caller caller, @PathVariable UUID companyId,
                                 @RequestParam(name = "entity_type", required = false) AuditEntityType entityType,
                                 @RequestParam(required = false) AuditAction action,
                                 @RequestParam(name = "actor_id", required = false) UUID actorId,
                                 @RequestParam(name = "entity_id", required = false) UUID entityId,
                                 @RequestParam(name = "start_date", required = false) LocalDate startDate,
                                 @RequestParam(name = "end_date", required = false) LocalDate endDate,
                                 @RequestParam(name = "format", required = false) String format,
                                 PageRequest page) {
        caller.adminOf(companyId);
        if (format != null && !format.equals("json")) {
            throw ApiException.invalid("format", "must be json or csv");
        }
        return audit.find(companyId, new AuditQuery(entityType, action, actorId, entityId, startDate, endDate), page);
    }

    @GetMapping(value = PATH, produces = "text/csv")
    public void csv(Caller caller, @PathVariable UUID companyId,
                    @RequestParam(name = "entity_type", required = false) AuditEntityType entityType,
                    @RequestParam(required = false) AuditAction action,
                    @RequestParam(name = "actor_id", required = false) UUID actorId,
                    @RequestParam(name = "entity_id", required = false) UUID entityId,
                    @RequestParam(name = "start_date", required = false) LocalDate startDate,
                    @RequestParam(name = "end_date", required = false) LocalDate endDate,
                    HttpServletResponse response) {
        caller.adminOf(companyId);
        AuditQuery query = new AuditQuery(entityType, action, actorId, entityId, startDate, endDate);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-log-" + companyId + "-" + LocalDate.now() + ".csv").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                    16 * 1024);
            audit.writeCsv(companyId, query, out);
            out.flush();
        } catch (UncheckedIOException | IOException e) {
            log.info("audit export ended early: {}", e.getMessage());
        }
    }

    @GetMapping(value = PATH, params = "format=csv")
    public void csvByParameter(Caller caller, @PathVariable UUID companyId,
                               @RequestParam(name = "entity_type", required = false) AuditEntityType entityType,
                               @RequestParam(required = false) AuditAction action,
                               @RequestParam(name = "actor_id", required = false) UUID actorId,
                               @RequestParam(name = "entity_id", required = false) UUID entityId,
                               @RequestParam(name = "start_date", required = false) LocalDate startDate,
                               @RequestParam(name = "end_date", required = false) LocalDate endDate,
                               HttpServletResponse response) {
        csv(caller, companyId, entityType, action, actorId, entityId, startDate, endDate, response);
    }
}
