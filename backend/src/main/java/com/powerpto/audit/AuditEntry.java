package com.powerpto.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One audit row. {@code actorName}, {@code entityLabel} and {@code summary} (issue 20) name the row
 * for people: who acted (null when the actor is not an employee, e.g. a system job), what it was
 * about ("Emma Employee's Vacation request, 2024-12-24 – 2024-12-28", read from the entity as it is
 * now, or from the row itself once the entity is gone) and a one-line English sentence.
 * {@code change} (issue 26) names what an EMPLOYEE update really was when it was not an edit of the
 * employee record (a preference, a calendar feed, the sign-in account, …), null otherwise; the
 * summary then says that ("… changed their e-mail notification settings", not "updated employee …").
 */
public record AuditEntry(UUID id, UUID companyId, UUID actorId, AuditEntityType entityType, UUID entityId,
                         AuditAction action, JsonNode beforeJson, JsonNode afterJson, OffsetDateTime createdAt,
                         String actorName, String entityLabel, String summary, String change) {

    /** What an EMPLOYEE update was, read from the keys its writer put in {@code after_json}; null for an edit. */
    static String change(AuditEntityType type, AuditAction action, JsonNode after) {
        if (type != AuditEntityType.EMPLOYEE || action != AuditAction.UPDATE || after == null || !after.isObject()) {
            return null;
        }
        if (after.has("notification_preferences")) {
            return "notification_preferences";
        }
        if (after.has("calendar_feed_revoked")) {
            return "calendar_feed_revoked";
        }
        if (after.has("calendar_feed")) {
            return "calendar_feed_created";
        }
        if (after.has("notification_retried")) {
            return "notification_retried";
        }
        if (after.has("account")) {
            return "ended".equals(after.path("account").path("sessions").asText()) ? "sessions_ended" : "account";
        }
        if (after.has("rehired")) {
            return "rehired";
        }
        if (after.has("access_ends_at")) {
            return "terminated";
        }
        return null;
    }

    static String summary(String actorName, AuditAction action, AuditEntityType type, String label, String change,
                          boolean ownRecord) {
        if (change == null) {
            return summary(actorName, action, type, label);
        }
        String who = actorName == null ? "The system" : actorName;
        String whose = ownRecord ? "their" : orUnknown(label) + "'s";
        return who + " " + switch (change) {
            case "notification_preferences" -> "changed " + whose + " e-mail notification settings";
            case "calendar_feed_created" -> "created a calendar feed" + (ownRecord ? "" : " for " + orUnknown(label));
            case "calendar_feed_revoked" -> "revoked a calendar feed" + (ownRecord ? "" : " of " + orUnknown(label));
            case "notification_retried" -> "queued a failed e-mail again";
            case "sessions_ended" -> "signed " + (ownRecord ? "themself" : orUnknown(label)) + " out everywhere";
            case "account" -> "changed " + whose + " sign-in account";
            case "rehired" -> "rehired " + orUnknown(label);
            case "terminated" -> "recorded the departure of " + orUnknown(label);
            default -> "updated employee " + orUnknown(label);
        };
    }

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
