package com.powerpto.assignment;

import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
