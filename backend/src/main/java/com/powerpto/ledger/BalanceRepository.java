package com.powerpto.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Reads balances for display: snapshots joined with the policies an employee is assigned to. */
@Repository
class BalanceRepository {

    private final JdbcClient jdbc;

    BalanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One row per policy the employee is assigned to today or later, or has ledger history on.
     * bench/pgbench/balance.sql (the read anchor) runs this very statement: keep the two identical.
     */
    List<BalanceView> forEmployee(UUID companyId, UUID employeeId, LocalDate today) {
        return jdbc.sql("""
                SELECT p.id, p.key, p.category, p.name, p.description,
                       (SELECT v.type FROM policy_versions v
                        WHERE v.company_id = p.company_id AND v.policy_id = p.id
                        ORDER BY (v.effective_from <= :today) DESC,
                                 CASE WHEN v.effective_from <= :today THEN -v.version ELSE v.version END
                        LIMIT 1) AS type,
                       coalesce(b.accrued_minutes, 0) AS accrued, coalesce(b.used_minutes, 0) AS used,
                       coalesce(b.held_minutes, 0) AS held, coalesce(b.updated_at, p.created_at) AS updated_at
                FROM policies p
                LEFT JOIN balance_snapshots b
                  ON b.company_id = p.company_id AND b.employee_id = :employee AND b.policy_id = p.id
                WHERE p.company_id = :company
                  AND (b.policy_id IS NOT NULL OR EXISTS (
                        SELECT 1 FROM assignments a
                        WHERE a.company_id = :company AND a.employee_id = :employee AND a.policy_id = p.id
                          AND (a.effective_to IS NULL OR a.effective_to > :today)))
                ORDER BY p.key
                """).param("company", companyId).param("employee", employeeId).param("today", today)
                .query((rs, i) -> {
                    boolean unlimited = "UNLIMITED".equals(rs.getString("type"));
                    Balance balance = new Balance(rs.getLong("accrued"), rs.getLong("used"), rs.getLong("held"));
                    return new BalanceView(rs.getObject("id", UUID.class), rs.getString("key"), rs.getString("category"),
                            balance.accrued(), balance.used(), balance.held(), unlimited ? null : balance.available(),
                            unlimited, rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                            rs.getString("name"), rs.getString("description"));
                }).list();
    }

    boolean employeeExists(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM employees WHERE company_id = :company AND id = :employee)")
                .param("company", companyId).param("employee", employeeId).query(Boolean.class).single();
    }


    /** The version in force today (or the first one if none is yet) and its balance rule, for adjustments. */
    java.util.Optional<VersionRule> versionRule(UUID companyId, UUID employeeId, UUID policyId, LocalDate today) {
        return jdbc.sql("""
                SELECT id, type, coalesce((settings ->> 'allow_negative')::boolean, false) AS allow_negative,
                       (settings ->> 'negative_limit_minutes')::integer AS negative_limit, settings ->> 'unit' AS unit,
                       (SELECT e.workday_minutes FROM employees e WHERE e.company_id = :company AND e.id = :employee) AS workday
                FROM policy_versions WHERE company_id = :company AND policy_id = :policy
                ORDER BY (effective_from <= :today) DESC, CASE WHEN effective_from <= :today THEN -version ELSE version END
                LIMIT 1
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId).param("today", today)
                .query((rs, i) -> new VersionRule(rs.getObject("id", UUID.class),
                        "UNLIMITED".equals(rs.getString("type")) ? BalanceRule.UNLIMITED
                                : new BalanceRule(false, rs.getBoolean("allow_negative"), (Integer) rs.getObject("negative_limit"),
                                new AmountUnit(rs.getString("unit"), rs.getInt("workday")))))
                .optional();
    }

    boolean everAssigned(UUID companyId, UUID employeeId, UUID policyId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM assignments WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy)")
                .param("company", companyId).param("employee", employeeId).param("policy", policyId)
                .query(Boolean.class).single();
    }

    /** Records that the balance stands as of {@code asOf} (an opening balance); the latest date wins. */
    void openingBalance(UUID companyId, UUID employeeId, UUID policyId, LocalDate asOf) {
        jdbc.sql("""
                INSERT INTO opening_balances (company_id, employee_id, policy_id, as_of) VALUES (:company, :employee, :policy, :asOf)
                ON CONFLICT (company_id, employee_id, policy_id)
                    DO UPDATE SET as_of = greatest(opening_balances.as_of, EXCLUDED.as_of), updated_at = now()
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId).param("asOf", asOf)
                .update();
    }

    record VersionRule(UUID versionId, BalanceRule rule) {
    }
}
