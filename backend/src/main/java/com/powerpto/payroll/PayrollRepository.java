package com.powerpto.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    record HoursAssignment(UUID employeeId, UUID policyId, UUID versionId, LocalDate assignmentFrom, LocalDate assignmentTo,
                           LocalDate hireDate, boolean employeeActive, JsonNode settings) {
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

    /** The HOURS_WORKED policies each of these employees is assigned to on a day of the period. */
    Map<UUID, Set<UUID>> hoursPolicies(UUID companyId, Collection<UUID> employeeIds, LocalDate start, LocalDate end) {
        Map<UUID, Set<UUID>> policies = new java.util.HashMap<>();
        if (employeeIds.isEmpty()) {
            return policies;
        }
        jdbc.sql("""
                SELECT DISTINCT a.employee_id, a.policy_id
                FROM assignments a
                JOIN policy_versions v ON v.company_id = a.company_id AND v.policy_id = a.policy_id
                WHERE a.company_id = :company AND a.employee_id IN (:employees)
                  AND a.effective_from <= :end AND (a.effective_to IS NULL OR a.effective_to > :start)
                  AND v.type = 'ACCRUAL' AND v.accrual_method = 'HOURS_WORKED'
                  AND v.effective_from <= :end AND (v.effective_to IS NULL OR v.effective_to > :start)
                """).param("company", companyId).param("employees", employeeIds).param("start", start).param("end", end)
                .query(rs -> {
                    policies.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getObject(2, UUID.class));
                });
        return policies;
    }

    /** Stores (or replaces) the run's hours of each employee: a run sent again with other hours is corrected. */
    void saveHours(UUID companyId, String runId, LocalDate start, LocalDate end, Map<UUID, Long> hours) {
        for (Map.Entry<UUID, Long> h : hours.entrySet()) {
            jdbc.sql("""
                    INSERT INTO payroll_run_hours (company_id, payroll_run_id, employee_id, period_start, period_end, worked_minutes)
                    VALUES (:company, :run, :employee, :start, :end, :worked)
                    ON CONFLICT (company_id, payroll_run_id, employee_id) DO UPDATE
                        SET period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
                            worked_minutes = EXCLUDED.worked_minutes, updated_at = now()
                        WHERE (payroll_run_hours.period_start, payroll_run_hours.period_end, payroll_run_hours.worked_minutes)
                              IS DISTINCT FROM (EXCLUDED.period_start, EXCLUDED.period_end, EXCLUDED.worked_minutes)
                    """).param("company", companyId).param("run", runId).param("employee", h.getKey()).param("start", start)
                    .param("end", end).param("worked", h.getValue()).update();
        }
    }
}
