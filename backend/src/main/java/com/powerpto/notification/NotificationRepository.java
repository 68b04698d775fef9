package com.powerpto.notification;

import com.powerpto.platform.time.Zones;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The SQL of notifications: recipients, preferences and the outbox. Every query names the company. */
@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person as a message needs them. */
    record Recipient(UUID id, String name, String email, ZoneId zone, int workdayMinutes, UUID managerId, boolean active) {
    }

    /** One outbox row as the worker sends it. */
    record OutboxRow(UUID companyId, UUID id, String kind, String recipientEmail, String subject, String bodyText,
                     String bodyHtml, String messageId, boolean containsSecret, int attempts) {
    }

    Optional<Recipient> person(UUID companyId, UUID employeeId) {
        return jdbc.sql("""
                SELECT id, first_name || ' ' || last_name AS name, email, timezone, workday_minutes, manager_id, active
                FROM employees WHERE company_id = :company AND id = :id
                """).param("company", companyId).param("id", employeeId).query(recipientMapper()).optional();
    }

    /** Active admins with an active account: the approvers of people without a manager. */
    List<Recipient> admins(UUID companyId) {
        return jdbc.sql("""
                SELECT e.id, e.first_name || ' ' || e.last_name AS name, e.email, e.timezone, e.workday_minutes,
                       e.manager_id, e.active
                FROM accounts a JOIN employees e ON e.company_id = a.company_id AND e.id = a.employee_id
                WHERE a.company_id = :company AND a.role = 'admin' AND a.active AND e.active
                ORDER BY e.last_name, e.first_name, e.id
                """).param("company", companyId).query(recipientMapper()).list();
    }

    String companyName(UUID companyId) {
        return jdbc.sql("SELECT name FROM companies WHERE id = :company").param("company", companyId)
                .query(String.class).optional().orElse("Your company");
    }

    /** The policy's key and its display unit in the version in force on the day (DAYS when unset). */
    PolicyLabel policy(UUID companyId, UUID policyId, LocalDate day) {
        return jdbc.sql("""
                SELECT p.key, coalesce(
                    (SELECT v.settings ->> 'unit' FROM policy_versions v
                     WHERE v.company_id = p.company_id AND v.policy_id = p.id AND v.effective_from <= :day
                     ORDER BY v.effective_from DESC, v.version DESC LIMIT 1),
                    (SELECT v.settings ->> 'unit' FROM policy_versions v
                     WHERE v.company_id = p.company_id AND v.policy_id = p.id ORDER BY v.version LIMIT 1),
                    'DAYS') AS unit
                FROM policies p WHERE p.company_id = :company AND p.id = :policy
                """).param("company", companyId).param("policy", policyId).param("day", day)
                .query((rs, n) -> new PolicyLabel(rs.getString("key"), rs.getString("unit"))).optional()
                .orElse(new PolicyLabel("time off", "DAYS"));
    }

    record PolicyLabel(String key, String unit) {
    }

    Set<String> disabledKinds(UUID companyId, UUID employeeId) {
        return new HashSet<>(jdbc.sql("""
                SELECT kind FROM notification_preferences
                WHERE company_id = :company AND employee_id = :employee AND NOT enabled
                """).param("company", companyId).param("employee", employeeId).query(String.class).list());
    }

    void setPreference(UUID companyId, UUID employeeId, String kind, boolean enabled, Instant now) {
        jdbc.sql("""
                INSERT INTO notification_preferences (company_id, employee_id, kind, enabled, updated_at)
                VALUES (:company, :employee, :kind, :enabled, :now)
                ON CONFLICT (company_id, employee_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at
                """).param("company", companyId).param("employee", employeeId).param("kind", kind)
                .param("enabled", enabled).param("now", Timestamp.from(now)).update();
    }

    /** Inserts one message; false when a row with the same dedupe key already exists (a repeated call). */
    boolean insert(UUID companyId, UUID id, NotificationKind kind, Recipient to, Templates.Rendered message,
                   String messageId, String dedupeKey, boolean containsSecret, Instant now) {
        return jdbc.sql("""
                INSERT INTO notification_outbox (company_id, id, kind, recipient_id, recipient_email, subject, body_text,
                    body_html, message_id, dedupe_key, contains_secret, next_attempt_at, created_at)
                VALUES (:company, :id, :kind, :recipient, :email, :subject, :text, :html, :messageId, :dedupe, :secret,
                    :now, :now)
                ON CONFLICT ON CONSTRAINT notification_outbox_dedupe_uq DO NOTHING
                """).param("company", companyId).param("id", id).param("kind", kind.name()).param("recipient", to.id())
                .param("email", to.email()).param("subject", message.subject()).param("text", message.text())
                .param("html", message.html()).param("messageId", messageId).param("dedupe", dedupeKey)
                .param("secret", containsSecret).param("now", Timestamp.from(now)).update() == 1;
    }

    /**
     * Claims the oldest due row for this transaction: {@code FOR UPDATE SKIP LOCKED}, so a second
     * worker skips it instead of waiting and sending it too; the lock lasts until the caller's
     * transaction records the outcome.
     */
    Optional<OutboxRow> claimDue(Instant now) {
        return jdbc.sql("""
                SELECT company_id, id, kind, recipient_email, subject, body_text, body_html, message_id, contains_secret, attempts
                FROM notification_outbox
                WHERE status = 'PENDING' AND next_attempt_at <= :now
                ORDER BY next_attempt_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).param("now", Timestamp.from(now)).query((rs, n) -> new OutboxRow(
                        rs.getObject("company_id", UUID.class), rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("recipient_email"), rs.getString("subject"), rs.getString("body_text"),
                        rs.getString("body_html"), rs.getString("message_id"), rs.getBoolean("contains_secret"),
                        rs.getInt("attempts"))).optional();
    }

    void markSent(OutboxRow row, Instant now) {
        String redacted = "(removed after delivery: it held a one-time link)";
        jdbc.sql("""
                UPDATE notification_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL,
                    body_text = CASE WHEN contains_secret THEN :redacted ELSE body_text END,
                    body_html = CASE WHEN contains_secret THEN :redacted ELSE body_html END
                WHERE company_id = :company AND id = :id
                """).param("now", Timestamp.from(now)).param("redacted", redacted)
                .param("company", row.companyId()).param("id", row.id()).update();
    }

    void markRetry(OutboxRow row, Instant next, String error) {
        jdbc.sql("""
                UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                WHERE company_id = :company AND id = :id
                """).param("next", Timestamp.from(next)).param("error", error)
                .param("company", row.companyId()).param("id", row.id()).update();
    }

    void markFailed(OutboxRow row, Instant now, String error) {
        jdbc.sql("""
                UPDATE notification_outbox SET status = 'FAILED', attempts = attempts + 1, failed_at = :now, last_error = :error
                WHERE company_id = :company AND id = :id
                """).param("now", Timestamp.from(now)).param("error", error)
                .param("company", row.companyId()).param("id", row.id()).update();
    }

    /** Puts a failed row back in the queue (an admin's retry after fixing the cause). */
    boolean requeue(UUID companyId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE notification_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now, failed_at = NULL
                WHERE company_id = :company AND id = :id AND status = 'FAILED'
                """).param("now", Timestamp.from(now)).param("company", companyId).param("id", id).update() == 1;
    }

    List<OutboxEntry> list(UUID companyId, String status, int offset, int limit) {
        return jdbc.sql("""
                SELECT id, kind, recipient_id, recipient_email, subject, status, attempts, next_attempt_at, last_error,
                       sent_at, failed_at, created_at, message_id
                FROM notification_outbox
                WHERE company_id = :company AND (CAST(:status AS text) IS NULL OR status = :status)
                ORDER BY created_at DESC, id OFFSET :offset LIMIT :limit
                """).param("company", companyId).param("status", status).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new OutboxEntry(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getObject("recipient_id", UUID.class), rs.getString("recipient_email"), rs.getString("subject"),
                        rs.getString("status"), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
                        rs.getString("last_error"), instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("failed_at")),
                        instant(rs.getTimestamp("created_at")), rs.getString("message_id"))).list();
    }

    long count(UUID companyId, String status) {
        return jdbc.sql("""
                SELECT count(*) FROM notification_outbox
                WHERE company_id = :company AND (CAST(:status AS text) IS NULL OR status = :status)
                """).param("company", companyId).param("status", status).query(Long.class).single();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static RowMapper<Recipient> recipientMapper() {
        return (rs, n) -> new Recipient(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
                Zones.orUtc(rs.getString("timezone")), rs.getInt("workday_minutes"), rs.getObject("manager_id", UUID.class),
                rs.getBoolean("active"));
    }

    /**
     * Which of these Message-IDs are the company's outbox rows (development mailbox): all of them,
     * or only those addressed to {@code recipientId} when it is given.
     */
    java.util.Set<String> ownMessageIds(UUID companyId, UUID recipientId, java.util.Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT message_id FROM notification_outbox
                WHERE company_id = :company AND message_id = ANY(:ids)
                  AND (CAST(:recipient AS uuid) IS NULL OR recipient_id = :recipient)
                """).param("company", companyId).param("recipient", recipientId)
                .param("ids", messageIds.toArray(String[]::new)).query(String.class).list());
    }
}
