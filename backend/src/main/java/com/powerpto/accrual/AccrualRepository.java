package com.powerpto.accrual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read SQL of the daily run: which balances may have an event on a date, with what a time grant of
 * that date needs, in one set-based query however many employees (docs/decisions/0004, docs/worker.md).
 * Every write goes through the ledger package.
 */
@Repository
class AccrualRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    AccrualRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /**
     * An assignment active on the date or the day before, with the versions in force on both days and
     * what a grant of the date needs: the employment covering the date (hire date and last day;
     * {@code employed} false when the employee has employments but none covers the date), the weekly
     * minutes in force, the opening balance's date, and whether the date's grant is already posted.
     */
    record Candidate(UUID companyId, UUID employeeId, UUID policyId, LocalDate assignmentFrom, LocalDate assignmentTo,
                     boolean employeeActive, UUID versionOnDay, UUID versionOnEve, LocalDate hireDate, LocalDate lastDay,
                     boolean employed, long weeklyMinutes, LocalDate openingAsOf, boolean grantPosted) {
    }

    /** Settings of every ACCRUAL version in force on {@code day} or the day before, by version id (null = unreadable). */
    Map<UUID, AccrualSettings> versions(LocalDate day, UUID companyOrNull) {
        Map<UUID, AccrualSettings> versions = new HashMap<>();
        jdbc.sql("""
                SELECT id, settings::text AS settings FROM policy_versions
                WHERE type = 'ACCRUAL' AND effective_from <= :day AND (effective_to IS NULL OR effective_to > :eve)
                  AND (CAST(:company AS uuid) IS NULL OR company_id = CAST(:company AS uuid))
                """).param("day", day).param("eve", day.minusDays(1)).param("company", str(companyOrNull)).query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            try {
                versions.put(id, AccrualSettings.parse(mapper.readTree(rs.getString("settings"))));
            } catch (JsonProcessingException | RuntimeException e) {
                versions.put(id, null); // unreadable settings: each of its rows counts as an error
            }
        });
        return versions;
    }

    /**
     * Assignments of ACCRUAL policies active on {@code day} or the day before, kept when the day may be
     * a TIME posting date (DAILY, a month or year edge, the assignment's first or last day: the
     * calculator decides) or the policy has a cap, carryover or expiration (the job decides whether the
     * day is one of theirs); the daily run of a date without an edge reads a fraction of the assignments.
     */
    List<Candidate> candidates(LocalDate day, UUID companyOrNull) {
        boolean monthEdge = day.getDayOfMonth() == 1 || day.getDayOfMonth() == day.lengthOfMonth();
        boolean yearEdge = day.getDayOfYear() == 1 || day.getDayOfYear() == day.lengthOfYear();
        return jdbc.sql("""
                SELECT a.company_id, a.employee_id, a.policy_id, a.effective_from, a.effective_to, e.active,
                       v.id AS version_on_day, ve.id AS version_on_eve,
                       coalesce(m.hire_date, CASE WHEN m.seq IS NULL AND NOT has_m.any THEN e.hire_date END) AS hire_date,
                       CASE WHEN m.seq IS NULL AND NOT has_m.any THEN e.termination_date ELSE m.last_day END AS last_day,
                       (m.seq IS NOT NULL OR NOT has_m.any) AS employed,
                       coalesce(s.weekly, cardinality(e.work_days) * e.workday_minutes) AS weekly,
                       o.as_of,
                       EXISTS (SELECT 1 FROM ledger_entries l
                               WHERE l.company_id = a.company_id AND l.source_type = 'SYSTEM' AND l.entry_type = 'ACCRUAL'
                                 AND l.source_id = 'accrual:' || a.policy_id || ':' || a.employee_id || ':' || :day_text
                              ) AS grant_posted
                FROM assignments a
                JOIN employees e ON e.company_id = a.company_id AND e.id = a.employee_id
                LEFT JOIN policy_versions v ON v.company_id = a.company_id AND v.policy_id = a.policy_id AND v.type = 'ACCRUAL'
                     AND v.effective_from <= :day AND (v.effective_to IS NULL OR v.effective_to > :day)
                LEFT JOIN policy_versions ve ON ve.company_id = a.company_id AND ve.policy_id = a.policy_id AND ve.type = 'ACCRUAL'
                     AND ve.effective_from <= :eve AND (ve.effective_to IS NULL OR ve.effective_to > :eve)
                CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM employments x
                                    WHERE x.company_id = a.company_id AND x.employee_id = a.employee_id) AS any) has_m
                LEFT JOIN LATERAL (SELECT x.seq, x.hire_date, x.last_day FROM employments x
                                   WHERE x.company_id = a.company_id AND x.employee_id = a.employee_id
                                     AND (x.hire_date IS NULL OR x.hire_date <= :day)
                                     AND (x.last_day IS NULL OR x.last_day >= :eve)
                                   ORDER BY x.seq DESC LIMIT 1) m ON true
                LEFT JOIN LATERAL (SELECT cardinality(x.work_days) * x.workday_minutes AS weekly FROM employee_schedules x
                                   WHERE x.company_id = a.company_id AND x.employee_id = a.employee_id AND x.effective_from <= :day
                                   ORDER BY x.effective_from DESC LIMIT 1) s ON true
                LEFT JOIN opening_balances o ON o.company_id = a.company_id AND o.employee_id = a.employee_id
                     AND o.policy_id = a.policy_id
                WHERE a.effective_from <= :day AND (a.effective_to IS NULL OR a.effective_to > :eve)
                  AND (v.id IS NOT NULL OR ve.id IS NOT NULL)
                  AND (CAST(:company AS uuid) IS NULL OR a.company_id = CAST(:company AS uuid))
                  AND (v.settings ->> 'accrual_frequency' = 'DAILY'
                       OR a.effective_from = :day OR a.effective_to = :next_day
                       OR (:month_edge AND v.settings ->> 'accrual_frequency' = 'MONTHLY')
                       OR (:year_edge AND v.settings ->> 'accrual_frequency' = 'YEARLY')
                       OR jsonb_typeof(v.settings -> 'bank_cap_minutes') = 'number'
                       OR (v.settings -> 'expiration' ->> 'enabled') = 'true' OR (v.settings -> 'carryover' ->> 'enabled') = 'true'
                       OR (ve.settings -> 'carryover' ->> 'enabled') = 'true')
                ORDER BY a.company_id, a.employee_id, a.policy_id
                """)
                .param("day", day).param("eve", day.minusDays(1)).param("day_text", day.toString())
                .param("next_day", day.plusDays(1)).param("month_edge", monthEdge).param("year_edge", yearEdge)
                .param("company", str(companyOrNull))
                .query((rs, i) -> new Candidate(rs.getObject("company_id", UUID.class), rs.getObject("employee_id", UUID.class),
                        rs.getObject("policy_id", UUID.class), rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_to", LocalDate.class), rs.getBoolean("active"),
                        rs.getObject("version_on_day", UUID.class), rs.getObject("version_on_eve", UUID.class),
                        rs.getObject("hire_date", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                        rs.getBoolean("employed"), rs.getLong("weekly"), rs.getObject("as_of", LocalDate.class),
                        rs.getBoolean("grant_posted")))
                .list();
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
