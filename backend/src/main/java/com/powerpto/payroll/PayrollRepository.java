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

    /**
     * HOURS_WORKED assignments of these employees that overlap the payroll period (review fix 4: not
     * only those active on its last day), with the version in force on the assignment's last day
     * inside the period.
     */
    List<HoursAssignment> hoursAssignments(UUID companyId, Collection<UUID> employeeIds, LocalDate start, LocalDate end) {
        if (employeeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.employee_id, a.policy_id, v.id AS version_id, a.effective_from, a.effective_to, e.hire_date,
                       e.active, v.settings::text AS settings
                FROM assignments a
                JOIN employees e ON e.company_id = a.company_id AND e.id = a.employee_id
                JOIN policy_versions v ON v.company_id = a.company_id AND v.policy_id = a.policy_id
                     AND v.effective_from <= least(:end, coalesce(a.effective_to - 1, :end))
                     AND (v.effective_to IS NULL OR v.effective_to > least(:end, coalesce(a.effective_to - 1, :end)))
                WHERE a.company_id = :company AND a.employee_id IN (:employees)
                  AND a.effective_from <= :end AND (a.effective_to IS NULL OR a.effective_to > :start)
                  AND v.type = 'ACCRUAL' AND v.accrual_method = 'HOURS_WORKED'
                ORDER BY a.employee_id, a.policy_id, a.effective_from
                """).param("company", companyId).param("employees", employeeIds).param("start", start).param("end", end)
                .query((rs, i) -> {
                    JsonNode settings;
                    try {
                        settings = mapper.readTree(rs.getString("settings"));
                    } catch (Exception e) {
                        settings = null;
                    }
                    return new HoursAssignment(rs.getObject("employee_id", UUID.class), rs.getObject("policy_id", UUID.class),
                            rs.getObject("version_id", UUID.class), rs.getObject("effective_from", LocalDate.class),
                            rs.getObject("effective_to", LocalDate.class), rs.getObject("hire_date", LocalDate.class),
                            rs.getBoolean("active"), settings);
                }).list();
    }

    /** The carried fractional minute (millionths) of each balance of these employees: its latest remainder row. */
    Map<List<UUID>, Long> latestRemainders(UUID companyId, Collection<UUID> employeeIds) {
        Map<List<UUID>, Long> remainders = new java.util.HashMap<>();
        if (employeeIds.isEmpty()) {
            return remainders;
        }
        jdbc.sql("""
                SELECT DISTINCT ON (employee_id, policy_id) employee_id, policy_id, remainder_micro
                FROM payroll_remainders WHERE company_id = :company AND employee_id IN (:employees)
                ORDER BY employee_id, policy_id, seq DESC
                """).param("company", companyId).param("employees", employeeIds).query(rs -> {
            remainders.put(List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), rs.getLong(3));
        });
        return remainders;
    }

    /** Records this run's remainder of one balance; false when the run was already processed for it (a replay). */
    boolean recordRemainder(UUID companyId, UUID employeeId, UUID policyId, String runId, long remainderMicro) {
        return jdbc.sql("""
                INSERT INTO payroll_remainders (company_id, employee_id, policy_id, payroll_run_id, remainder_micro)
                VALUES (:company, :employee, :policy, :run, :remainder) ON CONFLICT DO NOTHING
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId).param("run", runId)
                .param("remainder", remainderMicro).update() == 1;
    }

    /** The carryover marker of a balance for {@code year} (metadata text), if that carryover ran. */
    java.util.Optional<String> carryover(UUID companyId, UUID employeeId, UUID policyId, int year) {
        return jdbc.sql("""
                SELECT coalesce(metadata_json::text, '{}') FROM ledger_entries
                WHERE company_id = :company AND source_type = 'SYSTEM' AND entry_type = 'CARRYOVER'
                  AND source_id = 'carryover:' || CAST(:policy AS text) || ':' || CAST(:employee AS text) || ':' || :year
                """).param("company", companyId).param("policy", policyId.toString()).param("employee", employeeId.toString())
                .param("year", String.valueOf(year)).query(String.class).optional();
    }

    /** Old-year payroll minutes that arrived after that year's carryover (already counted against the cap). */
    long lateOldYearPayroll(UUID companyId, UUID employeeId, UUID policyId, LocalDate newYear) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount_minutes), 0) FROM ledger_entries
                WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy
                  AND source_type = 'PAYROLL' AND entry_type IN ('ACCRUAL', 'EXPIRATION')
                  AND effective_at < CAST(:from AS date)
                  AND created_at > (SELECT min(created_at) FROM ledger_entries c
                                    WHERE c.company_id = :company AND c.employee_id = :employee AND c.policy_id = :policy
                                      AND c.entry_type = 'CARRYOVER' AND c.effective_at = CAST(:from AS date))
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId).param("from", newYear)
                .query(Long.class).single();
    }
}
