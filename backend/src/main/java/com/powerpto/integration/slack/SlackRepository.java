package com.powerpto.integration.slack;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the Slack integration: settings, the users.lookupByEmail cache, posted messages, seen signatures. */
@Repository
class SlackRepository {

    private final JdbcClient jdbc;

    SlackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A company's Slack app as stored (secrets sealed). */
    record Settings(UUID companyId, String teamId, String teamName, String botUserId, String botTokenCiphertext,
                    String signingSecretCiphertext, UUID updatedBy, Instant updatedAt) {
    }

    Optional<Settings> settings(UUID companyId) {
        return jdbc.sql("""
                SELECT company_id, team_id, team_name, bot_user_id, bot_token_ciphertext, signing_secret_ciphertext,
                       updated_by, updated_at
                FROM company_slack WHERE company_id = :company
                """).param("company", companyId).query((rs, n) -> new Settings(rs.getObject("company_id", UUID.class),
                rs.getString("team_id"), rs.getString("team_name"), rs.getString("bot_user_id"),
                rs.getString("bot_token_ciphertext"), rs.getString("signing_secret_ciphertext"),
                rs.getObject("updated_by", UUID.class), rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    void upsert(Settings s) {
        jdbc.sql("""
                INSERT INTO company_slack (company_id, team_id, team_name, bot_user_id, bot_token_ciphertext,
                                           signing_secret_ciphertext, updated_by, updated_at)
                VALUES (:company, :team, :teamName, :bot, :token, :secret, :by, :at)
                ON CONFLICT (company_id) DO UPDATE SET team_id = EXCLUDED.team_id, team_name = EXCLUDED.team_name,
                    bot_user_id = EXCLUDED.bot_user_id, bot_token_ciphertext = EXCLUDED.bot_token_ciphertext,
                    signing_secret_ciphertext = EXCLUDED.signing_secret_ciphertext, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at
                """).param("company", s.companyId()).param("team", s.teamId()).param("teamName", s.teamName())
                .param("bot", s.botUserId()).param("token", s.botTokenCiphertext()).param("secret", s.signingSecretCiphertext())
                .param("by", s.updatedBy()).param("at", Timestamp.from(s.updatedAt())).update();
    }

    /** Removes the settings and what was learnt through them (another workspace may come next). */
    boolean delete(UUID companyId) {
        jdbc.sql("DELETE FROM slack_users WHERE company_id = :company").param("company", companyId).update();
        return jdbc.sql("DELETE FROM company_slack WHERE company_id = :company").param("company", companyId).update() == 1;
    }

    // --- users.lookupByEmail cache -------------------------------------------------------------

    /** A cached answer: {@code slackUserId} null means "not in the workspace". */
    record CachedUser(String emailKey, String slackUserId, Instant resolvedAt) {
    }

    Optional<CachedUser> cachedUser(UUID companyId, UUID employeeId) {
        return jdbc.sql("""
                SELECT email_key, slack_user_id, resolved_at FROM slack_users
                WHERE company_id = :company AND employee_id = :employee
                """).param("company", companyId).param("employee", employeeId)
                .query((rs, n) -> new CachedUser(rs.getString("email_key"), rs.getString("slack_user_id"),
                        rs.getTimestamp("resolved_at").toInstant())).optional();
    }

    void cacheUser(UUID companyId, UUID employeeId, String emailKey, String slackUserId, Instant now) {
        jdbc.sql("""
                INSERT INTO slack_users (company_id, employee_id, email_key, slack_user_id, resolved_at)
                VALUES (:company, :employee, :key, :user, :now)
                ON CONFLICT (company_id, employee_id) DO UPDATE SET email_key = EXCLUDED.email_key,
                    slack_user_id = EXCLUDED.slack_user_id, resolved_at = EXCLUDED.resolved_at
                """).param("company", companyId).param("employee", employeeId).param("key", emailKey)
                .param("user", slackUserId).param("now", Timestamp.from(now)).update();
    }

    void forgetUser(UUID companyId, UUID employeeId) {
        jdbc.sql("DELETE FROM slack_users WHERE company_id = :company AND employee_id = :employee")
                .param("company", companyId).param("employee", employeeId).update();
    }

    /** The employee a Slack user of the company's workspace was resolved to (the one a button was sent to). */
    Optional<UUID> employeeOf(UUID companyId, String slackUserId) {
        return jdbc.sql("""
                SELECT employee_id FROM slack_users WHERE company_id = :company AND slack_user_id = :user
                ORDER BY resolved_at DESC LIMIT 1
                """).param("company", companyId).param("user", slackUserId).query(UUID.class).optional();
    }

    /** The employee's e-mail key and whether they are an active employee now. */
    record Person(String email, String emailKey, String role) {
    }

    /**
     * The employee as a caller: their account's role when account and employee are active and access
     * has not ended (a terminated or deactivated person's old message cannot decide anything).
     */
    Optional<Person> activePerson(UUID companyId, UUID employeeId, Instant now) {
        return jdbc.sql("""
                SELECT e.email, e.email_key, a.role
                FROM employees e LEFT JOIN accounts a ON a.company_id = e.company_id AND a.employee_id = e.id AND a.active
                WHERE e.company_id = :company AND e.id = :employee AND e.active
                  AND (e.access_ends_at IS NULL OR e.access_ends_at > :now)
                """).param("company", companyId).param("employee", employeeId).param("now", Timestamp.from(now))
                .query((rs, n) -> new Person(rs.getString("email"), rs.getString("email_key"), rs.getString("role")))
                .optional();
    }

    // --- posted messages -----------------------------------------------------------------------

    record Posted(UUID employeeId, String channelId, String ts) {
    }

    /**
     * Serialises deliveries for one request and approver, so two workers never both post the first
     * message (the lock ends with the delivery's transaction).
     */
    void lockMessage(UUID companyId, UUID requestId, UUID employeeId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 29))")
                .param("key", companyId + ":" + requestId + ":" + employeeId).query((rs, n) -> 1).list();
    }

    Optional<Posted> message(UUID companyId, UUID requestId, UUID employeeId) {
        return jdbc.sql("""
                SELECT employee_id, channel_id, ts FROM slack_messages
                WHERE company_id = :company AND request_id = :request AND employee_id = :employee
                """).param("company", companyId).param("request", requestId).param("employee", employeeId)
                .query((rs, n) -> new Posted(rs.getObject("employee_id", UUID.class), rs.getString("channel_id"),
                        rs.getString("ts"))).optional();
    }

    List<Posted> messages(UUID companyId, UUID requestId) {
        return jdbc.sql("""
                SELECT employee_id, channel_id, ts FROM slack_messages WHERE company_id = :company AND request_id = :request
                ORDER BY posted_at, employee_id
                """).param("company", companyId).param("request", requestId)
                .query((rs, n) -> new Posted(rs.getObject("employee_id", UUID.class), rs.getString("channel_id"),
                        rs.getString("ts"))).list();
    }

    void saveMessage(UUID companyId, UUID requestId, UUID employeeId, String channelId, String ts, Instant now) {
        jdbc.sql("""
                INSERT INTO slack_messages (company_id, request_id, employee_id, channel_id, ts, posted_at)
                VALUES (:company, :request, :employee, :channel, :ts, :now)
                ON CONFLICT (company_id, request_id, employee_id) DO UPDATE SET channel_id = EXCLUDED.channel_id,
                    ts = EXCLUDED.ts, posted_at = EXCLUDED.posted_at
                """).param("company", companyId).param("request", requestId).param("employee", employeeId)
                .param("channel", channelId).param("ts", ts).param("now", Timestamp.from(now)).update();
    }

    // --- replay protection ---------------------------------------------------------------------

    /** Records a signature; false when it was seen before (a replay). Old rows are cleared on the way. */
    boolean firstSighting(UUID companyId, String signatureHash, Instant now, Instant forgetBefore) {
        jdbc.sql("""
                DELETE FROM slack_seen_signatures WHERE ctid IN (
                    SELECT ctid FROM slack_seen_signatures WHERE seen_at < :before LIMIT 100)
                """).param("before", Timestamp.from(forgetBefore)).update();
        return jdbc.sql("""
                INSERT INTO slack_seen_signatures (company_id, signature_hash, seen_at) VALUES (:company, :hash, :now)
                ON CONFLICT (company_id, signature_hash) DO NOTHING
                """).param("company", companyId).param("hash", signatureHash).param("now", Timestamp.from(now))
                .update() == 1;
    }
}
