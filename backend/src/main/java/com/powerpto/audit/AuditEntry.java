package com.powerpto.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

public record AuditEntry(UUID id, UUID companyId, UUID actorId, AuditEntityType entityType, UUID entityId,
                         AuditAction action, JsonNode beforeJson, JsonNode afterJson, OffsetDateTime createdAt) {
}
