package com.powerpto.employee;

import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class EmployeeRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    EmployeeRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The listed employees of this company, by name (one statement). */
    List<Employee> findAll(UUID companyId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM employees WHERE company_id = :company AND id IN (:ids) ORDER BY last_name, first_name, id")
                .param("company", companyId).param("ids", ids).query(mapper()).list();
    }

    Optional<Employee> find(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT * FROM employees WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", employeeId).query(mapper()).optional();
    }

    Optional<Employee> lock(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT * FROM employees WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId).param("id", employeeId).query(mapper()).optional();
    }

    /** Another employee has this address, or one that folds to the same key (a fullwidth twin: unique per company, V113). */
    boolean emailTaken(UUID companyId, String email, UUID exceptId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM employees WHERE company_id = :company AND id <> :id
                                          AND (lower(email) = lower(:email) OR email_key = :key))
                        """)
                .param("company", companyId).param("email", email).param("id", exceptId)
                .param("key", com.powerpto.platform.security.EmailKey.of(email)).query(Boolean.class).single();
    }

    /** True when {@code managerId}'s own chain of managers reaches {@code employeeId} (a cycle). */
    boolean wouldCycle(UUID companyId, UUID employeeId, UUID managerId) {
        return jdbc.sql("""
                WITH RECURSIVE chain(id, depth) AS (
                    SELECT CAST(:manager AS uuid), 0
                    UNION ALL
                    SELECT e.manager_id, c.depth + 1 FROM employees e JOIN chain c ON e.company_id = :company AND e.id = c.id
                    WHERE e.manager_id IS NOT NULL AND c.depth < 1000)
                SELECT EXISTS (SELECT 1 FROM chain WHERE id = :employee)
                """).param("company", companyId).param("manager", managerId).param("employee", employeeId)
                .query(Boolean.class).single();
    }

    void upsert(Employee e) {
        jdbc.sql("""
                INSERT INTO employees (company_id, id, first_name, last_name, email, pay_type, workday_minutes, timezone,
                    hire_date, manager_id, work_days, workday_start, department, location, email_key)
                VALUES (:company, :id, :first, :last, :email, :pay, :minutes, :tz, :hire, :manager, CAST(:days AS text[]), :start,
                    :department, :location, :emailKey)
                ON CONFLICT (company_id, id) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
                    email = EXCLUDED.email, email_key = EXCLUDED.email_key, pay_type = EXCLUDED.pay_type, workday_minutes = EXCLUDED.workday_minutes,
                    timezone = EXCLUDED.timezone, hire_date = EXCLUDED.hire_date, manager_id = EXCLUDED.manager_id,
                    work_days = EXCLUDED.work_days, workday_start = EXCLUDED.workday_start,
                    department = EXCLUDED.department, location = EXCLUDED.location, updated_at = now()
                """)
                .param("company", e.companyId()).param("id", e.id()).param("first", e.firstName())
                .param("last", e.lastName()).param("email", e.email()).param("pay", e.payType().name())
                .param("minutes", e.workdayMinutes()).param("tz", e.timezone()).param("hire", e.hireDate())
                .param("manager", e.managerId()).param("days", "{" + String.join(",", e.workDays()) + "}")
                .param("start", e.workdayStart())
                .param("emailKey", com.powerpto.platform.security.EmailKey.of(e.email()))
                .param("department", e.department()).param("location", e.location())
                .update();
    }

    Page<Employee> page(UUID companyId, EmployeeFilter filter, UUID visibleToManager, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE company_id = :company");
        params.put("company", companyId);
        if (filter.managerId() != null) {
            where.append(" AND manager_id = :manager");
            params.put("manager", filter.managerId());
        }
        if (filter.withoutManager()) {
            where.append(" AND manager_id IS NULL");
        }
        if (filter.department() != null) {
            where.append(" AND lower(department) = lower(:department)");
            params.put("department", filter.department());
        }
        if (filter.location() != null) {
            where.append(" AND lower(location) = lower(:location)");
            params.put("location", filter.location());
        }
        if (filter.status() != null) {
            where.append(filter.status() == Employee.Status.ACTIVE
                    ? " AND (access_ends_at IS NULL OR access_ends_at > :now)"
                    : " AND access_ends_at <= :now");
            params.put("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        }
        if (visibleToManager != null) {
            where.append(" AND (manager_id = :me OR id = :me)");
            params.put("me", visibleToManager);
        }
        long total = jdbc.sql("SELECT count(*) FROM employees" + where).params(params).query(Long.class).single();
        List<Employee> items = jdbc.sql("SELECT * FROM employees" + where
                        + " ORDER BY last_name, first_name, id OFFSET :offset LIMIT :limit")
                .params(params).param("offset", page.offset()).param("limit", page.limit())
                .query(mapper()).list();
        return new Page<>(items, total);
    }

    boolean isManagerOf(UUID companyId, UUID managerId, UUID employeeId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM employees WHERE company_id = :company AND id = :employee AND manager_id = :manager)")
                .param("company", companyId).param("employee", employeeId).param("manager", managerId)
                .query(Boolean.class).single();
    }

    private RowMapper<Employee> mapper() {
        Instant now = clock.instant();
        return (rs, i) -> new Employee(
                rs.getObject("id", UUID.class),
                rs.getObject("company_id", UUID.class),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                Employee.PayType.valueOf(rs.getString("pay_type")),
                rs.getInt("workday_minutes"),
                rs.getString("timezone"),
                rs.getObject("hire_date", LocalDate.class),
                rs.getObject("manager_id", UUID.class),
                Arrays.stream((Object[]) rs.getArray("work_days").getArray()).map(String::valueOf).toList(),
                rs.getObject("workday_start", LocalTime.class),
                status(rs.getObject("access_ends_at", OffsetDateTime.class), now),
                rs.getObject("termination_date", LocalDate.class),
                rs.getString("department"),
                rs.getString("location"));
    }

    /** TERMINATED once the end of the last day (in the employee's zone) has passed. */
    static Employee.Status status(OffsetDateTime accessEndsAt, Instant now) {
        return accessEndsAt != null && !accessEndsAt.toInstant().isAfter(now) ? Employee.Status.TERMINATED : Employee.Status.ACTIVE;
    }
}
