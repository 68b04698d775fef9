package com.powerpto.delegation;

import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class DelegationRepository {

    private final JdbcClient jdbc;

    DelegationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Active employees whose manager delegated approvals to {@code delegate} with a delegation in
     * force on {@code day}, the delegate's own reports and the delegate excluded.
     */
    List<UUID> delegatedReports(UUID companyId, UUID delegate, LocalDate day) {
        return jdbc.sql("""
                SELECT e.id FROM employees e
                WHERE e.company_id = :company AND e.active AND e.id <> :delegate
                  AND e.manager_id IS DISTINCT FROM :delegate
                  AND e.manager_id IN (SELECT d.delegator_id FROM approval_delegations d
                                       WHERE d.company_id = :company AND d.delegate_id = :delegate
                                         AND d.revoked_at IS NULL AND d.start_date <= :day AND d.end_date >= :day)
                ORDER BY e.last_name, e.first_name, e.id LIMIT 2000
                """).param("company", companyId).param("delegate", delegate).param("day", day)
                .query(UUID.class).list();
    }

    /** Whether {@code delegate} decides {@code employee}'s requests on {@code day} through a delegation from their manager. */
    boolean decidesFor(UUID companyId, UUID delegate, UUID employee, LocalDate day) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM employees e JOIN approval_delegations d
                                 ON d.company_id = e.company_id AND d.delegator_id = e.manager_id
                               WHERE e.company_id = :company AND e.id = :employee AND d.delegate_id = :delegate
                                 AND d.revoked_at IS NULL AND d.start_date <= :day AND d.end_date >= :day)
                """).param("company", companyId).param("employee", employee).param("delegate", delegate).param("day", day)
                .query(Boolean.class).single();
    }

    /** People who can receive a delegation: active employees with a manager or admin account. */
    /**
     * Who a delegation can go to (issue 26: not only those who have signed in): active employees with
     * a manager or admin account that is active or still invited, and managers of active employees
     * who have no account yet (imported with their team, not invited). {@code account} says which.
     */
    List<Approver> approvers(UUID companyId, java.time.Instant now) {
        return jdbc.sql(APPROVERS + " ORDER BY e.last_name, e.first_name, e.id LIMIT 2000")
                .param("company", companyId).param("now", Timestamp.from(now))
                .query((rs, i) -> new Approver(rs.getObject("id", UUID.class), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("role"), rs.getString("account")))
                .list();
    }

    /** Whether this employee is among {@link #approvers}. */
    boolean isApprover(UUID companyId, UUID employeeId, java.time.Instant now) {
        return jdbc.sql("SELECT EXISTS (" + APPROVERS + " AND e.id = :employee)")
                .param("company", companyId).param("now", Timestamp.from(now))
                .param("employee", employeeId).query(Boolean.class).single();
    }

    private static final String APPROVERS = """
            SELECT e.id, e.first_name, e.last_name, coalesce(a.role, 'manager') AS role,
                   CASE WHEN a.employee_id IS NULL THEN 'none' WHEN a.active THEN 'active' ELSE 'invited' END AS account
            FROM employees e
            LEFT JOIN accounts a ON a.company_id = e.company_id AND a.employee_id = e.id
            WHERE e.company_id = :company AND e.active AND (e.access_ends_at IS NULL OR e.access_ends_at > :now)
              AND CASE
                    WHEN a.employee_id IS NULL THEN EXISTS (
                        SELECT 1 FROM employees r WHERE r.company_id = e.company_id AND r.manager_id = e.id
                          AND (r.access_ends_at IS NULL OR r.access_ends_at > :now))
                    ELSE a.role IN ('manager', 'admin')
                         AND (a.active OR (a.password_hash IS NULL AND a.invite_token_hash IS NOT NULL))
                  END
            """;

    boolean employeeExists(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM employees WHERE company_id = :company AND id = :id)")
                .param("company", companyId).param("id", employeeId).query(Boolean.class).single();
    }

    void insert(Delegation d) {
        jdbc.sql("""
                INSERT INTO approval_delegations (company_id, id, delegator_id, delegate_id, start_date, end_date, note,
                    created_by, created_at)
                VALUES (:company, :id, :delegator, :delegate, :start, :end, :note, :created_by, :created_at)
                """).param("company", d.companyId()).param("id", d.id()).param("delegator", d.delegatorId())
                .param("delegate", d.delegateId()).param("start", d.startDate()).param("end", d.endDate())
                .param("note", d.note()).param("created_by", d.createdBy())
                .param("created_at", Timestamp.from(d.createdAt())).update();
    }

    Optional<Delegation> lock(UUID companyId, UUID id) {
        return jdbc.sql("SELECT * FROM approval_delegations WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId).param("id", id).query(mapper()).optional();
    }

    void revoke(Delegation d) {
        jdbc.sql("UPDATE approval_delegations SET revoked_at = :at, revoked_by = :by WHERE company_id = :company AND id = :id")
                .param("at", Timestamp.from(d.revokedAt())).param("by", d.revokedBy())
                .param("company", d.companyId()).param("id", d.id()).update();
    }

    /** All of the company's delegations (admin), or those the person gave or received; newest first. */
    Page<Delegation> list(UUID companyId, UUID person, boolean activeOnly, LocalDate today, PageRequest page) {
        String where = " WHERE company_id = :company"
                + (person == null ? "" : " AND (delegator_id = :person OR delegate_id = :person)")
                + (activeOnly ? " AND revoked_at IS NULL AND end_date >= :today" : "");
        long total = jdbc.sql("SELECT count(*) FROM approval_delegations" + where)
                .param("company", companyId).param("person", person).param("today", today)
                .query(Long.class).single();
        List<Delegation> items = jdbc.sql("SELECT * FROM approval_delegations" + where
                        + " ORDER BY start_date DESC, created_at DESC, id OFFSET :offset LIMIT :limit")
                .param("company", companyId).param("person", person).param("today", today)
                .param("offset", page.offset()).param("limit", page.limit())
                .query(mapper()).list();
        return new Page<>(items, total);
    }

    private static RowMapper<Delegation> mapper() {
        return (rs, i) -> new Delegation(
                rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
                rs.getObject("delegator_id", UUID.class), rs.getObject("delegate_id", UUID.class),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("note"), rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                rs.getObject("revoked_by", UUID.class));
    }
}
