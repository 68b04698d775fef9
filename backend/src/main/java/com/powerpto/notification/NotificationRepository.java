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

    /**
     * One outbox row as the worker sends it. Rows of the event format carry {@code event} (JSON) and
     * no bodies; rows written before it (legacy) carry the rendered subject and bodies.
     */
    record OutboxRow(UUID companyId, UUID id, String kind, Channel channel, UUID recipientId, String recipientEmail,
                     String subject, String bodyText, String bodyHtml, String messageId, boolean containsSecret,
                     int attempts, String event, String baseUrl, String secretCiphertext, Instant createdAt) {
        boolean legacy() {
            return event == null;
        }
    }

    /** A new row: one message on one channel to one recipient (null: the company's channel, e.g. Teams). */
    record NewRow(UUID id, NotificationKind kind, Channel channel, UUID recipientId, String event, String baseUrl,
                  String secretCiphertext, String messageId, String dedupeKey) {
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

    /**
     * Who decides the employee's requests today: the manager (when active) and the manager's
     * delegates in force on {@code day}, or every admin when there is no active manager. The ids are
     * gathered first and each is looked up by its key: written as {@code e.id = :manager OR e.id IN (…)}
     * (or as {@code = ANY(…)}) the cached generic plan, which assumes an average-sized company, read
     * every employee of the company through another index (4–6 ms a submit with 10,000; issue 27).
     */
    List<Recipient> approvers(UUID companyId, UUID managerId, LocalDate day) {
        if (managerId == null) {
            return admins(companyId);
        }
        List<Recipient> approvers = jdbc.sql("""
                SELECT e.id, e.first_name || ' ' || e.last_name AS name, e.email, e.timezone, e.workday_minutes,
                       e.manager_id, e.active
                FROM (SELECT CAST(:manager AS uuid) AS id
                      UNION
                      SELECT d.delegate_id FROM approval_delegations d
                      WHERE d.company_id = :company AND d.delegator_id = :manager AND d.revoked_at IS NULL
                        AND d.start_date <= :day AND d.end_date >= :day) ids
                JOIN LATERAL (SELECT * FROM employees x WHERE x.company_id = :company AND x.id = ids.id) e ON true
                WHERE e.active
                ORDER BY e.id = :manager DESC, e.last_name, e.first_name, e.id
                """).param("company", companyId).param("manager", managerId).param("day", day)
                .query(recipientMapper()).list();
        return approvers.isEmpty() || !approvers.get(0).id().equals(managerId) ? admins(companyId) : approvers;
    }

    /** The chat channels the company has connected (Slack, Teams). */
    Set<Channel> chatChannels(UUID companyId) {
        Set<Channel> channels = java.util.EnumSet.noneOf(Channel.class);
        jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM company_slack WHERE company_id = :company) AS slack,
                       EXISTS (SELECT 1 FROM company_teams WHERE company_id = :company) AS teams
                """).param("company", companyId).query(rs -> {
            if (rs.getBoolean("slack")) {
                channels.add(Channel.SLACK);
            }
            if (rs.getBoolean("teams")) {
                channels.add(Channel.TEAMS);
            }
        });
        return channels;
    }

    /** "employeeId:CHANNEL" for each of these people who turned this kind off on that channel. */
    Set<String> optedOut(UUID companyId, List<UUID> employeeIds, NotificationKind kind) {
        if (employeeIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT employee_id::text || ':EMAIL' FROM notification_preferences
                WHERE company_id = :company AND employee_id IN (:ids) AND kind = :kind AND NOT enabled
                UNION ALL
                SELECT employee_id::text || ':' || channel FROM notification_channel_preferences
                WHERE company_id = :company AND employee_id IN (:ids) AND kind = :kind AND NOT enabled
                """).param("company", companyId).param("ids", employeeIds).param("kind", kind.name())
                .query(String.class).list());
    }

    /** A request as a message shows it at delivery: its current state and who decided it when. */
    record RequestState(UUID employeeId, UUID policyId, Instant startAt, Instant endAt, long minutes, String status,
                        UUID decidedBy, Instant decidedAt, String decisionNote, String reason, List<String> rulesOverridden) {
    }

    Optional<RequestState> requestState(UUID companyId, UUID requestId) {
        return jdbc.sql("""
                SELECT employee_id, policy_id, start_at, end_at, requested_minutes, status, decided_by, decided_at,
                       decision_note, reason, rules_overridden
                FROM requests WHERE company_id = :company AND id = :id
                """).param("company", companyId).param("id", requestId).query((rs, n) -> {
            java.sql.Array rules = rs.getArray("rules_overridden");
            return new RequestState(rs.getObject("employee_id", UUID.class), rs.getObject("policy_id", UUID.class),
                    instant(rs.getTimestamp("start_at")), instant(rs.getTimestamp("end_at")), rs.getLong("requested_minutes"),
                    rs.getString("status"), rs.getObject("decided_by", UUID.class),
                    instant(rs.getTimestamp("decided_at")), rs.getString("decision_note"), rs.getString("reason"),
                    rules == null ? List.of() : java.util.Arrays.stream((Object[]) rules.getArray()).map(String::valueOf).toList());
        }).optional();
    }

    /** Available minutes of a balance now (its snapshot: held minutes already subtracted); empty when none. */
    Optional<Long> available(UUID companyId, UUID employeeId, UUID policyId) {
        return jdbc.sql("""
                SELECT accrued_minutes - used_minutes - held_minutes FROM balance_snapshots
                WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId)
                .query(Long.class).optional();
    }

    String companyName(UUID companyId) {
        return jdbc.sql("SELECT name FROM companies WHERE id = :company").param("company", companyId)
                .query(String.class).optional().orElse("Your company");
    }

    /**
     * The policy's key, its display unit in the version in force on the day (DAYS when unset) and
     * whether that version is unlimited.
     */
    PolicyLabel policy(UUID companyId, UUID policyId, LocalDate day) {
        return jdbc.sql("""
                SELECT p.key, coalesce(v.settings ->> 'unit', 'DAYS') AS unit,
                       coalesce(v.settings ->> 'type' = 'UNLIMITED', false) AS unlimited
                FROM policies p
                LEFT JOIN LATERAL (
                    SELECT settings FROM policy_versions v
                    WHERE v.company_id = p.company_id AND v.policy_id = p.id
                    ORDER BY CASE WHEN v.effective_from <= :day THEN 0 ELSE 1 END,
                             CASE WHEN v.effective_from <= :day THEN v.effective_from END DESC,
                             CASE WHEN v.effective_from <= :day THEN -v.version ELSE v.version END
                    LIMIT 1) v ON true
                WHERE p.company_id = :company AND p.id = :policy
                """).param("company", companyId).param("policy", policyId).param("day", day)
                .query((rs, n) -> new PolicyLabel(rs.getString("key"), rs.getString("unit"), rs.getBoolean("unlimited")))
                .optional().orElse(new PolicyLabel("time off", "DAYS", false));
    }

    record PolicyLabel(String key, String unit, boolean unlimited) {
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

    /** Kinds this person turned off on a chat channel. */
    Set<String> disabledChannelKinds(UUID companyId, UUID employeeId, Channel channel) {
        return new HashSet<>(jdbc.sql("""
                SELECT kind FROM notification_channel_preferences
                WHERE company_id = :company AND employee_id = :employee AND channel = :channel AND NOT enabled
                """).param("company", companyId).param("employee", employeeId).param("channel", channel.name())
                .query(String.class).list());
    }

    void setChannelPreference(UUID companyId, UUID employeeId, Channel channel, String kind, boolean enabled, Instant now) {
        jdbc.sql("""
                INSERT INTO notification_channel_preferences (company_id, employee_id, channel, kind, enabled, updated_at)
                VALUES (:company, :employee, :channel, :kind, :enabled, :now)
                ON CONFLICT (company_id, employee_id, channel, kind)
                DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at
                """).param("company", companyId).param("employee", employeeId).param("channel", channel.name())
                .param("kind", kind).param("enabled", enabled).param("now", Timestamp.from(now)).update();
    }

    /**
     * Inserts one event row (status QUEUED: see V140); false when a row with the same dedupe key
     * already exists (a repeated call).
     */
    boolean insert(UUID companyId, NewRow row, Instant now) {
        return jdbc.sql("""
                INSERT INTO notification_outbox (company_id, id, kind, channel, recipient_id, event, base_url,
                    secret_ciphertext, contains_secret, message_id, dedupe_key, status, next_attempt_at, created_at)
                VALUES (:company, :id, :kind, :channel, :recipient, CAST(:event AS jsonb), :baseUrl, :secret,
                    :containsSecret, :messageId, :dedupe, 'QUEUED', :now, :now)
                ON CONFLICT ON CONSTRAINT notification_outbox_dedupe_uq DO NOTHING
                """).param("company", companyId).param("id", row.id()).param("kind", row.kind().name())
                .param("channel", row.channel().name()).param("recipient", row.recipientId()).param("event", row.event())
                .param("baseUrl", row.baseUrl()).param("secret", row.secretCiphertext())
                .param("containsSecret", row.secretCiphertext() != null).param("messageId", row.messageId())
                .param("dedupe", row.dedupeKey()).param("now", Timestamp.from(now)).update() == 1;
    }

    private static final String OUTBOX_COLUMNS = """
            company_id, id, kind, channel, recipient_id, recipient_email, subject, body_text, body_html, message_id,
            contains_secret, attempts, event::text AS event, base_url, secret_ciphertext, created_at
            """;

    /**
     * Claims the oldest due row on one of these channels for this transaction: {@code FOR UPDATE
     * SKIP LOCKED}, so a second worker skips it instead of waiting and sending it too; the lock lasts
     * until the caller's transaction records the outcome. {@code companyId} null: any company.
     */
    Optional<OutboxRow> claimDue(Instant now, Set<Channel> channels, UUID companyId) {
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + OUTBOX_COLUMNS + """
                FROM notification_outbox
                WHERE status IN ('PENDING', 'QUEUED') AND next_attempt_at <= :now AND channel IN (:channels)
                  AND (CAST(:company AS uuid) IS NULL OR company_id = :company)
                ORDER BY next_attempt_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).param("now", Timestamp.from(now)).param("channels", channels.stream().map(Enum::name).toList())
                .param("company", companyId).query(NotificationRepository::outboxRow).optional();
    }

    /** Rows of one company for the admins' list (whatever their status). */
    List<OutboxRow> rows(UUID companyId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + OUTBOX_COLUMNS + " FROM notification_outbox WHERE company_id = :company AND id IN (:ids)")
                .param("company", companyId).param("ids", ids).query(NotificationRepository::outboxRow).list();
    }

    /**
     * Sent: the subject and address it went to are kept (what was said, for the admins' list); a
     * one-time secret is removed, and so are legacy bodies that held one.
     */
    void markSent(OutboxRow row, Instant now, String subject, String recipient) {
        String redacted = "(removed after delivery: it held a one-time link)";
        jdbc.sql("""
                UPDATE notification_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL,
                    subject = coalesce(:subject, subject), recipient_email = coalesce(:recipient, recipient_email),
                    secret_ciphertext = NULL,
                    body_text = CASE WHEN contains_secret AND body_text IS NOT NULL THEN :redacted ELSE body_text END,
                    body_html = CASE WHEN contains_secret AND body_html IS NOT NULL THEN :redacted ELSE body_html END
                WHERE company_id = :company AND id = :id
                """).param("now", Timestamp.from(now)).param("redacted", redacted).param("subject", truncate(subject, 300))
                .param("recipient", truncate(recipient, 254)).param("company", row.companyId()).param("id", row.id()).update();
    }

    /** Nothing to send after all (e.g. the person is not in the company's Slack workspace). */
    void markSkipped(OutboxRow row, Instant now, String reason) {
        jdbc.sql("""
                UPDATE notification_outbox SET status = 'SKIPPED', attempts = attempts + 1, sent_at = :now,
                    last_error = :reason, secret_ciphertext = NULL
                WHERE company_id = :company AND id = :id
                """).param("now", Timestamp.from(now)).param("reason", truncate(reason, 1000))
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
                UPDATE notification_outbox SET status = CASE WHEN event IS NULL THEN 'PENDING' ELSE 'QUEUED' END,
                    attempts = 0, next_attempt_at = :now, failed_at = NULL
                WHERE company_id = :company AND id = :id AND status = 'FAILED'
                """).param("now", Timestamp.from(now)).param("company", companyId).param("id", id).update() == 1;
    }

    /**
     * The admins' page of the outbox. QUEUED (event rows) reads as PENDING; an unsent event row has
     * no subject yet (the service renders one) and takes the recipient's current address.
     */
    List<OutboxEntry> list(UUID companyId, List<String> statuses, int offset, int limit) {
        return jdbc.sql("""
                SELECT o.id, o.kind, o.channel, o.recipient_id, coalesce(o.recipient_email, e.email) AS recipient_email,
                       o.subject, CASE WHEN o.status = 'QUEUED' THEN 'PENDING' ELSE o.status END AS status, o.attempts,
                       o.next_attempt_at, o.last_error, o.sent_at, o.failed_at, o.created_at, o.message_id
                FROM notification_outbox o
                LEFT JOIN employees e ON e.company_id = o.company_id AND e.id = o.recipient_id
                WHERE o.company_id = :company AND (CAST(:any AS boolean) OR o.status IN (:statuses))
                ORDER BY o.created_at DESC, o.id OFFSET :offset LIMIT :limit
                """).param("company", companyId).param("any", statuses == null)
                .param("statuses", statuses == null ? List.of("-") : statuses).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new OutboxEntry(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getObject("recipient_id", UUID.class), rs.getString("recipient_email"), rs.getString("subject"),
                        rs.getString("status"), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
                        rs.getString("last_error"), instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("failed_at")),
                        instant(rs.getTimestamp("created_at")), rs.getString("message_id"), rs.getString("channel"))).list();
    }

    long count(UUID companyId, List<String> statuses) {
        return jdbc.sql("""
                SELECT count(*) FROM notification_outbox
                WHERE company_id = :company AND (CAST(:any AS boolean) OR status IN (:statuses))
                """).param("company", companyId).param("any", statuses == null)
                .param("statuses", statuses == null ? List.of("-") : statuses).query(Long.class).single();
    }

    private static OutboxRow outboxRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OutboxRow(rs.getObject("company_id", UUID.class), rs.getObject("id", UUID.class), rs.getString("kind"),
                Channel.valueOf(rs.getString("channel")), rs.getObject("recipient_id", UUID.class),
                rs.getString("recipient_email"), rs.getString("subject"), rs.getString("body_text"),
                rs.getString("body_html"), rs.getString("message_id"), rs.getBoolean("contains_secret"),
                rs.getInt("attempts"), rs.getString("event"), rs.getString("base_url"),
                rs.getString("secret_ciphertext"), instant(rs.getTimestamp("created_at")));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
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
