package com.powerpto.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of the ledger and its balance snapshots. Only {@link LedgerService} writes through it. */
@Repository
class LedgerRepository {

    private static final int EXPORT_FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final ObjectMapper mapper;

    LedgerRepository(JdbcClient jdbc, javax.sql.DataSource dataSource, ObjectMapper mapper) {
        this.jdbc = jdbc;
        // A cursor with a bounded fetch size keeps exports in constant memory (needs a transaction).
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.mapper = mapper;
    }

    /**
     * Locks the snapshot row until the transaction ends, creating it first if there is none. The row
     * nearly always exists, so the lock is tried first (issue 27: the INSERT … ON CONFLICT DO NOTHING
     * that ran before every lock was one statement of every posting); a missing row is inserted
     * (a concurrent insert is no conflict) and then locked.
     */
    Balance lockSnapshot(BalanceKey key) {
        Optional<Balance> locked = lockExisting(key);
        if (locked.isPresent()) {
            return locked.get();
        }
        jdbc.sql("""
                INSERT INTO balance_snapshots (company_id, employee_id, policy_id)
                VALUES (:company, :employee, :policy) ON CONFLICT DO NOTHING
                """).params(params(key)).update();
        return lockExisting(key).orElseThrow();
    }

    private Optional<Balance> lockExisting(BalanceKey key) {
        return jdbc.sql("""
                SELECT accrued_minutes, used_minutes, held_minutes FROM balance_snapshots
                WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy
                FOR UPDATE
                """).params(params(key))
                .query((rs, i) -> new Balance(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional();
    }

    Optional<Balance> snapshot(BalanceKey key) {
        return jdbc.sql("""
                SELECT accrued_minutes, used_minutes, held_minutes FROM balance_snapshots
                WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy
                """).params(params(key))
                .query((rs, i) -> new Balance(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional();
    }

    void updateSnapshot(BalanceKey key, Balance balance) {
        jdbc.sql("""
                UPDATE balance_snapshots
                SET accrued_minutes = :accrued, used_minutes = :used, held_minutes = :held, updated_at = now()
                WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy
                """).params(params(key))
                .param("accrued", balance.accrued()).param("used", balance.used()).param("held", balance.held())
                .update();
    }

    /** Appends one entry; empty when its (source_type, source_id, entry_type) is already there. */
    Optional<LedgerEntry> append(BalanceKey key, LedgerPosting posting) {
        return jdbc.sql("""
                INSERT INTO ledger_entries (company_id, id, employee_id, policy_id, policy_version_id, entry_type,
                    amount_minutes, effective_at, source_type, source_id, metadata_json)
                VALUES (:company, :id, :employee, :policy, :version, :type, :amount, :effective, :source_type,
                    :source_id, CAST(:metadata AS jsonb))
                ON CONFLICT ON CONSTRAINT ledger_source_uq DO NOTHING
                RETURNING *
                """).params(params(key))
                .param("id", UUID.randomUUID())
                .param("version", posting.policyVersionId())
                .param("type", posting.type().name())
                .param("amount", (int) posting.amountMinutes())
                .param("effective", Timestamp.from(posting.effectiveAt()))
                .param("source_type", posting.sourceType().name())
                .param("source_id", posting.sourceId())
                .param("metadata", json(posting.metadata()))
                .query(entryMapper()).optional();
    }

    Optional<LedgerEntry> bySource(UUID companyId, SourceType sourceType, String sourceId, EntryType type) {
        return jdbc.sql("""
                SELECT * FROM ledger_entries WHERE company_id = :company AND source_type = :source_type
                  AND source_id = :source_id AND entry_type = :type
                """).param("company", companyId).param("source_type", sourceType.name())
                .param("source_id", sourceId).param("type", type.name())
                .query(entryMapper()).optional();
    }

    /**
     * A page and the exact number of matching entries, in one statement when it can be (issue 27:
     * the separate {@code count(*)} beside every page was the second statement of each ledger page).
     * One employee's ledger: the page query reads all of its rows anyway (no index orders them across
     * policies), so a window count over the same rows is free. Company-wide (reports): the page is
     * read through the date index without visiting every row, so the total comes from the page when
     * the page shows where the list ends (a short page), and from a count only when it does not.
     */
    Page<LedgerEntry> page(UUID companyId, LedgerFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = filter.where(companyId, params);
        String order = " ORDER BY effective_at DESC, created_at DESC, id DESC";
        if (filter.employeeId() != null) {
            long[] total = {-1};
            RowMapper<LedgerEntry> entries = entryMapper();
            List<LedgerEntry> items = jdbc.sql("SELECT *, count(*) OVER () AS matching FROM ledger_entries" + where + order
                            + " OFFSET :offset LIMIT :limit")
                    .params(params).param("offset", page.offset()).param("limit", page.limit())
                    .query((rs, i) -> {
                        total[0] = rs.getLong("matching");
                        return entries.mapRow(rs, i);
                    }).list();
            return new Page<>(items, items.isEmpty() ? countPastTheEnd(where, params, page) : total[0]);
        }
        List<LedgerEntry> items = new java.util.ArrayList<>(jdbc.sql("SELECT * FROM ledger_entries" + where + order
                        + " OFFSET :offset LIMIT :limit")
                .params(params).param("offset", page.offset()).param("limit", page.limit() + 1)
                .query(entryMapper()).list());
        if (items.size() > page.limit()) {
            items.remove(items.size() - 1);
            return new Page<>(items, count(where, params));
        }
        return new Page<>(items, items.isEmpty() ? countPastTheEnd(where, params, page) : page.offset() + items.size());
    }

    /** An empty page: nothing matches (offset 0), or the offset is past the end and only a count says where it is. */
    private long countPastTheEnd(String where, Map<String, Object> params, PageRequest page) {
        return page.offset() == 0 ? 0 : count(where, params);
    }

    private long count(String where, Map<String, Object> params) {
        return jdbc.sql("SELECT count(*) FROM ledger_entries" + where).params(params).query(Long.class).single();
    }

    /** Streams matching entries oldest first without holding them all in memory. */
    void stream(UUID companyId, LedgerFilter filter, java.util.function.Consumer<LedgerEntry> sink) {
        Map<String, Object> params = new HashMap<>();
        String where = filter.where(companyId, params);
        try (var rows = streaming.queryForStream(
                "SELECT * FROM ledger_entries" + where + " ORDER BY effective_at, created_at, id", params, entryMapper())) {
            rows.forEach(sink);
        }
    }

    /** Every snapshot whose stored sums differ from the sums of its ledger (or a ledger with no snapshot). */
    List<ReconciliationMismatch> mismatches(UUID companyIdOrNull) {
        return jdbc.sql("""
                WITH sums AS (
                    SELECT company_id, employee_id, policy_id,
                        sum(amount_minutes) FILTER (WHERE entry_type IN ('ACCRUAL','ADJUSTMENT','CARRYOVER','EXPIRATION','ACCRUAL_CORRECTION')) AS accrued,
                        -sum(amount_minutes) FILTER (WHERE entry_type IN ('USAGE','USAGE_REVERSAL')) AS used,
                        -sum(amount_minutes) FILTER (WHERE entry_type IN ('HOLD','HOLD_RELEASE')) AS held
                    FROM ledger_entries
                    WHERE CAST(:company AS uuid) IS NULL OR company_id = CAST(:company AS uuid)
                    GROUP BY company_id, employee_id, policy_id)
                SELECT coalesce(s.company_id, b.company_id) AS company_id,
                       coalesce(s.employee_id, b.employee_id) AS employee_id,
                       coalesce(s.policy_id, b.policy_id) AS policy_id,
                       coalesce(b.accrued_minutes, 0) AS snap_accrued, coalesce(s.accrued, 0) AS led_accrued,
                       coalesce(b.used_minutes, 0) AS snap_used, coalesce(s.used, 0) AS led_used,
                       coalesce(b.held_minutes, 0) AS snap_held, coalesce(s.held, 0) AS led_held
                FROM sums s
                FULL JOIN (SELECT * FROM balance_snapshots
                           WHERE CAST(:company AS uuid) IS NULL OR company_id = CAST(:company AS uuid)) b
                  ON b.company_id = s.company_id AND b.employee_id = s.employee_id AND b.policy_id = s.policy_id
                WHERE coalesce(b.accrued_minutes, 0) <> coalesce(s.accrued, 0)
                   OR coalesce(b.used_minutes, 0) <> coalesce(s.used, 0)
                   OR coalesce(b.held_minutes, 0) <> coalesce(s.held, 0)
                """).param("company", companyIdOrNull == null ? null : companyIdOrNull.toString())
                .query((rs, i) -> new ReconciliationMismatch(
                        rs.getObject("company_id", UUID.class), rs.getObject("employee_id", UUID.class),
                        rs.getObject("policy_id", UUID.class),
                        new Balance(rs.getLong("snap_accrued"), rs.getLong("snap_used"), rs.getLong("snap_held")),
                        new Balance(rs.getLong("led_accrued"), rs.getLong("led_used"), rs.getLong("led_held"))))
                .list();
    }

    long snapshotCount(UUID companyIdOrNull) {
        return jdbc.sql("SELECT count(*) FROM balance_snapshots WHERE CAST(:company AS uuid) IS NULL OR company_id = CAST(:company AS uuid)")
                .param("company", companyIdOrNull == null ? null : companyIdOrNull.toString())
                .query(Long.class).single();
    }

    RowMapper<LedgerEntry> entryMapper() {
        return (rs, i) -> new LedgerEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("employee_id", UUID.class),
                rs.getObject("policy_id", UUID.class),
                rs.getObject("policy_version_id", UUID.class),
                EntryType.valueOf(rs.getString("entry_type")),
                rs.getLong("amount_minutes"),
                rs.getObject("effective_at", OffsetDateTime.class),
                SourceType.valueOf(rs.getString("source_type")),
                rs.getString("source_id"),
                readJson(rs.getString("metadata_json")),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Map<String, Object> params(BalanceKey key) {
        return Map.of("company", key.companyId(), "employee", key.employeeId(), "policy", key.policyId());
    }

    private String json(Map<String, Object> metadata) {
        try {
            return metadata == null || metadata.isEmpty() ? null : mapper.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata is not serializable", e);
        }
    }

    private JsonNode readJson(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ledger metadata is not JSON", e);
        }
    }
}
