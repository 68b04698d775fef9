package com.powerpto.audit;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

@RestController
public class AuditController {

    private final AuditService audit;

    public AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/api/companies/{companyId}/audit-log")
    public Page<AuditEntry> list(Caller caller, @PathVariable UUID companyId,
                                 @RequestParam(name = "entity_type", required = false) AuditEntityType entityType,
                                 @RequestParam(required = false) AuditAction action,
                                 @RequestParam(name = "actor_id", required = false) UUID actorId,
                                 @RequestParam(name = "entity_id", required = false) UUID entityId,
                                 @RequestParam(name = "start_date", required = false) LocalDate startDate,
                                 @RequestParam(name = "end_date", required = false) LocalDate endDate,
                                 PageRequest page) {
        caller.adminOf(companyId);
        return audit.find(companyId, new AuditQuery(entityType, action, actorId, entityId, startDate, endDate), page);
    }
}
