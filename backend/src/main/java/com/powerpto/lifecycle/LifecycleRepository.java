package com.powerpto.lifecycle;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL of the employment lifecycle: the termination columns of {@code employees} and the reports of a manager. */
@Repository
class LifecycleRepository {

    private final JdbcClient jdbc;

    LifecycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the employee row for the whole use case; false when there is no such employee in the company. */
    boolean lockEmployee(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT id FROM employees WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId).param("id", employeeId).query(UUID.class).optional().isPresent();
    }

    void terminate(UUID companyId, UUID employeeId, LocalDate lastDay, String reason, Instant accessEndsAt) {
        jdbc.sql("""
                UPDATE employees SET termination_date = :day, termination_reason = :reason, access_ends_at = :ends,
                    updated_at = now()
                WHERE company_id = :company AND id = :id
                """).param("day", lastDay).param("reason", reason)
                .param("ends", OffsetDateTime.ofInstant(accessEndsAt, ZoneOffset.UTC))
                .param("company", companyId).param("id", employeeId).update();
    }

    void rehire(UUID companyId, UUID employeeId, LocalDate hireDate) {
        jdbc.sql("""
                UPDATE employees SET hire_date = :hire, termination_date = NULL, termination_reason = NULL,
                    access_ends_at = NULL, updated_at = now()
                WHERE company_id = :company AND id = :id
                """).param("hire", hireDate).param("company", companyId).param("id", employeeId).update();
    }

    /** The termination reason (not part of the Employee shape; shown in the audit log). */
    String terminationReason(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT termination_reason FROM employees WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", employeeId).query(String.class).optional().orElse(null);
    }

    /** Direct reports of {@code managerId}, locked, by name. */
    List<UUID> lockReports(UUID companyId, UUID managerId) {
        return jdbc.sql("""
                SELECT id FROM employees WHERE company_id = :company AND manager_id = :manager
                ORDER BY last_name, first_name, id FOR UPDATE
                """).param("company", companyId).param("manager", managerId).query(UUID.class).list();
    }

    void clearManager(UUID companyId, UUID employeeId) {
        jdbc.sql("UPDATE employees SET manager_id = NULL, updated_at = now() WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", employeeId).update();
    }

    /** The display unit of each policy's latest version ({@code DAYS}, the settings' default, when none is set). */
    Map<UUID, String> policyUnits(UUID companyId) {
        Map<UUID, String> units = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (policy_id) policy_id, coalesce(settings ->> 'unit', 'DAYS') AS unit
                FROM policy_versions WHERE company_id = :company ORDER BY policy_id, version DESC
                """).param("company", companyId)
                .query(rs -> {
                    units.put(rs.getObject("policy_id", UUID.class), rs.getString("unit"));
                });
        return units;
    }

    /** The end of the employee's access (the instant the last day ends), null when not terminated. */
    Instant accessEndsAt(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT access_ends_at FROM employees WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", employeeId)
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).optional().map(OffsetDateTime::toInstant).orElse(null);
    }

    /**
     * Ends the current employment on {@code lastDay} and records what the termination changed (so a
     * withdrawal can restore it). An employee without an employment row gets one first.
     */
    void endEmployment(UUID companyId, UUID employeeId, LocalDate lastDay, String effectsJson) {
        ensureEmployment(companyId, employeeId);
        jdbc.sql("""
                UPDATE employments SET last_day = :day, termination_effects = CAST(:effects AS jsonb), updated_at = now()
                WHERE company_id = :company AND employee_id = :id
                  AND seq = (SELECT max(seq) FROM employments WHERE company_id = :company AND employee_id = :id)
                """).param("day", lastDay).param("effects", effectsJson).param("company", companyId).param("id", employeeId)
                .update();
    }

    /** A rehire: a new employment from {@code hireDate}; the earlier ones stay as they were. */
    void startEmployment(UUID companyId, UUID employeeId, LocalDate hireDate) {
        ensureEmployment(companyId, employeeId);
        jdbc.sql("""
                INSERT INTO employments (company_id, employee_id, seq, hire_date)
                SELECT :company, :id, max(seq) + 1, :hire FROM employments WHERE company_id = :company AND employee_id = :id
                """).param("company", companyId).param("id", employeeId).param("hire", hireDate).update();
    }

    /** Withdraws the current employment's end; answers what the termination had recorded (JSON, may be null). */
    String reopenEmployment(UUID companyId, UUID employeeId) {
        ensureEmployment(companyId, employeeId);
        String effects = jdbc.sql("""
                SELECT termination_effects::text FROM employments WHERE company_id = :company AND employee_id = :id
                ORDER BY seq DESC LIMIT 1
                """).param("company", companyId).param("id", employeeId).query(String.class).optional().orElse(null);
        jdbc.sql("""
                UPDATE employments SET last_day = NULL, termination_effects = NULL, updated_at = now()
                WHERE company_id = :company AND employee_id = :id
                  AND seq = (SELECT max(seq) FROM employments WHERE company_id = :company AND employee_id = :id)
                """).param("company", companyId).param("id", employeeId).update();
        return effects;
    }

    void clearTermination(UUID companyId, UUID employeeId) {
        jdbc.sql("""
                UPDATE employees SET termination_date = NULL, termination_reason = NULL, access_ends_at = NULL, updated_at = now()
                WHERE company_id = :company AND id = :id
                """).param("company", companyId).param("id", employeeId).update();
    }

    /** Gives a report their manager back if nobody gave them another one since; false when someone did. */
    boolean restoreManager(UUID companyId, UUID reportId, UUID managerId) {
        return jdbc.sql("""
                UPDATE employees SET manager_id = :manager, updated_at = now()
                WHERE company_id = :company AND id = :id AND manager_id IS NULL
                """).param("manager", managerId).param("company", companyId).param("id", reportId).update() == 1;
    }

    private void ensureEmployment(UUID companyId, UUID employeeId) {
        jdbc.sql("""
                INSERT INTO employments (company_id, employee_id, seq, hire_date, last_day)
                SELECT company_id, id, 1, hire_date, termination_date FROM employees WHERE company_id = :company AND id = :id
                ON CONFLICT DO NOTHING
                """).param("company", companyId).param("id", employeeId).update();
    }
}
