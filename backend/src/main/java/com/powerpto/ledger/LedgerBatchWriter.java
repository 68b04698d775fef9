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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The set-based ledger writer for batch jobs (time accruals, payroll): thousands of postings per
 * statement, with the same guarantees as {@link LedgerService#post}, in the caller's transaction:
 * <ol>
 *   <li>missing snapshot rows are created (sorted, {@code ON CONFLICT DO NOTHING});</li>
 *   <li>one statement locks the affected snapshot rows {@code FOR UPDATE} in key order, computes
 *       each grant under the optional bank cap from the locked {@code accrued − used}, appends
 *       with {@code ON CONFLICT ON CONSTRAINT ledger_source_uq DO NOTHING RETURNING}, and adds
 *       exactly the returned amounts to the snapshots.</li>
 * </ol>
 * A rerun therefore appends nothing and changes no snapshot, and snapshots always equal the
 * ledger's sums. Only entries that can never lower {@code available} are accepted (ACCRUAL,
 * CARRYOVER with amount ≥ 0), so the balance invariant holds by construction — except
 * ACCRUAL_CORRECTION, which may be negative (a grant no longer earned is taken back even when that
 * leaves the balance below its floor: the correction states a fact). Postings with a
 * granted amount of 0 (cap reached) are not written.
 */
@Component
public class LedgerBatchWriter {

    /** One posting. {@code bankCapMinutes} (nullable) caps the banked balance after it. */
    public record BatchPosting(UUID companyId, UUID employeeId, UUID policyId, UUID policyVersionId, EntryType type,
                               long amountMinutes, Long bankCapMinutes, Instant effectiveAt, SourceType sourceType,
                               String sourceId, String metadataJson) {

        public BatchPosting {
            boolean correction = type == EntryType.ACCRUAL_CORRECTION && amountMinutes != 0 && bankCapMinutes == null;
            if (type.bucket() != EntryType.Bucket.ACCRUED || (amountMinutes < 0 && !correction)
                    || Math.abs(amountMinutes) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the batch writer only appends non-negative accruals, not "
                        + type + " " + amountMinutes);
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

    /**
     * What happened to each posting, in input order: whether it was appended and the amount written
     * (0 when nothing was appended: already in the ledger, or no headroom left under the cap).
     */
    public record Outcome(BatchPosting posting, long grantedMinutes, boolean appended, UUID entryId) {

        public boolean capped() {
            return grantedMinutes < posting.amountMinutes();
        }
    }

    private static final String ENSURE_SNAPSHOTS = """
            INSERT INTO balance_snapshots (company_id, employee_id, policy_id)
            SELECT k.company_id, k.employee_id, k.policy_id
            FROM unnest(?::uuid[], ?::uuid[], ?::uuid[]) AS k(company_id, employee_id, policy_id)
            ORDER BY 1, 2, 3
            ON CONFLICT DO NOTHING
            """;

    /**
     * One round (each balance at most once). The cap is applied to the banked balance <em>as of the
     * posting's day</em>: the locked snapshot minus entries effective after that day (future-dated
     * usage, later accruals). So re-running a capped date after later usage grants nothing again
     * (issue 14 review), and the daily job agrees with the recalculation's replay
     * (docs/corrections.md). The sum is an index range scan on ledger_employee_policy_idx, usually empty.
     * <p> The lock and the cap computation are one scan of the
     * input joined to the snapshots by primary key, locked in key order; the result is only what
     * the INSERT returned, so no step joins two unindexed sets (keeps it linear in the batch size).
     */
    private static final String WRITE = """
            WITH input AS (
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[],
                                     ?::bigint[], ?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
                    AS t(id, company_id, employee_id, policy_id, version_id, entry_type,
                         amount, cap, effective_at, source_type, source_id, metadata)
            ),
            granted AS MATERIALIZED (
                SELECT i.*, CASE WHEN i.cap IS NULL THEN i.amount
                                 ELSE least(i.amount, greatest(i.cap - (b.accrued_minutes - b.used_minutes
                                      - coalesce((SELECT sum(l.amount_minutes) FROM ledger_entries l
                                                  WHERE l.company_id = i.company_id AND l.employee_id = i.employee_id
                                                    AND l.policy_id = i.policy_id
                                                    AND l.effective_at >= i.effective_at + interval '1 day'
                                                    AND l.entry_type NOT IN ('HOLD', 'HOLD_RELEASE')), 0)), 0)) END
                                 AS grant_minutes
                FROM input i
                JOIN balance_snapshots b
                  ON b.company_id = i.company_id AND b.employee_id = i.employee_id AND b.policy_id = i.policy_id
                ORDER BY b.company_id, b.employee_id, b.policy_id
                FOR UPDATE OF b
            ),
            ins AS (
                INSERT INTO ledger_entries (company_id, id, employee_id, policy_id, policy_version_id, entry_type,
                    amount_minutes, effective_at, source_type, source_id, metadata_json)
                SELECT company_id, id, employee_id, policy_id, version_id, entry_type, grant_minutes::int, effective_at,
                       source_type, source_id,
                       CASE WHEN cap IS NULL THEN CAST(metadata AS jsonb)
                            ELSE coalesce(CAST(metadata AS jsonb), '{}'::jsonb)
                                 || jsonb_build_object('bank_cap_minutes', cap, 'cap_applied', grant_minutes < amount,
                                                       'uncapped_minutes', amount) END
                FROM granted
                WHERE grant_minutes <> 0
                ORDER BY company_id, source_type, source_id, entry_type
                ON CONFLICT ON CONSTRAINT ledger_source_uq DO NOTHING
                RETURNING id, company_id, employee_id, policy_id, amount_minutes
            ),
            upd AS (
                UPDATE balance_snapshots b
                SET accrued_minutes = b.accrued_minutes + ins.amount_minutes, updated_at = now()
                FROM ins
                WHERE b.company_id = ins.company_id AND b.employee_id = ins.employee_id AND b.policy_id = ins.policy_id
                RETURNING 1
            )
            SELECT id, amount_minutes FROM ins
            """;

    private final JdbcTemplate jdbc;

    public LedgerBatchWriter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Writes the postings in the caller's transaction and returns one outcome per posting, in
     * input order. Postings of the same balance are written in successive statements (each
     * statement touches a balance at most once), in input order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Outcome> write(List<BatchPosting> postings) {
        if (postings.isEmpty()) {
            return List.of();
        }
        Outcome[] outcomes = new Outcome[postings.size()];
        List<List<Integer>> rounds = rounds(postings);
        for (List<Integer> round : rounds) {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                writeRound(connection, postings, round, outcomes);
                return null;
            });
        }
        return List.of(outcomes);
    }

    /** Splits the postings so that no statement sees one balance twice. */
    private static List<List<Integer>> rounds(List<BatchPosting> postings) {
        List<List<Integer>> rounds = new ArrayList<>();
        Map<BalanceKey, Integer> seen = new HashMap<>();
        for (int i = 0; i < postings.size(); i++) {
            int round = seen.merge(postings.get(i).key(), 0, (old, zero) -> old + 1);
            while (rounds.size() <= round) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        return rounds;
    }

    private static void writeRound(Connection connection, List<BatchPosting> postings, List<Integer> round,
                                   Outcome[] outcomes) throws SQLException {
        int n = round.size();
        Integer[] ord = new Integer[n];
        UUID[] ids = new UUID[n];
        UUID[] companies = new UUID[n];
        UUID[] employees = new UUID[n];
        UUID[] policies = new UUID[n];
        UUID[] versions = new UUID[n];
        String[] types = new String[n];
        Long[] amounts = new Long[n];
        Long[] caps = new Long[n];
        Timestamp[] effective = new Timestamp[n];
        String[] sourceTypes = new String[n];
        String[] sourceIds = new String[n];
        String[] metadata = new String[n];
        Set<BalanceKey> keys = new HashSet<>();
        List<BalanceKey> sortedKeys = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            BatchPosting p = postings.get(round.get(j));
            ord[j] = round.get(j);
            ids[j] = UUID.randomUUID();
            companies[j] = p.companyId();
            employees[j] = p.employeeId();
            policies[j] = p.policyId();
            versions[j] = p.policyVersionId();
            types[j] = p.type().name();
            amounts[j] = p.amountMinutes();
            caps[j] = p.bankCapMinutes();
            effective[j] = Timestamp.from(p.effectiveAt());
            sourceTypes[j] = p.sourceType().name();
            sourceIds[j] = p.sourceId();
            metadata[j] = p.metadataJson();
            if (keys.add(p.key())) {
                sortedKeys.add(p.key());
            }
        }
        sortedKeys.sort(Comparator.comparing(BalanceKey::companyId).thenComparing(BalanceKey::employeeId)
                .thenComparing(BalanceKey::policyId));
        try (PreparedStatement ensure = connection.prepareStatement(ENSURE_SNAPSHOTS)) {
            ensure.setArray(1, connection.createArrayOf("uuid", sortedKeys.stream().map(BalanceKey::companyId).toArray()));
            ensure.setArray(2, connection.createArrayOf("uuid", sortedKeys.stream().map(BalanceKey::employeeId).toArray()));
            ensure.setArray(3, connection.createArrayOf("uuid", sortedKeys.stream().map(BalanceKey::policyId).toArray()));
            ensure.executeUpdate();
        }
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            int i = 1;
            write.setArray(i++, connection.createArrayOf("uuid", ids));
            write.setArray(i++, connection.createArrayOf("uuid", companies));
            write.setArray(i++, connection.createArrayOf("uuid", employees));
            write.setArray(i++, connection.createArrayOf("uuid", policies));
            write.setArray(i++, connection.createArrayOf("uuid", versions));
            write.setArray(i++, connection.createArrayOf("text", types));
            write.setArray(i++, connection.createArrayOf("int8", amounts));
            write.setArray(i++, connection.createArrayOf("int8", caps));
            write.setArray(i++, connection.createArrayOf("timestamptz", effective));
            write.setArray(i++, connection.createArrayOf("text", sourceTypes));
            write.setArray(i++, connection.createArrayOf("text", sourceIds));
            write.setArray(i, connection.createArrayOf("text", metadata));
            Map<UUID, Integer> ordById = new HashMap<>(n * 2);
            for (int j = 0; j < n; j++) {
                ordById.put(ids[j], ord[j]);
            }
            try (ResultSet rs = write.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    int index = ordById.get(id);
                    outcomes[index] = new Outcome(postings.get(index), rs.getLong(2), true, id);
                }
            }
        }
        for (int index : round) {
            if (outcomes[index] == null) { // already in the ledger, or nothing left under the cap
                outcomes[index] = new Outcome(postings.get(index), 0, false, null);
            }
        }
    }
}
