package com.powerpto.imports;

import com.powerpto.employee.Employee;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Set-based reads and batched writes of the employee import (thousands of rows in a few statements). */
@Repository
class ImportRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ImportRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Every employee of the company, locked so that a concurrent import or upsert waits for this one. */
    List<Employee> lockAll(UUID companyId, Instant now) {
        return jdbc.sql("SELECT * FROM employees WHERE company_id = :company ORDER BY id FOR UPDATE")
                .param("company", companyId)
                .query((rs, i) -> {
                    OffsetDateTime ends = rs.getObject("access_ends_at", OffsetDateTime.class);
                    return new Employee(rs.getObject("id", UUID.class), companyId, rs.getString("first_name"),
                            rs.getString("last_name"), rs.getString("email"), Employee.PayType.valueOf(rs.getString("pay_type")),
                            rs.getInt("workday_minutes"), rs.getString("timezone"), rs.getObject("hire_date", LocalDate.class),
                            rs.getObject("manager_id", UUID.class),
                            Arrays.stream((Object[]) rs.getArray("work_days").getArray()).map(String::valueOf).toList(),
                            rs.getObject("workday_start", LocalTime.class),
                            ends != null && !ends.toInstant().isAfter(now) ? Employee.Status.TERMINATED : Employee.Status.ACTIVE,
                            rs.getObject("termination_date", LocalDate.class), rs.getString("department"), rs.getString("location"));
                }).list();
    }

    Set<UUID> withAccount(UUID companyId) {
        return new HashSet<>(jdbc.sql("SELECT employee_id FROM accounts WHERE company_id = :company")
                .param("company", companyId).query(UUID.class).list());
    }

    /** Inserts or updates every field but the manager (managers are set afterwards, once everyone exists). */
    void upsertWithoutManager(List<Employee> employees) {
        batch.batchUpdate("""
                INSERT INTO employees (company_id, id, first_name, last_name, email, pay_type, workday_minutes, timezone,
                    hire_date, work_days, workday_start, department, location)
                VALUES (:company, :id, :first, :last, :email, :pay, :minutes, :tz, :hire, CAST(:days AS text[]), :start,
                    :department, :location)
                ON CONFLICT (company_id, id) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
                    email = EXCLUDED.email, pay_type = EXCLUDED.pay_type, workday_minutes = EXCLUDED.workday_minutes,
                    timezone = EXCLUDED.timezone, hire_date = EXCLUDED.hire_date, work_days = EXCLUDED.work_days,
                    department = EXCLUDED.department, location = EXCLUDED.location, updated_at = now()
                """, employees.stream().map(e -> new MapSqlParameterSource()
                .addValue("company", e.companyId()).addValue("id", e.id()).addValue("first", e.firstName())
                .addValue("last", e.lastName()).addValue("email", e.email()).addValue("pay", e.payType().name())
                .addValue("minutes", e.workdayMinutes()).addValue("tz", e.timezone()).addValue("hire", e.hireDate())
                .addValue("days", "{" + String.join(",", e.workDays()) + "}").addValue("start", e.workdayStart())
                .addValue("department", e.department()).addValue("location", e.location())).toArray(MapSqlParameterSource[]::new));
    }

    void setManagers(List<Employee> employees) {
        batch.batchUpdate("UPDATE employees SET manager_id = :manager, updated_at = now() WHERE company_id = :company AND id = :id",
                employees.stream().map(e -> new MapSqlParameterSource().addValue("manager", e.managerId())
                        .addValue("company", e.companyId()).addValue("id", e.id())).toArray(MapSqlParameterSource[]::new));
    }

    /** Policy ids by key. */
    java.util.Map<String, UUID> policiesByKey(UUID companyId) {
        java.util.Map<String, UUID> policies = new java.util.HashMap<>();
        jdbc.sql("SELECT key, id FROM policies WHERE company_id = :company").param("company", companyId)
                .query(rs -> {
                    policies.put(rs.getString("key"), rs.getObject("id", UUID.class));
                });
        return policies;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
