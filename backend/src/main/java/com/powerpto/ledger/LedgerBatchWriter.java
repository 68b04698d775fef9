package com.powerpto.ledger;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The set-based ledger writer of the balance timeline (daily job, corrections, payroll): thousands
 * of system entries per statement, with the guarantees of {@link LedgerService#post}, in the
 * caller's transaction:
 * <ol>
 *   <li>the affected snapshots are locked {@code FOR UPDATE} in key order and missing ones created
 *       (also offered alone, {@link #lock}, so a caller can read a balance's inputs under the lock
 *       before it computes what to write);</li>
 *   <li>one statement appends with {@code ON CONFLICT ON CONSTRAINT ledger_source_uq DO NOTHING
 *       RETURNING} and adds exactly the returned amounts, summed per balance, to the snapshots.</li>
 * </ol>
 * A rerun therefore appends nothing and changes no snapshot, and snapshots always equal the ledger's
 * sums. Amounts are what the timeline computed (bank cap and floors included: docs/decisions/0040);
 * only the entries a timeline makes are accepted: ACCRUAL and CARRYOVER (≥ 0), ACCRUAL_CORRECTION
 * and EXPIRATION (either sign: an expiration corrected downwards is a positive EXPIRATION).
 */
@Component
public class LedgerBatchWriter {

    /** One posting of a system entry. */
    public record BatchPosting(UUID companyId, UUID employeeId, UUID policyId, UUID policyVersionId, EntryType type,
                               long amountMinutes, Instant effectiveAt, SourceType sourceType, String sourceId,
                               String metadataJson) {

        public BatchPosting {
            boolean signed = type == EntryType.ACCRUAL_CORRECTION || type == EntryType.EXPIRATION;
            boolean timelineEntry = signed || type == EntryType.ACCRUAL || type == EntryType.CARRYOVER;
            if (!timelineEntry || (amountMinutes < 0 && !signed) || (signed && amountMinutes == 0)
                    || amountMinutes > Integer.MAX_VALUE || amountMinutes < -Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the batch writer appends timeline entries only, not " + type + " " + amountMinutes);
            }
            // The column's check (V51): characters, as PostgreSQL counts them (code points).
            if (sourceId == null || sourceId.isEmpty() || sourceId.codePointCount(0, sourceId.length()) > 400) {
                throw new IllegalArgumentException("source_id must be 1 to 400 characters");
            }
        }

        BalanceKey key() {
            return new BalanceKey(companyId, employeeId, policyId);
        }
    }

    /** What happened to each posting, in input order: whether it was appended (not already in the ledger). */
    public record Outcome(BatchPosting posting, boolean appended, UUID entryId) {

        public long grantedMinutes() {
            return appended ? posting.amountMinutes() : 0;
        }
    }

    private static final String ENSURE_SNAPSHOTS = """
            INSERT INTO balance_snapshots (company_id, employee_id, policy_id)
            SELECT k.company_id, k.employee_id, k.policy_id
            FROM unnest(?::uuid[], ?::uuid[], ?::uuid[]) AS k(company_id, employee_id, policy_id)
            ORDER BY 1, 2, 3
            ON CONFLICT DO NOTHING
            """;

    private static final String LOCK_SNAPSHOTS = """
            SELECT 1 FROM balance_snapshots b
            JOIN unnest(?::uuid[], ?::uuid[], ?::uuid[]) AS k(company_id, employee_id, policy_id)
              ON b.company_id = k.company_id AND b.employee_id = k.employee_id AND b.policy_id = k.policy_id
            ORDER BY b.company_id, b.employee_id, b.policy_id
            FOR UPDATE OF b
            """;

    /** Append, then add what was appended to the snapshots (one update per balance). */
    private static final String WRITE = """
            WITH input AS (
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[],
                                     ?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
                    AS t(id, company_id, employee_id, policy_id, version_id, entry_type,
                         amount, effective_at, source_type, source_id, metadata)
            ),
            ins AS (
                INSERT INTO ledger_entries (company_id, id, employee_id, policy_id, policy_version_id, entry_type,
                    amount_minutes, effective_at, source_type, source_id, metadata_json)
                SELECT company_id, id, employee_id, policy_id, version_id, entry_type, amount::int, effective_at,
                       source_type, source_id, CAST(metadata AS jsonb)
                FROM input
                ORDER BY company_id, source_type, source_id, entry_type
                ON CONFLICT ON CONSTRAINT ledger_source_uq DO NOTHING
                RETURNING id, company_id, employee_id, policy_id, amount_minutes
            ),
            sums AS (
                SELECT company_id, employee_id, policy_id, sum(amount_minutes) AS minutes FROM ins GROUP BY 1, 2, 3
            ),
            upd AS (
                UPDATE balance_snapshots b
                SET accrued_minutes = b.accrued_minutes + sums.minutes, updated_at = now()
                FROM sums
                WHERE b.company_id = sums.company_id AND b.employee_id = sums.employee_id AND b.policy_id = sums.policy_id
                RETURNING 1
            )
            SELECT id FROM ins
            """;

    private static final Comparator<BalanceKey> KEY_ORDER = Comparator.comparing(BalanceKey::companyId)
            .thenComparing(BalanceKey::employeeId).thenComparing(BalanceKey::policyId);

    private final JdbcTemplate jdbc;

    public LedgerBatchWriter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Creates missing snapshots and locks these balances until the caller's transaction ends, in key
     * order (so two writers never wait on each other in a cycle).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Collection<BalanceKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        TreeSet<BalanceKey> distinct = new TreeSet<>(KEY_ORDER);
        distinct.addAll(keys);
        List<BalanceKey> sorted = new ArrayList<>(distinct);
        // As LedgerRepository.lockSnapshot does for one balance: lock what exists; create what is missing
        // (a row this transaction inserts is held until it ends); lock again only if another
        // transaction created some of them in between. Balances that already have a snapshot, every
        // day after a balance's first entry, cost one statement.
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            int locked = lockExisting(connection, sorted);
            if (locked < sorted.size()) {
                int created;
                try (PreparedStatement ensure = keyStatement(connection, ENSURE_SNAPSHOTS, sorted)) {
                    created = ensure.executeUpdate();
                }
                if (locked + created < sorted.size()) {
                    lockExisting(connection, sorted);
                }
            }
            return null;
        });
    }

    private static int lockExisting(Connection connection, List<BalanceKey> sorted) throws SQLException {
        int locked = 0;
        try (PreparedStatement lock = keyStatement(connection, LOCK_SNAPSHOTS, sorted); ResultSet rs = lock.executeQuery()) {
            while (rs.next()) { // the rows are locked as they are read
                locked++;
            }
        }
        return locked;
    }

    /** Writes the postings in the caller's transaction; one outcome per posting, in input order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Outcome> write(List<BatchPosting> postings) {
        if (postings.isEmpty()) {
            return List.of();
        }
        lock(postings.stream().map(BatchPosting::key).toList());
        return jdbc.execute((ConnectionCallback<List<Outcome>>) connection -> append(connection, postings));
    }

    private static List<Outcome> append(Connection connection, List<BatchPosting> postings) throws SQLException {
        int n = postings.size();
        UUID[] ids = new UUID[n];
        UUID[] companies = new UUID[n];
        UUID[] employees = new UUID[n];
        UUID[] policies = new UUID[n];
        UUID[] versions = new UUID[n];
        String[] types = new String[n];
        Long[] amounts = new Long[n];
        Timestamp[] effective = new Timestamp[n];
        String[] sourceTypes = new String[n];
        String[] sourceIds = new String[n];
        String[] metadata = new String[n];
        Map<UUID, Integer> index = new HashMap<>(n * 2);
        for (int j = 0; j < n; j++) {
            BatchPosting p = postings.get(j);
            ids[j] = UUID.randomUUID();
            index.put(ids[j], j);
            companies[j] = p.companyId();
            employees[j] = p.employeeId();
            policies[j] = p.policyId();
            versions[j] = p.policyVersionId();
            types[j] = p.type().name();
            amounts[j] = p.amountMinutes();
            effective[j] = Timestamp.from(p.effectiveAt());
            sourceTypes[j] = p.sourceType().name();
            sourceIds[j] = p.sourceId();
            metadata[j] = p.metadataJson();
        }
        Outcome[] outcomes = new Outcome[n];
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            int i = 1;
            write.setArray(i++, connection.createArrayOf("uuid", ids));
            write.setArray(i++, connection.createArrayOf("uuid", companies));
            write.setArray(i++, connection.createArrayOf("uuid", employees));
            write.setArray(i++, connection.createArrayOf("uuid", policies));
            write.setArray(i++, connection.createArrayOf("uuid", versions));
            write.setArray(i++, connection.createArrayOf("text", types));
            write.setArray(i++, connection.createArrayOf("int8", amounts));
            write.setArray(i++, connection.createArrayOf("timestamptz", effective));
            write.setArray(i++, connection.createArrayOf("text", sourceTypes));
            write.setArray(i++, connection.createArrayOf("text", sourceIds));
            write.setArray(i, connection.createArrayOf("text", metadata));
            try (ResultSet rs = write.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    int j = index.get(id);
                    outcomes[j] = new Outcome(postings.get(j), true, id);
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (outcomes[j] == null) { // already in the ledger
                outcomes[j] = new Outcome(postings.get(j), false, null);
            }
        }
        return List.of(outcomes);
    }

    private static PreparedStatement keyStatement(Connection connection, String sql, List<BalanceKey> keys) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("uuid", keys.stream().map(BalanceKey::companyId).toArray()));
        statement.setArray(2, connection.createArrayOf("uuid", keys.stream().map(BalanceKey::employeeId).toArray()));
        statement.setArray(3, connection.createArrayOf("uuid", keys.stream().map(BalanceKey::policyId).toArray()));
        return statement;
    }
}
