package com.powerpto.calendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rows of the who's-out view, always bound to one company. */
@Repository
class WhosOutRepository {

    private final JdbcClient jdbc;

    WhosOutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The viewer: their manager (for "team") and their work days (for the weekend shading). */
    record Viewer(UUID managerId, List<String> workDays) {
    }

    record Row(UUID requestId, UUID employeeId, String name, Instant startAt, Instant endAt, String status,
               String timezone, LocalTime workdayStart, int workdayMinutes, UUID policyId) {
    }

    Optional<Viewer> viewer(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT manager_id, work_days FROM employees WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", employeeId)
                .query((rs, n) -> new Viewer(rs.getObject("manager_id", UUID.class), strings(rs.getArray("work_days"))))
                .optional();
    }

    boolean isEmployee(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM employees WHERE company_id = :company AND id = :id)")
                .param("company", companyId).param("id", employeeId).query(Boolean.class).single();
    }

    /**
     * Requests of active employees overlapping [from, to): {@code who} is SELF_AND_PEERS (same
     * manager as :person, and :person), REPORTS (of :person, and :person), TEAM_OF (reports of
     * :manager, and :manager) or COMPANY. Submitted ones only when {@code pendingOf} says whose:
     * everyone's (ALL) or only the viewer's own (SELF).
     */
    List<Row> absences(UUID companyId, String who, UUID person, UUID manager, String pendingOf, Instant from, Instant to) {
        String filter = switch (who) {
            case "SELF_AND_PEERS" -> "(e.id = :person OR (CAST(:manager AS uuid) IS NOT NULL AND e.manager_id = :manager))";
            case "REPORTS" -> "(e.manager_id = :person OR e.id = :person)";
            case "TEAM_OF" -> "(e.manager_id = :manager OR e.id = :manager)";
            default -> "TRUE";
        };
        String pending = switch (pendingOf) {
            case "ALL" -> "r.status = 'SUBMITTED'";
            case "SELF" -> "(r.status = 'SUBMITTED' AND r.employee_id = :person)";
            default -> "FALSE";
        };
        return jdbc.sql("""
                SELECT r.id, r.employee_id, e.first_name || ' ' || e.last_name AS name, r.start_at, r.end_at, r.status,
                       e.timezone, e.workday_start, e.workday_minutes, r.policy_id
                FROM requests r
                JOIN employees e ON e.company_id = r.company_id AND e.id = r.employee_id
                WHERE r.company_id = :company AND e.active
                  AND r.start_at < :to AND r.end_at > :from
                  AND (r.status = 'APPROVED' OR %s)
                  AND %s
                ORDER BY r.start_at, name, r.id
                """.formatted(pending, filter))
                .param("company", companyId).param("person", person).param("manager", manager)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("employee_id", UUID.class),
                        rs.getString("name"), rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(),
                        rs.getString("status"), rs.getString("timezone"), rs.getObject("workday_start", LocalTime.class),
                        rs.getInt("workday_minutes"), rs.getObject("policy_id", UUID.class))).list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
