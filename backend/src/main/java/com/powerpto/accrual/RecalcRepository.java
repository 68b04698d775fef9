package com.powerpto.accrual;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.accrual.calc.ExpectedAccruals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads of the recalculation (docs/corrections.md): the effective-dated inputs of a set of
 * balances and what the ledger holds for their time-accrual dates, a few set-based queries per
 * batch of employees. Writes go through the ledger package; the queue is this feature's own table.
 */
@Repository
class RecalcRepository {

    static final String ACCRUAL_PREFIX = "accrual:";
    static final String CORRECTION_PREFIX = "accrual-fix:";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    RecalcRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** A balance key within one company. */
    record Key(UUID employeeId, UUID policyId) {
    }

    /** One assignment span of a balance whose policy has a TIME version, with the employee's hire date. */
    record SpanRow(Key key, LocalDate from, LocalDate toExclusive, LocalDate hireDate) {
    }

    /** A time-accrual ledger entry of a balance, with the accrual date it belongs to. */
    record PostedRow(Key key, LocalDate date, long minutes, boolean correction, UUID versionId) {
    }

    /** Assignment spans (starting on or before {@code through}) of TIME policies; null employees/policy = all. */
    List<SpanRow> spans(UUID companyId, Collection<UUID> employeesOrNull, UUID policyOrNull, LocalDate through) {
        return jdbc.sql("""
                SELECT a.employee_id, a.policy_id, a.effective_from, a.effective_to, e.hire_date
                FROM assignments a
                JOIN employees e ON e.company_id = a.company_id AND e.id = a.employee_id
                WHERE a.company_id = :company AND a.effective_from <= :through
                  AND (CAST(:employees AS uuid[]) IS NULL OR a.employee_id = ANY (CAST(:employees AS uuid[])))
                  AND (CAST(:policy AS uuid) IS NULL OR a.policy_id = CAST(:policy AS uuid))
                  AND EXISTS (SELECT 1 FROM policy_versions v WHERE v.company_id = a.company_id
                              AND v.policy_id = a.policy_id AND v.type = 'ACCRUAL' AND v.accrual_method = 'TIME')
                ORDER BY a.employee_id, a.policy_id, a.effective_from
                """).param("company", companyId).param("through", through)
                .param("employees", uuidArray(employeesOrNull)).param("policy", str(policyOrNull))
                .query((rs, i) -> new SpanRow(new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** Every version of the given policies, oldest first; non-TIME (or unreadable) versions have no rule. */
    Map<UUID, List<ExpectedAccruals.Version>> versions(UUID companyId, Collection<UUID> policyIds) {
        Map<UUID, List<ExpectedAccruals.Version>> byPolicy = new HashMap<>();
        jdbc.sql("""
                SELECT policy_id, id, effective_from, effective_to, settings::text FROM policy_versions
                WHERE company_id = :company AND policy_id = ANY (CAST(:policies AS uuid[]))
                ORDER BY policy_id, effective_from
                """).param("company", companyId).param("policies", uuidArray(policyIds)).query(rs -> {
            AccrualSettings settings;
            try {
                settings = AccrualSettings.parse(mapper.readTree(rs.getString(5)));
            } catch (Exception unreadable) {
                settings = null; // earns nothing by date; the daily job reports it as an error row
            }
            boolean time = settings != null && settings.isTime();
            byPolicy.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ExpectedAccruals.Version(
                    rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                    time ? settings.timeRule() : null, time ? settings.bankCapMinutes() : null));
        });
        return byPolicy;
    }

    /** The time-accrual entries (daily job and corrections) of the given employees' balances of the policies. */
    List<PostedRow> posted(UUID companyId, Collection<UUID> employees, Collection<UUID> policies) {
        return jdbc.sql("""
                SELECT employee_id, policy_id, entry_type, source_id, amount_minutes, policy_version_id
                FROM ledger_entries
                WHERE company_id = :company AND employee_id = ANY (CAST(:employees AS uuid[]))
                  AND policy_id = ANY (CAST(:policies AS uuid[])) AND source_type = 'SYSTEM'
                  AND ((entry_type = 'ACCRUAL' AND source_id LIKE 'accrual:%')
                       OR (entry_type = 'ACCRUAL_CORRECTION' AND source_id LIKE 'accrual-fix:%'))
                """).param("company", companyId).param("employees", uuidArray(employees))
                .param("policies", uuidArray(policies))
                .query((rs, i) -> new PostedRow(new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                        LocalDate.parse(rs.getString(4).split(":")[3]), rs.getLong(5),
                        "ACCRUAL_CORRECTION".equals(rs.getString(3)), rs.getObject(6, UUID.class)))
                .list();
    }

    /** Every other change of the banked balance (for the bank-cap replay), by effective date (UTC). */
    Map<Key, List<ExpectedAccruals.Movement>> movements(UUID companyId, Collection<UUID> employees, Collection<UUID> policies) {
        Map<Key, List<ExpectedAccruals.Movement>> byKey = new HashMap<>();
        jdbc.sql("""
                SELECT employee_id, policy_id, effective_at, amount_minutes FROM ledger_entries
                WHERE company_id = :company AND employee_id = ANY (CAST(:employees AS uuid[]))
                  AND policy_id = ANY (CAST(:policies AS uuid[]))
                  AND entry_type NOT IN ('HOLD', 'HOLD_RELEASE')
                  AND NOT (source_type = 'SYSTEM' AND entry_type IN ('ACCRUAL', 'ACCRUAL_CORRECTION')
                           AND (source_id LIKE 'accrual:%' OR source_id LIKE 'accrual-fix:%'))
                """).param("company", companyId).param("employees", uuidArray(employees))
                .param("policies", uuidArray(policies)).query(rs -> {
            Key key = new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
            LocalDate date = rs.getObject(3, java.time.OffsetDateTime.class).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new ExpectedAccruals.Movement(date, rs.getLong(4)));
        });
        return byKey;
    }

    /** Companies that have at least one TIME accrual version (the reconciliation's scope). */
    List<UUID> companiesWithTimePolicies(UUID companyOrNull) {
        return jdbc.sql("""
                SELECT DISTINCT company_id FROM policy_versions WHERE type = 'ACCRUAL' AND accrual_method = 'TIME'
                  AND (CAST(:company AS uuid) IS NULL OR company_id = CAST(:company AS uuid)) ORDER BY 1
                """).param("company", str(companyOrNull)).query(UUID.class).list();
    }

    /** Employees with a TIME assignment in the company, in id order. */
    List<UUID> employeesWithTimeAssignments(UUID companyId, UUID policyOrNull) {
        return jdbc.sql("""
                SELECT DISTINCT a.employee_id FROM assignments a
                WHERE a.company_id = :company AND (CAST(:policy AS uuid) IS NULL OR a.policy_id = CAST(:policy AS uuid))
                  AND EXISTS (SELECT 1 FROM policy_versions v WHERE v.company_id = a.company_id
                              AND v.policy_id = a.policy_id AND v.type = 'ACCRUAL' AND v.accrual_method = 'TIME')
                ORDER BY 1
                """).param("company", companyId).param("policy", str(policyOrNull)).query(UUID.class).list();
    }

    /** Queues every employee assigned to the policy (a span starting on or before {@code through}); returns the count. */
    int enqueuePolicy(UUID companyId, UUID policyId, LocalDate through, String cause) {
        return jdbc.sql("""
                INSERT INTO recalc_queue (company_id, employee_id, policy_id, cause)
                SELECT DISTINCT company_id, employee_id, policy_id, CAST(:cause AS text) FROM assignments
                WHERE company_id = :company AND policy_id = :policy AND effective_from <= :through
                ORDER BY 2
                ON CONFLICT (company_id, employee_id, policy_id) DO UPDATE SET cause = EXCLUDED.cause
                """)
                .param("company", companyId).param("policy", policyId).param("through", through)
                .param("cause", cause).update();
    }

    /** A queued balance. */
    record Queued(UUID companyId, UUID employeeId, UUID policyId, String cause) {
    }

    /** The oldest queued balances, locked (SKIP LOCKED) until the caller's transaction ends. */
    List<Queued> claim(int limit) {
        return jdbc.sql("""
                SELECT company_id, employee_id, policy_id, cause FROM recalc_queue
                ORDER BY enqueued_at, company_id, policy_id, employee_id LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """).param("limit", limit)
                .query((rs, i) -> new Queued(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4))).list();
    }

    void dequeue(UUID companyId, UUID policyId, Collection<UUID> employees) {
        jdbc.sql("""
                DELETE FROM recalc_queue WHERE company_id = :company AND policy_id = :policy
                  AND employee_id = ANY (CAST(:employees AS uuid[]))
                """).param("company", companyId).param("policy", policyId).param("employees", uuidArray(employees)).update();
    }

    long queued(UUID companyOrNull) {
        return jdbc.sql("SELECT count(*) FROM recalc_queue WHERE CAST(:company AS uuid) IS NULL OR company_id = CAST(:company AS uuid)")
                .param("company", str(companyOrNull)).query(Long.class).single();
    }

    private static String uuidArray(Collection<UUID> ids) {
        if (ids == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder("{");
        for (UUID id : ids) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(id);
        }
        return sb.append('}').toString();
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
