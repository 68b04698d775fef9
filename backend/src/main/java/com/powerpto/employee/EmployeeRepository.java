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

    /**
     * Keeps the history a balance timeline reads in step with the employee rows: a first employment for
     * an employee without one, the current (latest) employment's hire date, and a schedule row effective
     * {@code scheduleFrom} when the working week differs from the one in force (since ever for a new employee).
     */
    void recordHistory(UUID companyId, java.util.Collection<UUID> employees, LocalDate scheduleFrom) {
        String ids = "{" + String.join(",", employees.stream().map(UUID::toString).toList()) + "}";
        jdbc.sql("""
                INSERT INTO employments (company_id, employee_id, seq, hire_date, last_day)
                SELECT e.company_id, e.id, 1, e.hire_date, e.termination_date
                FROM unnest(CAST(:ids AS uuid[])) AS x(id) JOIN employees e ON e.company_id = :company AND e.id = x.id
                WHERE NOT EXISTS (SELECT 1 FROM employments m WHERE m.company_id = e.company_id AND m.employee_id = e.id)
                ON CONFLICT DO NOTHING
                """).param("company", companyId).param("ids", ids).update();
        jdbc.sql("""
                UPDATE employments m SET hire_date = e.hire_date, updated_at = now()
                FROM unnest(CAST(:ids AS uuid[])) AS x(id) JOIN employees e ON e.company_id = :company AND e.id = x.id
                WHERE m.company_id = e.company_id AND m.employee_id = e.id AND m.hire_date IS DISTINCT FROM e.hire_date
                  AND m.seq = (SELECT max(seq) FROM employments l WHERE l.company_id = e.company_id AND l.employee_id = e.id)
                """).param("company", companyId).param("ids", ids).update();
        jdbc.sql("""
                INSERT INTO employee_schedules (company_id, employee_id, effective_from, work_days, workday_minutes)
                SELECT e.company_id, e.id, CASE WHEN s.effective_from IS NULL THEN DATE '1900-01-01' ELSE :from END,
                       e.work_days, e.workday_minutes
                FROM unnest(CAST(:ids AS uuid[])) AS x(id) JOIN employees e ON e.company_id = :company AND e.id = x.id
                LEFT JOIN LATERAL (SELECT effective_from, work_days, workday_minutes FROM employee_schedules s
                                   WHERE s.company_id = e.company_id AND s.employee_id = e.id
                                   ORDER BY effective_from DESC LIMIT 1) s ON true
                WHERE s.effective_from IS NULL OR s.work_days <> e.work_days OR s.workday_minutes <> e.workday_minutes
                ON CONFLICT (company_id, employee_id, effective_from)
                    DO UPDATE SET work_days = EXCLUDED.work_days, workday_minutes = EXCLUDED.workday_minutes
                """).param("company", companyId).param("ids", ids).param("from", scheduleFrom).update();
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
