package com.powerpto.request;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The requests a holiday or location change touched (issue 28), until an admin's correction
 * takes them off the list. Every query is bound to one company.
 */
@Repository
class DurationReviewRepository {

    private final JdbcClient jdbc;

    DurationReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A touched live request, with what the list shows of it. */
    record Touched(UUID requestId, UUID employeeId, String employeeName, String cause, Instant touchedAt) {
    }

    /**
     * Marks the live requests of the people in scope ({@code location} null = everyone) that come
     * near one of the dates: the range is widened by a day each side, so any time zone's local day
     * is covered; the correction recomputes, so a request touched needlessly shows no difference.
     */
    int touchByDates(UUID companyId, String location, Set<LocalDate> dates, String cause, Instant now) {
        return jdbc.sql("""
                INSERT INTO request_duration_reviews (company_id, request_id, cause, touched_at)
                SELECT r.company_id, r.id, :cause, :now FROM requests r
                JOIN employees e ON e.company_id = r.company_id AND e.id = r.employee_id
                WHERE r.company_id = :company AND r.status IN ('SUBMITTED', 'APPROVED')
                  AND (CAST(:location AS text) IS NULL OR lower(e.location) = lower(CAST(:location AS text)))
                  AND EXISTS (SELECT 1 FROM unnest(CAST(:dates AS date[])) AS d(day)
                              WHERE r.start_at < (d.day + 2)::timestamp AT TIME ZONE 'UTC'
                                AND r.end_at > (d.day - 1)::timestamp AT TIME ZONE 'UTC')
                ON CONFLICT (company_id, request_id) DO UPDATE SET cause = EXCLUDED.cause, touched_at = EXCLUDED.touched_at
                """).param("company", companyId).param("location", location)
                .param("dates", dates.stream().map(LocalDate::toString).toArray(String[]::new))
                .param("cause", cause(cause)).param("now", Timestamp.from(now)).update();
    }

    /** Marks an employee's live requests that end after {@code from} (the moment their location changed). */
    int touchEmployee(UUID companyId, UUID employeeId, Instant from, String cause, Instant now) {
        return jdbc.sql("""
                INSERT INTO request_duration_reviews (company_id, request_id, cause, touched_at)
                SELECT company_id, id, :cause, :now FROM requests
                WHERE company_id = :company AND employee_id = :employee AND status IN ('SUBMITTED', 'APPROVED')
                  AND end_at > :from
                ON CONFLICT (company_id, request_id) DO UPDATE SET cause = EXCLUDED.cause, touched_at = EXCLUDED.touched_at
                """).param("company", companyId).param("employee", employeeId).param("from", Timestamp.from(from))
                .param("cause", cause(cause)).param("now", Timestamp.from(now)).update();
    }

    /** The touched requests that are still live, by start. */
    List<Touched> touched(UUID companyId) {
        return jdbc.sql("""
                SELECT v.request_id, r.employee_id, e.first_name || ' ' || e.last_name AS name, v.cause, v.touched_at
                FROM request_duration_reviews v
                JOIN requests r ON r.company_id = v.company_id AND r.id = v.request_id
                JOIN employees e ON e.company_id = r.company_id AND e.id = r.employee_id
                WHERE v.company_id = :company AND r.status IN ('SUBMITTED', 'APPROVED')
                ORDER BY r.start_at, r.id
                """).param("company", companyId)
                .query((rs, i) -> new Touched(rs.getObject("request_id", UUID.class), rs.getObject("employee_id", UUID.class),
                        rs.getString("name"), rs.getString("cause"),
                        rs.getObject("touched_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The request ids on the list (all, or those of {@code only}), in id order: the order corrections lock them in. */
    List<UUID> ids(UUID companyId, Collection<UUID> only) {
        return jdbc.sql("""
                SELECT request_id FROM request_duration_reviews
                WHERE company_id = :company AND (CAST(:all AS boolean) OR request_id = ANY (CAST(:only AS uuid[])))
                ORDER BY request_id
                """).param("company", companyId).param("all", only == null)
                .param("only", only == null ? new String[0] : only.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class).list();
    }

    void remove(UUID companyId, UUID requestId) {
        jdbc.sql("DELETE FROM request_duration_reviews WHERE company_id = :company AND request_id = :request")
                .param("company", companyId).param("request", requestId).update();
    }

    private static String cause(String cause) {
        return cause.length() > 300 ? cause.substring(0, 300) : cause;
    }
}
