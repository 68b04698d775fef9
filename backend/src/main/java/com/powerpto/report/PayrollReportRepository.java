package com.powerpto.report;

import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The payroll report's SQL (issue 26): one statement sums every person × policy's ledger for a pay
 * period, bucketing each entry by its local date (the employee's zone) and its local posting date.
 * Like the other reports it reads the features' tables directly (see {@link ReportRepository}), scoped
 * by {@code company_id}; holds and their releases are pending requests, not balance, and are left out.
 */
@Repository
class PayrollReportRepository {

    private static final int EXPORT_FETCH_SIZE = 1000;

    private static final String SQL = """
            WITH emp AS (
                SELECT id, first_name, last_name, email, timezone, workday_minutes FROM employees
                WHERE company_id = :company%1$s),
            entries AS (
                SELECT l.employee_id, l.policy_id, l.entry_type, l.amount_minutes AS amount,
                       (l.effective_at AT TIME ZONE emp.timezone)::date AS eff,
                       (l.created_at AT TIME ZONE emp.timezone)::date AS posted
                FROM ledger_entries l JOIN emp ON emp.id = l.employee_id
                WHERE l.company_id = :company AND l.created_at < :posted_before
                  AND l.entry_type NOT IN ('HOLD', 'HOLD_RELEASE')%2$s),
            sums AS (
                SELECT employee_id, policy_id,
                       coalesce(sum(amount) FILTER (WHERE eff < :start AND posted < :start), 0) AS opening,
                       coalesce(sum(amount) FILTER (WHERE entry_type IN ('ACCRUAL', 'ACCRUAL_CORRECTION', 'CARRYOVER')
                           AND eff BETWEEN :start AND :end AND posted <= :end), 0) AS accrued,
                       coalesce(-sum(amount) FILTER (WHERE entry_type IN ('USAGE', 'USAGE_REVERSAL')
                           AND eff BETWEEN :start AND :end AND posted <= :end), 0) AS taken,
                       coalesce(sum(amount) FILTER (WHERE entry_type = 'ADJUSTMENT'
                           AND eff BETWEEN :start AND :end AND posted <= :end), 0) AS adjusted,
                       coalesce(-sum(amount) FILTER (WHERE entry_type = 'EXPIRATION'
                           AND eff BETWEEN :start AND :end AND posted <= :end), 0) AS expired,
                       coalesce(sum(amount) FILTER (WHERE eff < :start AND posted BETWEEN :start AND :end), 0) AS corrections,
                       count(*) FILTER (WHERE (eff BETWEEN :start AND :end AND posted <= :end)
                           OR (eff < :start AND posted BETWEEN :start AND :end)) AS moves
                FROM entries GROUP BY employee_id, policy_id),
            keys AS (
                SELECT employee_id, policy_id FROM sums WHERE opening <> 0 OR moves > 0
                UNION
                SELECT a.employee_id, a.policy_id FROM assignments a JOIN emp ON emp.id = a.employee_id
                WHERE a.company_id = :company AND a.effective_from <= :end
                  AND (a.effective_to IS NULL OR a.effective_to > :start)
                  AND a.effective_to IS DISTINCT FROM a.effective_from%3$s),
            lines AS (
                SELECT emp.id AS employee_id, emp.first_name, emp.last_name, emp.email, emp.workday_minutes,
                       p.id AS policy_id, p.key, p.name, p.category, v.type, v.unit,
                       coalesce(s.opening, 0) AS opening, coalesce(s.accrued, 0) AS accrued, coalesce(s.taken, 0) AS taken,
                       coalesce(s.adjusted, 0) AS adjusted, coalesce(s.expired, 0) AS expired,
                       coalesce(s.corrections, 0) AS corrections
                FROM keys k
                JOIN emp ON emp.id = k.employee_id
                JOIN policies p ON p.company_id = :company AND p.id = k.policy_id
                LEFT JOIN sums s ON s.employee_id = k.employee_id AND s.policy_id = k.policy_id
                LEFT JOIN LATERAL (
                    SELECT pv.type, coalesce(pv.settings ->> 'unit', 'DAYS') AS unit FROM policy_versions pv
                    WHERE pv.company_id = :company AND pv.policy_id = p.id
                    ORDER BY (pv.effective_from <= :end) DESC,
                             CASE WHEN pv.effective_from <= :end THEN -pv.version ELSE pv.version END
                    LIMIT 1) v ON true)
            """;

    private static final String ORDER = " ORDER BY last_name, first_name, employee_id, key";

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;

    PayrollReportRepository(javax.sql.DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        // A cursor with a bounded fetch size keeps the CSV in constant memory (needs a transaction).
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    /** The filters of one report. */
    record Period(UUID companyId, UUID employeeId, UUID policyId, LocalDate start, LocalDate end) {
    }

    Page<PayrollLine> page(Period period, PageRequest page) {
        Map<String, Object> params = params(period);
        params.put("offset", page.offset());
        params.put("limit", page.limit());
        long[] total = {0};
        List<PayrollLine> items = new ArrayList<>();
        RowMapper<PayrollLine> mapper = mapper(period);
        jdbc.query(sql(period) + """
                SELECT t.total, r.* FROM (SELECT count(*) AS total FROM lines) t
                LEFT JOIN LATERAL (SELECT * FROM lines""" + ORDER + " OFFSET :offset LIMIT :limit) r ON true",
                params, rs -> {
                    total[0] = rs.getLong("total");
                    if (rs.getObject("employee_id") != null) {
                        items.add(mapper.mapRow(rs, items.size()));
                    }
                });
        return new Page<>(items, total[0]);
    }

    void stream(Period period, Consumer<PayrollLine> sink) {
        try (var rows = streaming.queryForStream(sql(period) + "SELECT * FROM lines" + ORDER, params(period), mapper(period))) {
            rows.forEach(sink);
        }
    }

    private static String sql(Period period) {
        return SQL.formatted(period.employeeId() == null ? "" : " AND id = :employee",
                period.policyId() == null ? "" : " AND l.policy_id = :policy",
                period.policyId() == null ? "" : " AND a.policy_id = :policy");
    }

    private static Map<String, Object> params(Period period) {
        Map<String, Object> params = new HashMap<>();
        params.put("company", period.companyId());
        params.put("employee", period.employeeId());
        params.put("policy", period.policyId());
        params.put("start", period.start());
        params.put("end", period.end());
        // every zone's local end of the period is before this instant (UTC+14 at most)
        params.put("posted_before", Timestamp.from(period.end().plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC)));
        return params;
    }

    private static RowMapper<PayrollLine> mapper(Period period) {
        return (rs, i) -> PayrollLine.of(period.start(), period.end(), rs.getObject("employee_id", UUID.class),
                rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("email"),
                rs.getObject("policy_id", UUID.class), rs.getString("key"), rs.getString("name"), rs.getString("category"),
                rs.getString("unit"), rs.getInt("workday_minutes"), "UNLIMITED".equals(rs.getString("type")),
                rs.getLong("opening"), rs.getLong("accrued"), rs.getLong("taken"), rs.getLong("adjusted"),
                rs.getLong("expired"), rs.getLong("corrections"));
    }
}
