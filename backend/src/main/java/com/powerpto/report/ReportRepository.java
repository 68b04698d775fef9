package com.powerpto.report;

import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Read-only reporting SQL. By design these queries read the other features' tables (employees,
 * policies, policy_versions, assignments, requests, balance_snapshots) directly instead of going
 * through their services: a report is a set-based view across the whole company, and calling
 * per-employee services would be N+1. Nothing here writes; the ledger export goes through
 * {@code LedgerService} (its cursor and transaction), not through this class. Every query is
 * scoped by {@code company_id}, which leads every key and index of the schema.
 */
@Repository
class ReportRepository {

    private static final int EXPORT_FETCH_SIZE = 1000;

    /** The version that decides "unlimited" and the unit on :day: in force then, else the first one. */
    private static final String VERSION_ON_DAY = """
            LEFT JOIN LATERAL (
                SELECT pv.type, coalesce(pv.settings->>'unit', 'DAYS') AS unit FROM policy_versions pv
                WHERE pv.company_id = :company AND pv.policy_id = p.id
                ORDER BY (pv.effective_from <= :day) DESC,
                         CASE WHEN pv.effective_from <= :day THEN -pv.version ELSE pv.version END
                LIMIT 1) v ON true
            """;

    private static final String LINE_ORDER = " ORDER BY last_name, first_name, employee_id, key";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    ReportRepository(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        // A cursor with a bounded fetch size keeps CSV exports in constant memory (needs a transaction).
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    /** Today's balances (the snapshots) of every row of the balance report, streamed in report order. */
    void streamBalances(UUID companyId, UUID employeeId, UUID policyId, LocalDate today, Consumer<BalanceLine> sink) {
        Map<String, Object> params = new HashMap<>();
        String keyFilter = keyFilter(employeeId, policyId, params);
        params.put("company", companyId);
        params.put("day", today);
        String sql = """
                WITH keys AS (
                    SELECT employee_id, policy_id FROM assignments
                    WHERE company_id = :company AND (effective_to IS NULL OR effective_to > :day)%1$s
                    UNION
                    SELECT employee_id, policy_id FROM balance_snapshots
                    WHERE company_id = :company%1$s),
                line_rows AS (
                    SELECT e.id AS employee_id, e.first_name, e.last_name, e.email, e.workday_minutes,
                           p.id AS policy_id, p.key, p.name, p.category, v.type, v.unit,
                           coalesce(b.accrued_minutes, 0) AS accrued, coalesce(b.used_minutes, 0) AS used,
                           coalesce(b.held_minutes, 0) AS held
                    FROM keys k
                    JOIN employees e ON e.company_id = :company AND e.id = k.employee_id
                    JOIN policies p ON p.company_id = :company AND p.id = k.policy_id
                    LEFT JOIN balance_snapshots b
                      ON b.company_id = :company AND b.employee_id = k.employee_id AND b.policy_id = k.policy_id
                    %2$s)
                SELECT * FROM line_rows
                """.formatted(keyFilter, VERSION_ON_DAY) + LINE_ORDER;
        try (var rows = streaming.queryForStream(sql, params, lineMapper())) {
            rows.forEach(sink);
        }
    }

    /**
     * Balances as they stood at the end of {@code date} in each employee's time zone, summed from the
     * ledger by effective time (not by when a row was written): every employee × policy assigned on
     * that day or with a ledger entry effective by then.
     */
    Page<BalanceLine> balancesAsOf(UUID companyId, UUID employeeId, UUID policyId, LocalDate date, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String cte = asOfRows(companyId, employeeId, policyId, date, params);
        params.put("offset", page.offset());
        params.put("limit", page.limit());
        long[] total = {0};
        List<BalanceLine> items = new ArrayList<>();
        RowMapper<BalanceLine> mapper = lineMapper();
        jdbc.sql(cte + """
                SELECT t.total, r.*
                FROM (SELECT count(*) AS total FROM line_rows) t
                LEFT JOIN LATERAL (SELECT * FROM line_rows""" + LINE_ORDER + " OFFSET :offset LIMIT :limit) r ON true")
                .params(params).query(rs -> {
                    total[0] = rs.getLong("total");
                    if (rs.getObject("employee_id") != null) {
                        items.add(mapper.mapRow(rs, items.size()));
                    }
                });
        return new Page<>(items, total[0]);
    }

    void streamBalancesAsOf(UUID companyId, UUID employeeId, UUID policyId, LocalDate date, Consumer<BalanceLine> sink) {
        Map<String, Object> params = new HashMap<>();
        String sql = asOfRows(companyId, employeeId, policyId, date, params) + "SELECT * FROM line_rows" + LINE_ORDER;
        try (var rows = streaming.queryForStream(sql, params, lineMapper())) {
            rows.forEach(sink);
        }
    }

    /** The {@code WITH … line_rows} part of the as-of queries (the sums bucket entry types like the snapshot). */
    private static String asOfRows(UUID companyId, UUID employeeId, UUID policyId, LocalDate date,
                                   Map<String, Object> params) {
        String keyFilter = keyFilter(employeeId, policyId, params);
        params.put("company", companyId);
        params.put("day", date);
        params.put("next", date.plusDays(1).atStartOfDay());
        String ledgerFilter = keyFilter.replace("employee_id", "l.employee_id").replace("policy_id", "l.policy_id");
        return """
                WITH keys AS (
                    SELECT employee_id, policy_id FROM assignments
                    WHERE company_id = :company AND effective_from <= :day
                      AND (effective_to IS NULL OR effective_to > :day)%1$s
                    UNION
                    SELECT DISTINCT l.employee_id, l.policy_id FROM ledger_entries l
                    JOIN employees e ON e.company_id = l.company_id AND e.id = l.employee_id
                    WHERE l.company_id = :company AND l.effective_at < (CAST(:next AS timestamp) AT TIME ZONE e.timezone)%2$s),
                line_rows AS (
                    SELECT e.id AS employee_id, e.first_name, e.last_name, e.email, e.workday_minutes,
                           p.id AS policy_id, p.key, p.name, p.category, v.type, v.unit,
                           coalesce(s.accrued, 0) AS accrued, coalesce(s.used, 0) AS used, coalesce(s.held, 0) AS held
                    FROM keys k
                    JOIN employees e ON e.company_id = :company AND e.id = k.employee_id
                    JOIN policies p ON p.company_id = :company AND p.id = k.policy_id
                    LEFT JOIN LATERAL (
                        SELECT sum(amount_minutes) FILTER (WHERE entry_type IN ('ACCRUAL','ACCRUAL_CORRECTION','ADJUSTMENT','CARRYOVER','EXPIRATION')) AS accrued,
                               -sum(amount_minutes) FILTER (WHERE entry_type IN ('USAGE','USAGE_REVERSAL')) AS used,
                               -sum(amount_minutes) FILTER (WHERE entry_type IN ('HOLD','HOLD_RELEASE')) AS held
                        FROM ledger_entries l
                        WHERE l.company_id = :company AND l.employee_id = k.employee_id AND l.policy_id = k.policy_id
                          AND l.effective_at < (CAST(:next AS timestamp) AT TIME ZONE e.timezone)) s ON true
                    %3$s)
                """.formatted(keyFilter, ledgerFilter, VERSION_ON_DAY);
    }

    private static String keyFilter(UUID employeeId, UUID policyId, Map<String, Object> params) {
        StringBuilder keyFilter = new StringBuilder();
        if (employeeId != null) {
            keyFilter.append(" AND employee_id = :employee");
            params.put("employee", employeeId);
        }
        if (policyId != null) {
            keyFilter.append(" AND policy_id = :policy");
            params.put("policy", policyId);
        }
        return keyFilter.toString();
    }

    private static RowMapper<BalanceLine> lineMapper() {
        return (rs, i) -> BalanceLine.of(rs.getObject("employee_id", UUID.class),
                rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("email"),
                rs.getObject("policy_id", UUID.class), rs.getString("key"), rs.getString("name"),
                rs.getString("category"), rs.getString("unit"), rs.getInt("workday_minutes"),
                rs.getLong("accrued"), rs.getLong("used"), rs.getLong("held"), "UNLIMITED".equals(rs.getString("type")));
    }

    /** What the payroll ledger layout adds to a row: who (by employee id) … */
    record EmployeeLabel(String name, String email, int workdayMinutes) {
    }

    /** … and which policy, in which unit (by policy version id). */
    record VersionLabel(String policyKey, String policyName, String unit) {
    }

    /** Every employee of the company (a few thousand rows at most: held in memory during an export). */
    Map<UUID, EmployeeLabel> employeeLabels(UUID companyId) {
        Map<UUID, EmployeeLabel> labels = new HashMap<>();
        jdbc.sql("SELECT id, first_name, last_name, email, workday_minutes FROM employees WHERE company_id = :company")
                .param("company", companyId)
                .query(rs -> {
                    labels.put(rs.getObject("id", UUID.class), new EmployeeLabel(
                            rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("email"),
                            rs.getInt("workday_minutes")));
                });
        return labels;
    }

    /**
     * What a payroll row of a request says: the reason the employee typed, else "time-off request"
     * with its first and last day in the employee's time zone (the end instant is exclusive).
     */
    Map<UUID, String> requestReasons(UUID companyId, java.util.Collection<UUID> requestIds) {
        Map<UUID, String> reasons = new HashMap<>();
        jdbc.sql("""
                SELECT r.id, nullif(btrim(r.reason), '') AS reason,
                       (r.start_at AT TIME ZONE e.timezone)::date AS first_day,
                       ((r.end_at - interval '1 microsecond') AT TIME ZONE e.timezone)::date AS last_day
                FROM requests r JOIN employees e ON e.company_id = r.company_id AND e.id = r.employee_id
                WHERE r.company_id = :company AND r.id IN (:ids)
                """).param("company", companyId).param("ids", requestIds)
                .query(rs -> {
                    String reason = rs.getString("reason");
                    if (reason == null) {
                        String first = rs.getString("first_day");
                        String last = rs.getString("last_day");
                        reason = "time-off request " + (first.equals(last) ? first : first + " to " + last);
                    }
                    reasons.put(rs.getObject("id", UUID.class), reason);
                });
        return reasons;
    }

    Map<UUID, VersionLabel> versionLabels(UUID companyId) {
        Map<UUID, VersionLabel> labels = new HashMap<>();
        jdbc.sql("""
                SELECT v.id, p.key, p.name, coalesce(v.settings->>'unit', 'DAYS') AS unit
                FROM policy_versions v JOIN policies p ON p.company_id = v.company_id AND p.id = v.policy_id
                WHERE v.company_id = :company
                """).param("company", companyId)
                .query(rs -> {
                    labels.put(rs.getObject("id", UUID.class),
                            new VersionLabel(rs.getString("key"), rs.getString("name"), rs.getString("unit")));
                });
        return labels;
    }

    /**
     * One row per employee × policy the employee is assigned to today or later, or has a balance
     * snapshot on; the page and the total come from one statement. Unlimited = the version in force
     * today (or, if none has started yet, the first one) is UNLIMITED — the rule of the employee
     * balances endpoint, so both answers agree.
     */
    Page<BalanceReportRow> balances(UUID companyId, UUID employeeId, UUID policyId, LocalDate today, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("company", companyId);
        params.put("today", today);
        params.put("offset", page.offset());
        params.put("limit", page.limit());
        StringBuilder keyFilter = new StringBuilder();
        if (employeeId != null) {
            keyFilter.append(" AND employee_id = :employee");
            params.put("employee", employeeId);
        }
        if (policyId != null) {
            keyFilter.append(" AND policy_id = :policy");
            params.put("policy", policyId);
        }
        String sql = """
                WITH keys AS (
                    SELECT employee_id, policy_id FROM assignments
                    WHERE company_id = :company AND (effective_to IS NULL OR effective_to > :today)%1$s
                    UNION
                    SELECT employee_id, policy_id FROM balance_snapshots
                    WHERE company_id = :company%1$s),
                balance_rows AS (
                    SELECT e.id AS employee_id, e.first_name, e.last_name, p.id AS policy_id, p.key, p.name, p.category,
                           v.type, coalesce(b.accrued_minutes, 0) AS accrued, coalesce(b.used_minutes, 0) AS used,
                           coalesce(b.held_minutes, 0) AS held, coalesce(b.updated_at, p.created_at) AS updated_at
                    FROM keys k
                    JOIN employees e ON e.company_id = :company AND e.id = k.employee_id
                    JOIN policies p ON p.company_id = :company AND p.id = k.policy_id
                    LEFT JOIN balance_snapshots b
                      ON b.company_id = :company AND b.employee_id = k.employee_id AND b.policy_id = k.policy_id
                    LEFT JOIN LATERAL (
                        SELECT pv.type FROM policy_versions pv
                        WHERE pv.company_id = :company AND pv.policy_id = p.id
                        ORDER BY (pv.effective_from <= :today) DESC,
                                 CASE WHEN pv.effective_from <= :today THEN -pv.version ELSE pv.version END
                        LIMIT 1) v ON true)
                SELECT t.total, r.*
                FROM (SELECT count(*) AS total FROM balance_rows) t
                LEFT JOIN LATERAL (
                    SELECT * FROM balance_rows
                    ORDER BY last_name, first_name, employee_id, key
                    OFFSET :offset LIMIT :limit) r ON true
                """.formatted(keyFilter);
        long[] total = {0};
        List<BalanceReportRow> items = new ArrayList<>();
        jdbc.sql(sql).params(params).query(rs -> {
            total[0] = rs.getLong("total");
            if (rs.getObject("employee_id") == null) {
                return; // an empty page still carries the total
            }
            boolean unlimited = "UNLIMITED".equals(rs.getString("type"));
            long accrued = rs.getLong("accrued");
            long used = rs.getLong("used");
            long held = rs.getLong("held");
            items.add(new BalanceReportRow(rs.getObject("employee_id", UUID.class),
                    rs.getString("first_name") + " " + rs.getString("last_name"),
                    rs.getObject("policy_id", UUID.class), rs.getString("key"), rs.getString("category"),
                    accrued, used, held, unlimited ? null : accrued - used - held, unlimited,
                    rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("name")));
        });
        return new Page<>(items, total[0]);
    }

    record Counts(long employees, long policies) {
    }

    /** Active employees and policies. */
    Counts counts(UUID companyId) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM employees WHERE company_id = :company AND active) AS employees,
                       (SELECT count(*) FROM policies WHERE company_id = :company) AS policies
                """).param("company", companyId)
                .query((rs, i) -> new Counts(rs.getLong("employees"), rs.getLong("policies"))).single();
    }

    /** Number of requests per status (only the statuses that occur). */
    Map<String, Long> requestsByStatus(UUID companyId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT status, count(*) AS n FROM requests WHERE company_id = :company GROUP BY status")
                .param("company", companyId)
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    /** Used minutes per category of the company's policies (0 for a category whose policies have no usage). */
    List<ReportSummary.CategoryUsage> usageByCategory(UUID companyId) {
        return jdbc.sql("""
                SELECT p.category, coalesce(sum(b.used_minutes), 0) AS used
                FROM policies p
                LEFT JOIN balance_snapshots b ON b.company_id = p.company_id AND b.policy_id = p.id
                WHERE p.company_id = :company
                GROUP BY p.category
                ORDER BY p.category
                """).param("company", companyId)
                .query((rs, i) -> new ReportSummary.CategoryUsage(rs.getString("category"), rs.getLong("used")))
                .list();
    }

    /**
     * Active employees grouped by manager, with the sum of their available minutes on policies
     * that are not unlimited today (same version rule as the balance report).
     */
    List<ReportSummary.TeamBalance> balancesByTeam(UUID companyId, LocalDate today) {
        return jdbc.sql("""
                WITH available AS (
                    SELECT b.employee_id, sum(b.accrued_minutes - b.used_minutes - b.held_minutes) AS minutes
                    FROM balance_snapshots b
                    LEFT JOIN LATERAL (
                        SELECT pv.type FROM policy_versions pv
                        WHERE pv.company_id = :company AND pv.policy_id = b.policy_id
                        ORDER BY (pv.effective_from <= :today) DESC,
                                 CASE WHEN pv.effective_from <= :today THEN -pv.version ELSE pv.version END
                        LIMIT 1) v ON true
                    WHERE b.company_id = :company AND v.type IS DISTINCT FROM 'UNLIMITED'
                    GROUP BY b.employee_id)
                SELECT e.manager_id, m.first_name || ' ' || m.last_name AS manager_name,
                       count(*) AS employees, coalesce(sum(a.minutes), 0) AS available
                FROM employees e
                LEFT JOIN employees m ON m.company_id = e.company_id AND m.id = e.manager_id
                LEFT JOIN available a ON a.employee_id = e.id
                WHERE e.company_id = :company AND e.active
                GROUP BY e.manager_id, m.first_name, m.last_name
                ORDER BY manager_name NULLS LAST, e.manager_id
                """).param("company", companyId).param("today", today)
                .query((rs, i) -> new ReportSummary.TeamBalance(rs.getObject("manager_id", UUID.class),
                        rs.getString("manager_name"), rs.getLong("employees"), rs.getLong("available")))
                .list();
    }
}
