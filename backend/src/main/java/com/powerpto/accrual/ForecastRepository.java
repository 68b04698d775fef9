package com.powerpto.accrual;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of the balance forecast: booked requests, settings in force, carried minutes still to expire. */
@Repository
class ForecastRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    ForecastRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Minutes of SUBMITTED and APPROVED requests starting in {@code [from, to]} (UTC days), by policy. */
    Map<UUID, Long> booked(UUID companyId, UUID employeeId, LocalDate from, LocalDate to) {
        Map<UUID, Long> booked = new HashMap<>();
        jdbc.sql("""
                SELECT policy_id, sum(requested_minutes) FROM requests
                WHERE company_id = :company AND employee_id = :employee AND status IN ('SUBMITTED', 'APPROVED')
                  AND start_at >= CAST(:from AS date) AND start_at < CAST(:to AS date) + 1
                GROUP BY policy_id
                """).param("company", companyId).param("employee", employeeId).param("from", from).param("to", to)
                .query(rs -> {
                    booked.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return booked;
    }

    /**
     * What a hire anniversary counts from, by policy, as in the carryover job ({@link CarryoverJob#anchor}):
     * the hire date, else the start of the employee's latest assignment to the policy starting by {@code through}.
     */
    Map<UUID, LocalDate> anniversaryAnchors(UUID companyId, UUID employeeId, LocalDate through) {
        Map<UUID, LocalDate> anchors = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (a.policy_id) a.policy_id, coalesce(e.hire_date, a.effective_from)
                FROM assignments a JOIN employees e ON e.company_id = a.company_id AND e.id = a.employee_id
                WHERE a.company_id = :company AND a.employee_id = :employee AND a.effective_from <= :through
                ORDER BY a.policy_id, a.effective_from DESC
                """).param("company", companyId).param("employee", employeeId).param("through", through)
                .query(rs -> {
                    anchors.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class));
                });
        return anchors;
    }

    /** Settings of the version in force on {@code day}, by policy (null when unreadable). */
    Map<UUID, AccrualSettings> settingsOn(UUID companyId, List<UUID> policies, LocalDate day) {
        Map<UUID, AccrualSettings> settings = new HashMap<>();
        if (policies.isEmpty()) {
            return settings;
        }
        jdbc.sql("""
                SELECT policy_id, settings::text FROM policy_versions
                WHERE company_id = :company AND policy_id IN (:policies)
                  AND effective_from <= :day AND (effective_to IS NULL OR effective_to > :day)
                """).param("company", companyId).param("policies", policies).param("day", day).query(rs -> {
            try {
                settings.put(rs.getObject(1, UUID.class), AccrualSettings.parse(mapper.readTree(rs.getString(2))));
            } catch (Exception unreadable) {
                settings.put(rs.getObject(1, UUID.class), null);
            }
        });
        return settings;
    }

    /** A carryover whose carried minutes have not expired yet. */
    record PendingCarry(UUID policyId, LocalDate expiresOn, long carried, long usedAtCarryover) {
    }

    List<PendingCarry> pendingCarries(UUID companyId, UUID employeeId, LocalDate after) {
        return jdbc.sql("""
                SELECT c.policy_id, CAST(c.metadata_json ->> 'carry_expires_on' AS date),
                       coalesce(CAST(c.metadata_json ->> 'carried_minutes' AS bigint), 0),
                       coalesce(CAST(c.metadata_json ->> 'used_minutes_at_carryover' AS bigint), 0)
                FROM ledger_entries c
                WHERE c.company_id = :company AND c.employee_id = :employee AND c.entry_type = 'CARRYOVER'
                  AND c.source_type = 'SYSTEM' AND (c.metadata_json ->> 'carry_expires_on') IS NOT NULL
                  AND CAST(c.metadata_json ->> 'carry_expires_on' AS date) > :after
                """).param("company", companyId).param("employee", employeeId).param("after", after)
                .query((rs, i) -> new PendingCarry(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getLong(3), rs.getLong(4))).list();
    }
}
