package com.powerpto.auth;

import com.powerpto.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Hand-written SQL over {@code accounts} (and the employee row each account belongs to). */
@Repository
class AccountRepository {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * Termination (issue 15): access ends when the employee's last day ends in their time zone
     * ({@code employees.access_ends_at}); from then on sign-in is refused and every token too.
     * Compared with the injected clock, so tests can move time.
     */
    private static final String EMPLOYMENT_NOT_ENDED = "(e.access_ends_at IS NULL OR e.access_ends_at > :now)";

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    AccountRepository(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An account as stored; {@code usable} = account active, employee active and not past their termination. */
    record StoredAccount(UUID companyId, UUID employeeId, String email, String passwordHash, Role role,
                         boolean active, boolean usable, long sessionGeneration) {
    }

    /** What every bearer token is checked against: the usable account's role and session generation. */
    record Session(Role role, long generation) {
    }

    private static final String SELECT = """
            SELECT a.company_id, a.employee_id, a.email, a.password_hash, a.role, a.active,
                   (a.active AND e.active AND """ + EMPLOYMENT_NOT_ENDED + """
            ) AS usable, a.session_generation
              FROM accounts a
              JOIN employees e ON e.company_id = a.company_id AND e.id = a.employee_id
            """;

    Optional<StoredAccount> find(UUID companyId, UUID employeeId) {
        return jdbc.sql(SELECT + " WHERE a.company_id = :company AND a.employee_id = :employee")
                .param("now", utc(clock.instant()))
                .param("company", companyId)
                .param("employee", employeeId)
                .query(AccountRepository::account)
                .optional();
    }

    /** Every account with this e-mail key ({@code EmailKey}; any company, any state), oldest first, at most {@code limit}. */
    List<StoredAccount> findByEmailKey(String emailKey, int limit) {
        return jdbc.sql(SELECT + " WHERE a.email_key = :key ORDER BY a.created_at, a.company_id LIMIT :limit")
                .param("now", utc(clock.instant()))
                .param("key", emailKey)
                .param("limit", limit)
                .query(AccountRepository::account)
                .list();
    }

    /** The role and session generation of a usable account, if there is one. */
    Optional<Session> usableSession(UUID companyId, UUID employeeId) {
        return jdbc.sql("""
                        SELECT a.role, a.session_generation FROM accounts a
                          JOIN employees e ON e.company_id = a.company_id AND e.id = a.employee_id
                         WHERE a.company_id = :company AND a.employee_id = :employee AND a.active AND e.active
                           AND """ + EMPLOYMENT_NOT_ENDED)
                .param("now", utc(clock.instant()))
                .param("company", companyId)
                .param("employee", employeeId)
                .query((rs, n) -> new Session(Role.parse(rs.getString(1)), rs.getLong(2)))
                .optional();
    }

    /** The employee's e-mail, locking the employee row against a concurrent change. */
    Optional<String> employeeEmailForUpdate(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT email FROM employees WHERE company_id = :company AND id = :employee FOR SHARE")
                .param("company", companyId)
                .param("employee", employeeId)
                .query(String.class)
                .optional();
    }

    /**
     * Creates or updates the account with a password: active, any pending invite withdrawn, and
     * every token issued before ended (a new session generation).
     */
    void upsertWithPassword(UUID companyId, UUID employeeId, String email, Role role, String passwordHash, Instant now) {
        jdbc.sql("""
                        INSERT INTO accounts (company_id, employee_id, email, password_hash, role, active,
                                              invite_token_hash, invite_expires_at, password_changed_at, created_at, updated_at, email_key)
                        VALUES (:company, :employee, :email, :hash, :role, true, NULL, NULL, :now, :now, :now, :key)
                        ON CONFLICT (company_id, employee_id) DO UPDATE SET
                            email = EXCLUDED.email, email_key = EXCLUDED.email_key, password_hash = EXCLUDED.password_hash,
                            role = EXCLUDED.role, session_generation = accounts.session_generation + 1,
                            active = true, invite_token_hash = NULL, invite_expires_at = NULL,
                            password_changed_at = EXCLUDED.password_changed_at, updated_at = EXCLUDED.updated_at
                        """)
                .param("company", companyId)
                .param("employee", employeeId)
                .param("email", email)
                .param("hash", passwordHash)
                .param("role", role.claim())
                .param("now", utc(now))
                .param("key", com.powerpto.platform.security.EmailKey.of(email))
                .update();
    }

    /**
     * Accounts whose invitation was never accepted (no password yet, expired or not) of employees
     * who are still active: what "resend all invitations" renews.
     */
    List<StoredAccount> pendingInvitations(UUID companyId, Instant now) {
        return jdbc.sql(SELECT + """
                 WHERE a.company_id = :company AND a.invite_token_hash IS NOT NULL AND a.password_hash IS NULL
                   AND e.active AND """ + EMPLOYMENT_NOT_ENDED + """
                 ORDER BY a.email
                """).param("company", companyId).param("now", utc(now)).query(AccountRepository::account).list();
    }

    /**
     * Creates the account as a pending invitation (inactive, no password) or, when it exists,
     * sets its role, replaces any earlier invitation and clears the old password (a reset: the
     * old password must not stay valid while the invitation is pending) and ends every token.
     */
    void upsertWithInvite(UUID companyId, UUID employeeId, String email, Role role, String inviteHash,
                          Instant expiresAt, Instant now) {
        jdbc.sql("""
                        INSERT INTO accounts (company_id, employee_id, email, password_hash, role, active,
                                              invite_token_hash, invite_expires_at, created_at, updated_at, email_key)
                        VALUES (:company, :employee, :email, NULL, :role, false, :invite, :expires, :now, :now, :key)
                        ON CONFLICT (company_id, employee_id) DO UPDATE SET
                            email = EXCLUDED.email, email_key = EXCLUDED.email_key, role = EXCLUDED.role,
                            password_hash = NULL, session_generation = accounts.session_generation + 1,
                            invite_token_hash = EXCLUDED.invite_token_hash, invite_expires_at = EXCLUDED.invite_expires_at,
                            updated_at = EXCLUDED.updated_at
                        """)
                .param("company", companyId)
                .param("employee", employeeId)
                .param("email", email)
                .param("role", role.claim())
                .param("invite", inviteHash)
                .param("expires", utc(expiresAt))
                .param("now", utc(now))
                .param("key", com.powerpto.platform.security.EmailKey.of(email))
                .update();
    }

    /** Uses up a live invitation: sets the password and activates the account. Empty when none matched. */
    Optional<StoredAccount> acceptInvite(String inviteHash, String passwordHash, Instant now) {
        List<UUID[]> keys = jdbc.sql("""
                        UPDATE accounts SET password_hash = :hash, active = true, invite_token_hash = NULL,
                                            session_generation = session_generation + 1,
                                            invite_expires_at = NULL, password_changed_at = :now, updated_at = :now
                         WHERE invite_token_hash = :invite AND invite_expires_at > :now
                        RETURNING company_id, employee_id
                        """)
                .param("hash", passwordHash)
                .param("invite", inviteHash)
                .param("now", utc(now))
                .query((rs, n) -> new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list();
        return keys.isEmpty() ? Optional.empty() : find(keys.get(0)[0], keys.get(0)[1]);
    }

    void updatePassword(UUID companyId, UUID employeeId, String passwordHash, boolean changed, Instant now) {
        jdbc.sql("""
                        UPDATE accounts SET password_hash = :hash, updated_at = :now,
                               password_changed_at = CASE WHEN :changed THEN :now ELSE password_changed_at END,
                               session_generation = CASE WHEN :changed THEN session_generation + 1 ELSE session_generation END,
                               invite_token_hash = CASE WHEN :changed THEN NULL ELSE invite_token_hash END,
                               invite_expires_at = CASE WHEN :changed THEN NULL ELSE invite_expires_at END
                         WHERE company_id = :company AND employee_id = :employee
                        """)
                .param("hash", passwordHash)
                .param("changed", changed)
                .param("now", utc(now))
                .param("company", companyId)
                .param("employee", employeeId)
                .update();
    }

    /**
     * Turns the account on or off. Either way every token issued before ends (a reactivated
     * account signs in afresh); turning it off also withdraws a pending invitation.
     */
    boolean setActive(UUID companyId, UUID employeeId, boolean active, Instant now) {
        return jdbc.sql("""
                        UPDATE accounts SET active = :active, updated_at = :now, session_generation = session_generation + 1,
                               invite_token_hash = CASE WHEN :active THEN invite_token_hash END,
                               invite_expires_at = CASE WHEN :active THEN invite_expires_at END
                         WHERE company_id = :company AND employee_id = :employee
                        """)
                .param("active", active)
                .param("now", utc(now))
                .param("company", companyId)
                .param("employee", employeeId)
                .update() == 1;
    }

    /** The employee of a company whose e-mail has this key: its address as stored, and whether it may sign in now. */
    record EmployeeMatch(UUID id, String email, boolean usable) {
    }

    /** The employee with this e-mail key in the company (at most one: the key is unique per company, V113). */
    Optional<EmployeeMatch> employeeByEmailKey(UUID companyId, String emailKey) {
        // Terminated people (access ended) are not usable, like inactive ones.
        return jdbc.sql("SELECT e.id, e.email, (e.active AND " + EMPLOYMENT_NOT_ENDED + ") AS usable"
                        + " FROM employees e WHERE e.company_id = :company AND e.email_key = :key")
                .param("company", companyId).param("key", emailKey).param("now", utc(clock.instant()))
                .query((rs, n) -> new EmployeeMatch(rs.getObject("id", UUID.class), rs.getString("email"), rs.getBoolean("usable")))
                .optional();
    }

    /** Activates an account that waits for its invitation (and uses the invitation up); false for a deactivated one. */
    boolean activateInvited(UUID companyId, UUID employeeId, Instant now) {
        return jdbc.sql("""
                        UPDATE accounts SET active = true, invite_token_hash = NULL, invite_expires_at = NULL, updated_at = :now
                         WHERE company_id = :company AND employee_id = :employee AND NOT active AND invite_token_hash IS NOT NULL
                        """)
                .param("now", utc(now)).param("company", companyId).param("employee", employeeId).update() == 1;
    }

    /** Ends every token of the account (sign-out everywhere, termination). False when there is no account. */
    boolean endSessions(UUID companyId, UUID employeeId, Instant now) {
        return jdbc.sql("""
                        UPDATE accounts SET session_generation = session_generation + 1, updated_at = :now
                         WHERE company_id = :company AND employee_id = :employee
                        """)
                .param("now", utc(now))
                .param("company", companyId)
                .param("employee", employeeId)
                .update() == 1;
    }

    /** An account whose sessions ended because its employee's access ended. */
    record EndedAccess(UUID companyId, UUID employeeId) {
    }

    /**
     * Ends every session of the accounts whose employee's access has ended (termination, issue
     * 25) and not yet for that access end: once per {@code access_ends_at}, across companies (the
     * worker's pass; the partial index on {@code access_ends_at} finds the few candidates).
     */
    List<EndedAccess> endSessionsWhereAccessEnded(Instant now) {
        return jdbc.sql("""
                        UPDATE accounts a
                           SET session_generation = a.session_generation + 1, access_ended_at = e.access_ends_at, updated_at = :now
                          FROM employees e
                         WHERE e.company_id = a.company_id AND e.id = a.employee_id
                           AND e.access_ends_at IS NOT NULL AND e.access_ends_at <= :now
                           AND a.access_ended_at IS DISTINCT FROM e.access_ends_at
                        RETURNING a.company_id, a.employee_id
                        """)
                .param("now", utc(now))
                .query((rs, n) -> new EndedAccess(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    Optional<EmployeeView> employee(UUID companyId, UUID employeeId) {
        return jdbc.sql("""
                        SELECT id, company_id, first_name, last_name, email, pay_type, workday_minutes, timezone,
                               hire_date, manager_id, work_days, workday_start
                          FROM employees WHERE company_id = :company AND id = :employee
                        """)
                .param("company", companyId)
                .param("employee", employeeId)
                .query((rs, n) -> new EmployeeView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("company_id", UUID.class),
                        rs.getString("first_name"),
                        rs.getString("last_name"),
                        rs.getString("email"),
                        rs.getString("pay_type"),
                        rs.getInt("workday_minutes"),
                        rs.getString("timezone"),
                        rs.getObject("hire_date", java.time.LocalDate.class),
                        rs.getObject("manager_id", UUID.class),
                        strings(rs.getArray("work_days")),
                        rs.getObject("workday_start", LocalTime.class).format(HH_MM)))
                .optional();
    }

    private static StoredAccount account(java.sql.ResultSet rs, int row) throws SQLException {
        return new StoredAccount(
                rs.getObject("company_id", UUID.class),
                rs.getObject("employee_id", UUID.class),
                rs.getString("email"),
                rs.getString("password_hash"),
                Role.parse(rs.getString("role")),
                rs.getBoolean("active"),
                rs.getBoolean("usable"),
                rs.getLong("session_generation"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
