package com.powerpto.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Read SQL of the payroll webhook (employees, HOURS_WORKED assignments and their versions: docs/worker.md). */
@Repository
class PayrollRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    PayrollRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    record HoursAssignment(UUID employeeId, UUID policyId, UUID versionId, LocalDate assignmentFrom, LocalDate hireDate,
                           boolean employeeActive, JsonNode settings) {
    }

    boolean companyExists(UUID companyId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM companies WHERE id = :company)").param("company", companyId)
                .query(Boolean.class).single();
    }

    Set<UUID> existingEmployees(UUID companyId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM employees WHERE company_id = :company AND id IN (:ids)")
                .param("company", companyId).param("ids", ids).query(UUID.class).list());
    }

    /** HOURS_WORKED assignments of these employees active on {@code day}, with the version in force that day. */
    List<HoursAssignment> hoursAssignments(UUID companyId, Collection<UUID> employeeIds, LocalDate day) {
        if (employeeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.employee_id, a.policy_id, v.id AS version_id, a.effective_from, e.hire_date, e.active,
                       v.settings::text AS settings
                FROM assignments a
                JOIN policy_versions v ON v.company_id = a.company_id AND v.policy_id = a.policy_id
                     AND v.effective_from <= :day AND (v.effective_to IS NULL OR v.effective_to > :day)
                JOIN employees e ON e.company_id = a.company_id AND e.id = a.employee_id
                WHERE a.company_id = :company AND a.employee_id IN (:employees)
                  AND a.effective_from <= :day AND (a.effective_to IS NULL OR a.effective_to > :day)
                  AND v.type = 'ACCRUAL' AND v.accrual_method = 'HOURS_WORKED'
                ORDER BY a.employee_id, a.policy_id
                """).param("company", companyId).param("employees", employeeIds).param("day", day)
                .query((rs, i) -> {
                    JsonNode settings;
                    try {
                        settings = mapper.readTree(rs.getString("settings"));
                    } catch (Exception e) {
                        settings = null;
                    }
                    return new HoursAssignment(rs.getObject("employee_id", UUID.class), rs.getObject("policy_id", UUID.class),
                            rs.getObject("version_id", UUID.class), rs.getObject("effective_from", LocalDate.class),
                            rs.getObject("hire_date", LocalDate.class), rs.getBoolean("active"), settings);
                }).list();
    }
}
