package com.powerpto.accrual;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.accrual.timeline.BalanceInputs;
import com.powerpto.accrual.timeline.PolicyRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The inputs of balance timelines and what the ledger holds for their events, for a set of employees
 * of one company (optionally one policy): a fixed number of set-based queries whatever the number of
 * employees (docs/decisions/0004, 0040). Writes go through the ledger package.
 */
@Repository
class TimelineRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    TimelineRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** One balance of the company. */
    record Ref(UUID employeeId, UUID policyId) {
    }

    /** A system entry of the ledger (a timeline event's canonical entry or one of its corrections). */
    record Posted(Ref ref, String entryType, String sourceType, String sourceId, long amount, LocalDate date, UUID versionId) {
    }

    /**
     * Every balance of these employees that has an assignment (to {@code policyOrNull}, or any policy),
     * with its inputs; employees without an assignment have no balance here.
     */
    Map<Ref, BalanceInputs> load(UUID companyId, Collection<UUID> employees, UUID policyOrNull) {
        if (employees.isEmpty()) {
            return Map.of();
        }
        String ids = uuidArray(employees);
        Map<Ref, List<BalanceInputs.Span>> spans = spans(companyId, ids, policyOrNull);
        if (spans.isEmpty()) {
            return Map.of();
        }
        Set<UUID> policies = new HashSet<>();
        spans.keySet().forEach(r -> policies.add(r.policyId()));
        Map<UUID, List<BalanceInputs.Version>> versions = versions(companyId, policies);
        Map<UUID, List<BalanceInputs.Employment>> employments = employments(companyId, ids);
        Map<UUID, List<BalanceInputs.Schedule>> schedules = schedules(companyId, ids);
        Map<Ref, List<BalanceInputs.Leave>> leave = leave(companyId, ids, policyOrNull);
        Map<Ref, List<BalanceInputs.Adjustment>> adjustments = new HashMap<>();
        Map<Ref, LocalDate> openings = new HashMap<>();
        adjustments(companyId, ids, policyOrNull, adjustments, openings);
        Map<UUID, List<BalanceInputs.PayrollRun>> payroll = payroll(companyId, ids);
        Map<Ref, BalanceInputs> inputs = new LinkedHashMap<>();
        for (Map.Entry<Ref, List<BalanceInputs.Span>> e : spans.entrySet()) {
            Ref ref = e.getKey();
            inputs.put(ref, new BalanceInputs(employments.getOrDefault(ref.employeeId(), List.of()), e.getValue(),
                    versions.getOrDefault(ref.policyId(), List.of()), schedules.getOrDefault(ref.employeeId(), List.of()),
                    leave.getOrDefault(ref, List.of()), adjustments.getOrDefault(ref, List.of()),
                    payroll.getOrDefault(ref.employeeId(), List.of()), openings.get(ref)));
        }
        return inputs;
    }

    /** The balances of these employees (with an assignment to the policy, or to any policy). */
    Set<Ref> refs(UUID companyId, Collection<UUID> employees, UUID policyOrNull) {
        return spans(companyId, uuidArray(employees), policyOrNull).keySet();
    }

    private Map<Ref, List<BalanceInputs.Span>> spans(UUID companyId, String employees, UUID policyOrNull) {
        Map<Ref, List<BalanceInputs.Span>> spans = new LinkedHashMap<>();
        var sql = jdbc.sql("""
                SELECT a.employee_id, a.policy_id, a.effective_from, a.effective_to
                FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                JOIN assignments a ON a.company_id = :company AND a.employee_id = x.id
                WHERE true %s
                ORDER BY a.employee_id, a.policy_id, a.effective_from
                """.formatted(policyFilter("a", policyOrNull))).param("company", companyId).param("employees", employees).param("policy", str(policyOrNull));
        sql.query(rs -> {
            spans.computeIfAbsent(new Ref(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), k -> new ArrayList<>())
                    .add(new BalanceInputs.Span(rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
        });
        return spans;
    }

    /** Every version of the policies, oldest first; a version whose settings no longer parse has no rules. */
    Map<UUID, List<BalanceInputs.Version>> versions(UUID companyId, Collection<UUID> policies) {
        Map<UUID, List<BalanceInputs.Version>> byPolicy = new HashMap<>();
        if (policies.isEmpty()) {
            return byPolicy;
        }
        jdbc.sql("""
                SELECT policy_id, id, effective_from, effective_to, settings::text FROM policy_versions
                WHERE company_id = :company AND policy_id = ANY (CAST(:policies AS uuid[]))
                ORDER BY policy_id, effective_from, version
                """).param("company", companyId).param("policies", uuidArray(policies)).query(rs -> {
            byPolicy.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new BalanceInputs.Version(
                    rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                    rules(rs.getString(5))));
        });
        return byPolicy;
    }

    /** The rules of a stored settings JSON; null when it no longer parses (such a version earns nothing). */
    PolicyRules rules(String settings) {
        try {
            return AccrualSettings.parse(mapper.readTree(settings)).rules();
        } catch (Exception unreadable) {
            return null;
        }
    }

    /**
     * The employments of each employee, oldest first. An employee written without them (by SQL that
     * predates V101) has one: from the hire date to the termination date of the employee row.
     */
    private Map<UUID, List<BalanceInputs.Employment>> employments(UUID companyId, String employees) {
        Map<UUID, List<BalanceInputs.Employment>> byEmployee = new HashMap<>();
        jdbc.sql("""
                SELECT e.id, coalesce(m.hire_date, CASE WHEN m.seq IS NULL THEN e.hire_date END),
                       CASE WHEN m.seq IS NULL THEN e.termination_date ELSE m.last_day END
                FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                JOIN employees e ON e.company_id = :company AND e.id = x.id
                LEFT JOIN employments m ON m.company_id = e.company_id AND m.employee_id = e.id
                ORDER BY e.id, m.seq
                """).param("company", companyId).param("employees", employees).query(rs -> {
            byEmployee.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new BalanceInputs.Employment(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
        });
        return byEmployee;
    }

    /** Working weeks by date; an employee without schedule rows works the week of the employee row since ever. */
    private Map<UUID, List<BalanceInputs.Schedule>> schedules(UUID companyId, String employees) {
        Map<UUID, List<BalanceInputs.Schedule>> byEmployee = new HashMap<>();
        jdbc.sql("""
                SELECT e.id, coalesce(s.effective_from, DATE '1900-01-01'),
                       coalesce(cardinality(s.work_days) * s.workday_minutes, cardinality(e.work_days) * e.workday_minutes)
                FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                JOIN employees e ON e.company_id = :company AND e.id = x.id
                LEFT JOIN employee_schedules s ON s.company_id = e.company_id AND s.employee_id = e.id
                ORDER BY e.id, s.effective_from
                """).param("company", companyId).param("employees", employees).query(rs -> {
            byEmployee.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new BalanceInputs.Schedule(rs.getObject(2, LocalDate.class), rs.getLong(3)));
        });
        return byEmployee;
    }

    /**
     * Live requests (submitted or approved) with what the ledger says they use and hold now (their own
     * entries and their duration corrections, {@code duration:<request>:<revision>}, issue 28), their
     * day split and the local date they were booked on. A request without a stored split (written
     * before V101 by something else than a submit) counts on its first local day.
     */
    private Map<Ref, List<BalanceInputs.Leave>> leave(UUID companyId, String employees, UUID policyOrNull) {
        record Row(Ref ref, UUID id, LocalDate bookedOn, LocalDate firstDay, long used, long held) {
        }
        List<Row> rows = new ArrayList<>();
        jdbc.sql("""
                WITH posted AS (
                    SELECT l.source_id AS request, l.entry_type, l.amount_minutes
                    FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                    JOIN requests r ON r.company_id = :company AND r.employee_id = x.id
                    JOIN ledger_entries l ON l.company_id = r.company_id AND l.source_type = 'REQUEST' AND l.source_id = r.id::text
                    WHERE r.status IN ('SUBMITTED', 'APPROVED') %1$s
                    UNION ALL
                    SELECT split_part(l.source_id, ':', 2), l.entry_type, l.amount_minutes
                    FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                    JOIN ledger_entries l ON l.company_id = :company AND l.employee_id = x.id
                    WHERE l.source_type = 'REQUEST' AND starts_with(l.source_id, 'duration:')
                )
                SELECT r.employee_id, r.policy_id, r.id, r.submitted_at, r.start_at, e.timezone,
                       coalesce(-sum(l.amount_minutes) FILTER (WHERE l.entry_type IN ('USAGE', 'USAGE_REVERSAL')), 0),
                       coalesce(-sum(l.amount_minutes) FILTER (WHERE l.entry_type IN ('HOLD', 'HOLD_RELEASE')), 0)
                FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                JOIN requests r ON r.company_id = :company AND r.employee_id = x.id
                JOIN employees e ON e.company_id = r.company_id AND e.id = r.employee_id
                JOIN posted l ON l.request = r.id::text
                WHERE r.status IN ('SUBMITTED', 'APPROVED') %1$s
                GROUP BY r.employee_id, r.policy_id, r.id, r.submitted_at, r.start_at, e.timezone
                """.formatted(policyFilter("r", policyOrNull))).param("company", companyId).param("employees", employees).param("policy", str(policyOrNull))
                .query(rs -> {
                    ZoneId zone = zone(rs.getString(6));
                    OffsetDateTime submitted = rs.getObject(4, OffsetDateTime.class);
                    OffsetDateTime start = rs.getObject(5, OffsetDateTime.class);
                    LocalDate firstDay = start.atZoneSameInstant(zone).toLocalDate();
                    rows.add(new Row(new Ref(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), rs.getObject(3, UUID.class),
                            submitted == null ? firstDay : submitted.atZoneSameInstant(zone).toLocalDate(), firstDay,
                            rs.getLong(7), rs.getLong(8)));
                });
        Map<UUID, TreeMap<LocalDate, Long>> days = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                    SELECT d.request_id, d.day, d.minutes FROM unnest(CAST(:requests AS uuid[])) AS x(id)
                    JOIN request_days d ON d.company_id = :company AND d.request_id = x.id
                    """).param("company", companyId).param("requests", uuidArray(rows.stream().map(Row::id).toList()))
                    .query(rs -> {
                        days.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>())
                                .put(rs.getObject(2, LocalDate.class), rs.getLong(3));
                    });
        }
        Map<Ref, List<BalanceInputs.Leave>> leave = new HashMap<>();
        for (Row row : rows) {
            if (row.used() == 0 && row.held() == 0) {
                continue;
            }
            TreeMap<LocalDate, Long> split = days.get(row.id());
            if (split == null || split.isEmpty()) {
                split = new TreeMap<>(Map.of(row.firstDay(), row.used() + row.held()));
            }
            leave.computeIfAbsent(row.ref(), k -> new ArrayList<>())
                    .add(new BalanceInputs.Leave(row.id(), row.bookedOn(), split, row.used(), row.held()));
        }
        return leave;
    }

    /**
     * Adjustments by their date: an opening balance on the date it stands as of (its metadata, or the
     * reason text of imports made before V101), any other on the UTC date it was made.
     */
    private void adjustments(UUID companyId, String employees, UUID policyOrNull, Map<Ref, List<BalanceInputs.Adjustment>> out,
                             Map<Ref, LocalDate> openings) {
        jdbc.sql("""
                SELECT l.employee_id, l.policy_id, l.amount_minutes,
                       coalesce(CAST(l.metadata_json ->> 'as_of' AS date),
                                CAST(substring(l.metadata_json ->> 'reason' FROM '\\(opening balance as of (\\d{4}-\\d{2}-\\d{2})\\)$') AS date),
                                CAST(l.effective_at AT TIME ZONE 'UTC' AS date))
                FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                JOIN ledger_entries l ON l.company_id = :company AND l.employee_id = x.id
                WHERE l.entry_type = 'ADJUSTMENT' %s
                """.formatted(policyFilter("l", policyOrNull))).param("company", companyId).param("employees", employees).param("policy", str(policyOrNull))
                .query(rs -> {
                    out.computeIfAbsent(new Ref(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), k -> new ArrayList<>())
                            .add(new BalanceInputs.Adjustment(rs.getObject(4, LocalDate.class), rs.getLong(3)));
                });
        jdbc.sql("""
                SELECT o.employee_id, o.policy_id, o.as_of FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                JOIN opening_balances o ON o.company_id = :company AND o.employee_id = x.id
                WHERE true %s
                """.formatted(policyFilter("o", policyOrNull))).param("company", companyId).param("employees", employees).param("policy", str(policyOrNull))
                .query(rs -> {
                    openings.put(new Ref(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), rs.getObject(3, LocalDate.class));
                });
    }

    private Map<UUID, List<BalanceInputs.PayrollRun>> payroll(UUID companyId, String employees) {
        Map<UUID, List<BalanceInputs.PayrollRun>> byEmployee = new HashMap<>();
        jdbc.sql("""
                SELECT h.employee_id, h.payroll_run_id, h.period_start, h.period_end, h.worked_minutes, h.seq
                FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                JOIN payroll_run_hours h ON h.company_id = :company AND h.employee_id = x.id
                """).param("company", companyId).param("employees", employees).query(rs -> {
            byEmployee.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new BalanceInputs.PayrollRun(
                    rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getLong(6)));
        });
        return byEmployee;
    }

    /** The system entries (time grants, carryover, expirations, payroll accruals) of these employees' balances. */
    Map<Ref, List<Posted>> posted(UUID companyId, Collection<UUID> employees, UUID policyOrNull) {
        Map<Ref, List<Posted>> byRef = new HashMap<>();
        if (employees.isEmpty()) {
            return byRef;
        }
        jdbc.sql("""
                SELECT l.employee_id, l.policy_id, l.entry_type, l.source_type, l.source_id, l.amount_minutes,
                       CAST(l.effective_at AT TIME ZONE 'UTC' AS date), l.policy_version_id
                FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                JOIN ledger_entries l ON l.company_id = :company AND l.employee_id = x.id
                WHERE l.source_type IN ('SYSTEM', 'PAYROLL')
                  AND l.entry_type IN ('ACCRUAL', 'ACCRUAL_CORRECTION', 'CARRYOVER', 'EXPIRATION') %s
                """.formatted(policyFilter("l", policyOrNull))).param("company", companyId).param("employees", uuidArray(employees)).param("policy", str(policyOrNull))
                .query(rs -> {
                    Ref ref = new Ref(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    byRef.computeIfAbsent(ref, k -> new ArrayList<>()).add(new Posted(ref, rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getObject(8, UUID.class)));
                });
        return byRef;
    }

    /** Employees of the company with an assignment (to the policy, or to any accrual policy), in id order. */
    List<UUID> assignedEmployees(UUID companyId, UUID policyOrNull) {
        return jdbc.sql("""
                SELECT DISTINCT a.employee_id FROM assignments a
                WHERE a.company_id = :company AND (CAST(:policy AS uuid) IS NULL OR a.policy_id = CAST(:policy AS uuid))
                  AND EXISTS (SELECT 1 FROM policy_versions v WHERE v.company_id = a.company_id
                              AND v.policy_id = a.policy_id AND v.type = 'ACCRUAL')
                ORDER BY 1
                """).param("company", companyId).param("policy", str(policyOrNull)).query(UUID.class).list();
    }

    /** Companies with an accrual policy (the reconciliation's scope). */
    List<UUID> companiesWithAccruals(UUID companyOrNull) {
        return jdbc.sql("""
                SELECT DISTINCT company_id FROM policy_versions WHERE type = 'ACCRUAL'
                  AND (CAST(:company AS uuid) IS NULL OR company_id = CAST(:company AS uuid)) ORDER BY 1
                """).param("company", str(companyOrNull)).query(UUID.class).list();
    }

    /** Whether the employee is active (the daily job and policy-wide runs skip inactive employees). */
    Set<UUID> inactive(UUID companyId, Collection<UUID> employees) {
        return new HashSet<>(jdbc.sql("""
                SELECT e.id FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                JOIN employees e ON e.company_id = :company AND e.id = x.id WHERE NOT e.active
                """).param("company", companyId).param("employees", uuidArray(employees)).query(UUID.class).list());
    }

    /**
     * The policy condition, only when there is one: a generic "(:p IS NULL OR …)" makes PostgreSQL's
     * cached plan scan every row of a 1,000-employee batch (RecalcRepository learnt it).
     */
    private static String policyFilter(String alias, UUID policyOrNull) {
        return policyOrNull == null ? "" : "AND " + alias + ".policy_id = CAST(:policy AS uuid)";
    }

    static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static String uuidArray(Collection<UUID> ids) {
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
