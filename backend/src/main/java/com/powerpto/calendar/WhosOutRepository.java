package com.powerpto.calendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The viewer of who's out (the absences are the feeds' query), always bound to one company. */
@Repository
class WhosOutRepository {

    private final JdbcClient jdbc;

    WhosOutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The viewer: their manager (for "team") and their work days (for the weekend shading). */
    record Viewer(UUID managerId, List<String> workDays) {
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

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
