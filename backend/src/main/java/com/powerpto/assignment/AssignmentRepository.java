package com.powerpto.assignment;

import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class AssignmentRepository {

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String table, UUID companyId, UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE company_id = :company AND id = :id)")
                .param("company", companyId).param("id", id).query(Boolean.class).single();
    }

    /** Locks the employee row so two concurrent assignment writes for one employee serialise. */
    void lockEmployee(UUID companyId, UUID employeeId) {
        jdbc.sql("SELECT id FROM employees WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId).param("id", employeeId).query(UUID.class).optional();
    }

    Optional<Assignment> overlapping(UUID companyId, UUID employeeId, UUID policyId, LocalDate from, LocalDate to, UUID exceptId) {
        return jdbc.sql("""
                SELECT * FROM assignments WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy
                  AND id <> :except AND daterange(effective_from, effective_to, '[)') && daterange(:from, :to, '[)')
                LIMIT 1
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId)
                .param("from", from).param("to", to).param("except", exceptId)
                .query(mapper()).optional();
    }

    /** Per employee of {@code employeeIds}, one assignment to the policy overlapping [from, to), if any (one statement). */
    Map<UUID, Assignment> overlappingByEmployee(UUID companyId, List<UUID> employeeIds, UUID policyId, LocalDate from, LocalDate to) {
        Map<UUID, Assignment> found = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (employee_id) * FROM assignments
                WHERE company_id = :company AND policy_id = :policy
                  AND employee_id = ANY(CAST(CAST(:employees AS text[]) AS uuid[]))
                  AND daterange(effective_from, effective_to, '[)') && daterange(:from, :to, '[)')
                ORDER BY employee_id, effective_from
                """).param("company", companyId).param("policy", policyId).param("employees", texts(employeeIds))
                .param("from", from).param("to", to)
                .query(mapper()).list().forEach(a -> found.put(a.employeeId(), a));
        return found;
    }

    /** One new assignment of the same policy and dates per employee, in one statement; returns the stored rows. */
    List<Assignment> insertAll(UUID companyId, UUID policyId, List<UUID> employeeIds, LocalDate from, LocalDate to, UUID createdBy) {
        if (employeeIds.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = employeeIds.stream().map(e -> UUID.randomUUID()).toList();
        return jdbc.sql("""
                INSERT INTO assignments (company_id, id, employee_id, policy_id, effective_from, effective_to, created_by, created_at)
                SELECT :company, CAST(r.id AS uuid), CAST(r.employee AS uuid), :policy, :from, :to, :by, now()
                FROM unnest(CAST(:ids AS text[]), CAST(:employees AS text[])) AS r(id, employee)
                RETURNING *
                """).param("company", companyId).param("policy", policyId).param("ids", texts(ids))
                .param("employees", texts(employeeIds)).param("from", from).param("to", to).param("by", createdBy)
                .query(mapper()).list();
    }

    private static String[] texts(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    void insert(Assignment a) {
        jdbc.sql("""
                INSERT INTO assignments (company_id, id, employee_id, policy_id, effective_from, effective_to, created_by, created_at)
                VALUES (:company, :id, :employee, :policy, :from, :to, :by, now())
                """).param("company", a.companyId()).param("id", a.id()).param("employee", a.employeeId())
                .param("policy", a.policyId()).param("from", a.effectiveFrom()).param("to", a.effectiveTo())
                .param("by", a.createdBy()).update();
    }

    void end(UUID companyId, UUID id, LocalDate effectiveTo) {
        jdbc.sql("UPDATE assignments SET effective_to = :to WHERE company_id = :company AND id = :id")
                .param("to", effectiveTo).param("company", companyId).param("id", id).update();
    }

    Optional<Assignment> find(UUID companyId, UUID id) {
        return jdbc.sql("SELECT * FROM assignments WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).query(mapper()).optional();
    }

    Page<Assignment> page(UUID companyId, String column, UUID value, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM assignments WHERE company_id = :company AND " + column + " = :value")
                .param("company", companyId).param("value", value).query(Long.class).single();
        List<Assignment> items = jdbc.sql("SELECT * FROM assignments WHERE company_id = :company AND " + column
                        + " = :value ORDER BY effective_from DESC, id OFFSET :offset LIMIT :limit")
                .param("company", companyId).param("value", value)
                .param("offset", page.offset()).param("limit", page.limit())
                .query(mapper()).list();
        return new Page<>(items, total);
    }

    /** The employee's assignments still running on {@code day} or later (open-ended or ending after it), oldest first. */
    List<Assignment> runningOnOrAfter(UUID companyId, UUID employeeId, LocalDate day) {
        return jdbc.sql("""
                SELECT * FROM assignments WHERE company_id = :company AND employee_id = :employee
                  AND (effective_to IS NULL OR effective_to > :day) AND (effective_to IS NULL OR effective_to > effective_from)
                ORDER BY effective_from, id
                """).param("company", companyId).param("employee", employeeId).param("day", day)
                .query(mapper()).list();
    }

    List<Assignment> activeOn(UUID companyId, UUID employeeId, LocalDate date) {
        return jdbc.sql("""
                SELECT * FROM assignments WHERE company_id = :company AND employee_id = :employee
                  AND effective_from <= :date AND (effective_to IS NULL OR effective_to > :date)
                ORDER BY effective_from
                """).param("company", companyId).param("employee", employeeId).param("date", date)
                .query(mapper()).list();
    }

    private static RowMapper<Assignment> mapper() {
        return (rs, i) -> new Assignment(
                rs.getObject("id", UUID.class),
                rs.getObject("company_id", UUID.class),
                rs.getObject("employee_id", UUID.class),
                rs.getObject("policy_id", UUID.class),
                rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
