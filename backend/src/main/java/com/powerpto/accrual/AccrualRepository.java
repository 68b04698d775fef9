package com.powerpto.accrual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read SQL of the accrual jobs. Batch jobs read assignments, policy versions, employees and the
 * ledger directly (docs/decisions/0004, docs/worker.md): a run over 100,000 balances is a few
 * set-based queries, not 100,000 service calls. Every write goes through the ledger package.
 */
@Repository
class AccrualRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    AccrualRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** An active assignment on the run date, with the version in force and what the job needs. */
    record Candidate(UUID companyId, UUID employeeId, UUID policyId, LocalDate assignmentFrom, LocalDate assignmentTo,
                     LocalDate hireDate, boolean employeeActive, UUID versionId, boolean alreadyPosted) {
    }

    /** Settings of the TIME versions in force on {@code day}, by version id. */
    Map<UUID, AccrualSettings> timeVersions(LocalDate day, UUID companyOrNull) {
        return versions("""
                SELECT id, settings::text AS settings FROM policy_versions
                WHERE type = 'ACCRUAL' AND accrual_method = 'TIME'
                  AND effective_from <= :day AND (effective_to IS NULL OR effective_to > :day)
                  AND (CAST(:company AS uuid) IS NULL OR company_id = CAST(:company AS uuid))
                """, day, companyOrNull);
    }

    /** Settings of every ACCRUAL version in force on {@code day}, by version id. */
    Map<UUID, AccrualSettings> accrualVersions(LocalDate day, UUID companyOrNull) {
        return versions("""
                SELECT id, settings::text AS settings FROM policy_versions
                WHERE type = 'ACCRUAL'
                  AND effective_from <= :day AND (effective_to IS NULL OR effective_to > :day)
                  AND (CAST(:company AS uuid) IS NULL OR company_id = CAST(:company AS uuid))
                """, day, companyOrNull);
    }

    private Map<UUID, AccrualSettings> versions(String sql, LocalDate day, UUID companyOrNull) {
        Map<UUID, AccrualSettings> versions = new HashMap<>();
        jdbc.sql(sql).param("day", day).param("company", str(companyOrNull)).query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            try {
                versions.put(id, AccrualSettings.parse(mapper.readTree(rs.getString("settings"))));
            } catch (JsonProcessingException | RuntimeException e) {
                versions.put(id, null); // unreadable settings: each of its rows counts as an error
            }
        });
        return versions;
    }

    /**
     * The TIME assignments active on {@code day} for which {@code day} may be a posting date (a
     * superset: DAILY, the first/last day of a month or year, an assignment's first or last day;
     * the calculator decides). {@code already_posted} is true when the day's accrual is in the ledger.
     */
    List<Candidate> timeCandidates(LocalDate day, UUID companyOrNull) {
        boolean monthEdge = day.getDayOfMonth() == 1 || day.getDayOfMonth() == day.lengthOfMonth();
        boolean yearEdge = day.getDayOfYear() == 1 || day.getDayOfYear() == day.lengthOfYear();
        return jdbc.sql("""
                SELECT a.company_id, a.employee_id, a.policy_id, a.effective_from, a.effective_to, e.hire_date,
                       e.active, v.id AS version_id,
                       EXISTS (SELECT 1 FROM ledger_entries l
                               WHERE l.company_id = a.company_id AND l.source_type = 'SYSTEM' AND l.entry_type = 'ACCRUAL'
                                 AND l.source_id = 'accrual:' || a.policy_id || ':' || a.employee_id || ':' || :day_text
                              ) AS already_posted
                FROM assignments a
                JOIN policy_versions v ON v.company_id = a.company_id AND v.policy_id = a.policy_id
                     AND v.effective_from <= :day AND (v.effective_to IS NULL OR v.effective_to > :day)
                JOIN employees e ON e.company_id = a.company_id AND e.id = a.employee_id
                WHERE a.effective_from <= :day AND (a.effective_to IS NULL OR a.effective_to > :day)
                  AND v.type = 'ACCRUAL' AND v.accrual_method = 'TIME'
                  AND (CAST(:company AS uuid) IS NULL OR a.company_id = CAST(:company AS uuid))
                  AND (v.settings ->> 'accrual_frequency' = 'DAILY'
                       OR a.effective_from = :day OR a.effective_to = :next_day
                       OR (:month_edge AND v.settings ->> 'accrual_frequency' = 'MONTHLY')
                       OR (:year_edge AND v.settings ->> 'accrual_frequency' = 'YEARLY'))
                ORDER BY a.company_id, a.employee_id, a.policy_id
                """)
                .param("day", day).param("day_text", day.toString()).param("next_day", day.plusDays(1))
                .param("month_edge", monthEdge).param("year_edge", yearEdge).param("company", str(companyOrNull))
                .query((rs, i) -> new Candidate(rs.getObject("company_id", UUID.class), rs.getObject("employee_id", UUID.class),
                        rs.getObject("policy_id", UUID.class), rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_to", LocalDate.class), rs.getObject("hire_date", LocalDate.class),
                        rs.getBoolean("active"), rs.getObject("version_id", UUID.class), rs.getBoolean("already_posted")))
                .list();
    }

    /** ACCRUAL assignments active on {@code day} whose version in force has carryover enabled. */
    List<Candidate> carryoverCandidates(LocalDate day, UUID companyOrNull) {
        return candidates(day, companyOrNull, "(v.settings -> 'carryover' ->> 'enabled')::boolean IS TRUE");
    }

    /** ACCRUAL assignments active on {@code day} whose version has expiration or carryover expiry configured. */
    List<Candidate> expirationCandidates(LocalDate day, UUID companyOrNull) {
        return candidates(day, companyOrNull, """
                ((v.settings -> 'expiration' ->> 'enabled')::boolean IS TRUE
                 OR (v.settings -> 'carryover' ->> 'expires_after_days') IS NOT NULL)""");
    }

    private List<Candidate> candidates(LocalDate day, UUID companyOrNull, String condition) {
        return jdbc.sql("""
                SELECT a.company_id, a.employee_id, a.policy_id, a.effective_from, a.effective_to, e.hire_date,
                       e.active, v.id AS version_id
                FROM assignments a
                JOIN policy_versions v ON v.company_id = a.company_id AND v.policy_id = a.policy_id
                     AND v.effective_from <= :day AND (v.effective_to IS NULL OR v.effective_to > :day)
                JOIN employees e ON e.company_id = a.company_id AND e.id = a.employee_id
                WHERE a.effective_from <= :day AND (a.effective_to IS NULL OR a.effective_to > :day)
                  AND v.type = 'ACCRUAL'
                  AND (CAST(:company AS uuid) IS NULL OR a.company_id = CAST(:company AS uuid))
                  AND """ + condition + """

                ORDER BY a.company_id, a.employee_id, a.policy_id
                """).param("day", day).param("company", str(companyOrNull))
                .query((rs, i) -> new Candidate(rs.getObject("company_id", UUID.class), rs.getObject("employee_id", UUID.class),
                        rs.getObject("policy_id", UUID.class), rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_to", LocalDate.class), rs.getObject("hire_date", LocalDate.class),
                        rs.getBoolean("active"), rs.getObject("version_id", UUID.class), false))
                .list();
    }

    /** Sum of ACCRUAL amounts of one balance effective on or after {@code from} (new-year accruals at carryover). */
    long accrualsSince(UUID companyId, UUID employeeId, UUID policyId, LocalDate from) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount_minutes), 0) FROM ledger_entries
                WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy
                  AND entry_type = 'ACCRUAL' AND effective_at >= CAST(:from AS date)
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId)
                .param("from", from).query(Long.class).single();
    }

    /**
     * The old year's banked balance and usage at a carryover: every entry effective before
     * {@code newYear} except holds. Holds and usage of requests dated in the new year (booked in
     * December) belong to the new year and must not shelter minutes above the cap.
     */
    long[] bankedAndUsedBefore(UUID companyId, UUID employeeId, UUID policyId, LocalDate newYear) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount_minutes) FILTER (WHERE entry_type NOT IN ('HOLD', 'HOLD_RELEASE')), 0),
                       coalesce(-sum(amount_minutes) FILTER (WHERE entry_type IN ('USAGE', 'USAGE_REVERSAL')), 0)
                FROM ledger_entries
                WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy
                  AND effective_at < CAST(:from AS date)
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId)
                .param("from", newYear).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** A carryover whose carried minutes are due to expire on or before a date and have not expired yet. */
    record DueCarryover(int year, String metadata) {
    }

    /** Every carryover of the balance due by {@code day} without its expiry entry (any year: no look-back limit). */
    List<DueCarryover> carryoversDue(UUID companyId, UUID employeeId, UUID policyId, LocalDate day) {
        return jdbc.sql("""
                SELECT split_part(c.source_id, ':', 4)::int AS year, c.metadata_json::text AS metadata
                FROM ledger_entries c
                WHERE c.company_id = :company AND c.employee_id = :employee AND c.policy_id = :policy
                  AND c.entry_type = 'CARRYOVER' AND c.source_type = 'SYSTEM' AND c.source_id LIKE 'carryover:%'
                  AND (c.metadata_json ->> 'carry_expires_on') IS NOT NULL
                  AND CAST(c.metadata_json ->> 'carry_expires_on' AS date) <= :day
                  AND NOT EXISTS (SELECT 1 FROM ledger_entries x
                                  WHERE x.company_id = c.company_id AND x.source_type = 'SYSTEM' AND x.entry_type = 'EXPIRATION'
                                    AND x.source_id = 'carryover-expiry:' || c.policy_id || ':' || c.employee_id || ':'
                                                      || split_part(c.source_id, ':', 4))
                ORDER BY 1
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId).param("day", day)
                .query((rs, i) -> new DueCarryover(rs.getInt(1), rs.getString(2))).list();
    }

    /** The effective date (UTC) of the balance's latest ACCRUAL, or null. */
    LocalDate lastAccrualDate(UUID companyId, UUID employeeId, UUID policyId) {
        return jdbc.sql("""
                SELECT (max(effective_at) AT TIME ZONE 'UTC')::date FROM ledger_entries
                WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy AND entry_type = 'ACCRUAL'
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId)
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).list().stream().filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** The metadata of a SYSTEM ledger entry by its source, as text (null when absent or without metadata). */
    java.util.Optional<String> systemEntryMetadata(UUID companyId, String sourceId, String entryType) {
        return jdbc.sql("""
                SELECT coalesce(metadata_json::text, '{}') FROM ledger_entries
                WHERE company_id = :company AND source_type = 'SYSTEM' AND source_id = :source AND entry_type = :type
                """).param("company", companyId).param("source", sourceId).param("type", entryType)
                .query(String.class).optional();
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
