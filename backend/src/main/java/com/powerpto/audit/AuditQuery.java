package com.powerpto.audit;

import java.time.LocalDate;
import java.util.UUID;

/** Filters of the audit-log endpoint; null means "any". Dates are inclusive, in UTC. */
public record AuditQuery(AuditEntityType entityType, AuditAction action, UUID actorId, UUID entityId,
                         LocalDate startDate, LocalDate endDate) {
}
