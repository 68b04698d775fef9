package com.powerpto.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One audit row. {@code actorName}, {@code entityLabel} and {@code summary} (issue 20) name the row
 * for people: who acted (null when the actor is not an employee, e.g. a system job), what it was
 * about ("Emma Employee's Vacation request, 2024-12-24 – 2024-12-28", read from the entity as it is
 * now, or from the row itself once the entity is gone) and a one-line English sentence.
 */
public record AuditEntry(UUID id, UUID companyId, UUID actorId, AuditEntityType entityType, UUID entityId,
                         AuditAction action, JsonNode beforeJson, JsonNode afterJson, OffsetDateTime createdAt,
                         String actorName, String entityLabel, String summary) {

    static String summary(String actorName, AuditAction action, AuditEntityType type, String label) {
        String who = actorName == null ? "The system" : actorName;
        String verb = switch (action) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case DELETE -> "deleted";
            case APPROVE -> "approved";
            case DENY -> "denied";
            case CANCEL -> "cancelled";
            case SUBMIT -> "submitted";
        };
        String what = switch (type) {
            case REQUEST -> label == null ? "a request" : label;
            case POLICY -> "policy " + orUnknown(label);
            case POLICY_VERSION -> "policy version " + orUnknown(label);
            case ASSIGNMENT -> "the assignment " + orUnknown(label);
            case EMPLOYEE -> "employee " + orUnknown(label);
            case HOLIDAY -> "holiday " + orUnknown(label);
            case ADJUSTMENT -> "an adjustment for " + orUnknown(label);
            case ACCRUAL -> "an accrual run";
            case DELEGATION -> "an approval delegation";
            case COMPANY -> "the company's sign-in or webhook settings";
            case LOCATION -> "location " + orUnknown(label);
        };
        return who + " " + verb + " " + what;
    }

    private static String orUnknown(String label) {
        return label == null ? "(deleted)" : label;
    }
}
