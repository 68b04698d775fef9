package com.powerpto.accrual;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of the balance forecast: the time already booked (its amounts come from the timeline). */
@Repository
class ForecastRepository {

    private final JdbcClient jdbc;

    ForecastRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

}
