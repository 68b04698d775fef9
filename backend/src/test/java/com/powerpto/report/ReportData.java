package com.powerpto.report;

import com.powerpto.ledger.BalanceKey;
import com.powerpto.ledger.BalanceRule;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.LedgerEntry;
import com.powerpto.ledger.LedgerPosting;
import com.powerpto.ledger.LedgerService;
import com.powerpto.ledger.SourceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data for report tests, written straight to the tables while the employee/policy/assignment
 * endpoints are being built (companies → employees → policies → policy_versions → assignments).
 * Ledger rows always go through {@link LedgerService#post} in a transaction, so balance snapshots
 * stay equal to the ledger's sums. Not a Spring bean: tests construct it from autowired parts.
 */
public class ReportData {

    public record Policy(UUID id, UUID versionId, String key, boolean unlimited) {
        BalanceRule rule() {
            return unlimited ? BalanceRule.UNLIMITED : new BalanceRule(false, true, null);
        }
    }

    private final JdbcClient jdbc;
    private final LedgerService ledger;
    private final TransactionTemplate tx;
    private int requestDay;

    public ReportData(JdbcClient jdbc, LedgerService ledger, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactions);
    }

    public UUID employee(UUID companyId, String first, String last, UUID managerId) {
        return employee(companyId, UUID.randomUUID(), first, last, managerId, true);
    }

    public UUID employee(UUID companyId, UUID id, String first, String last, UUID managerId, boolean active) {
        jdbc.sql("""
                INSERT INTO employees (company_id, id, first_name, last_name, email, manager_id, hire_date, active)
                VALUES (:company, :id, :first, :last, :email, :manager, DATE '2020-01-01', :active)
                """).param("company", companyId).param("id", id).param("first", first).param("last", last)
                .param("email", first.toLowerCase() + "." + id.toString().substring(0, 8) + "@example.test")
                .param("manager", managerId).param("active", active).update();
        return id;
    }

    public Policy policy(UUID companyId, String key, String category, boolean unlimited) {
        return policy(companyId, key, category, unlimited, LocalDate.of(2020, 1, 1));
    }

    public Policy policy(UUID companyId, String key, String category, boolean unlimited, LocalDate effectiveFrom) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO policies (company_id, id, key, category) VALUES (:company, :id, :key, :category)")
                .param("company", companyId).param("id", id).param("key", key).param("category", category).update();
        UUID versionId = version(companyId, id, 1, effectiveFrom, unlimited);
        return new Policy(id, versionId, key, unlimited);
    }

    /** Adds version {@code number} of a policy (the caller end-dates nothing: tests only read the type). */
    public UUID version(UUID companyId, UUID policyId, int number, LocalDate effectiveFrom, boolean unlimited) {
        UUID versionId = UUID.randomUUID();
        String settings = unlimited ? "{\"type\":\"UNLIMITED\"}"
                : "{\"type\":\"ACCRUAL\",\"accrual_method\":\"TIME\",\"accrual_frequency\":\"YEARLY\","
                + "\"accrual_timing\":\"START_OF_PERIOD\",\"rate_minutes_per_year\":9600,\"proration\":\"NONE\"}";
        jdbc.sql("""
                INSERT INTO policy_versions (company_id, id, policy_id, version, effective_from, type, accrual_method,
                    settings, created_by)
                VALUES (:company, :id, :policy, :version, :from, :type, :method, CAST(:settings AS jsonb), :by)
                """).param("company", companyId).param("id", versionId).param("policy", policyId)
                .param("version", number).param("from", effectiveFrom)
                .param("type", unlimited ? "UNLIMITED" : "ACCRUAL").param("method", unlimited ? null : "TIME")
                .param("settings", settings).param("by", UUID.randomUUID()).update();
        return versionId;
    }

    public UUID assign(UUID companyId, UUID employeeId, Policy policy, LocalDate from, LocalDate to) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO assignments (company_id, id, employee_id, policy_id, effective_from, effective_to, created_by)
                VALUES (:company, :id, :employee, :policy, :from, :to, :by)
                """).param("company", companyId).param("id", id).param("employee", employeeId)
                .param("policy", policy.id()).param("from", from).param("to", to).param("by", UUID.randomUUID())
                .update();
        return id;
    }

    public UUID assign(UUID companyId, UUID employeeId, Policy policy) {
        return assign(companyId, employeeId, policy, LocalDate.of(2020, 1, 1), null);
    }

    public static LedgerPosting posting(Policy policy, EntryType type, long minutes, Instant at, String sourceId,
                                        Map<String, Object> metadata) {
        return new LedgerPosting(type, minutes, policy.versionId(), at, SourceType.ADMIN, sourceId, metadata);
    }

    public static LedgerPosting posting(Policy policy, EntryType type, long minutes, Instant at) {
        return posting(policy, type, minutes, at, UUID.randomUUID().toString(), Map.of());
    }

    /** Posts through the ledger service in one transaction (snapshot locked and updated with it). */
    public List<LedgerEntry> post(UUID companyId, UUID employeeId, Policy policy, List<LedgerPosting> postings) {
        return tx.execute(status -> ledger.post(new BalanceKey(companyId, employeeId, policy.id()), policy.rule(),
                postings).appended());
    }

    public List<LedgerEntry> post(UUID companyId, UUID employeeId, Policy policy, LedgerPosting... postings) {
        return post(companyId, employeeId, policy, List.of(postings));
    }

    /** {@code count} accruals of 1 minute, posted in transactions of at most 5,000. */
    public void bulkAccruals(UUID companyId, UUID employeeId, Policy policy, int count, Instant at) {
        for (int start = 0; start < count; start += 5000) {
            List<LedgerPosting> chunk = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + 5000); i++) {
                chunk.add(new LedgerPosting(EntryType.ACCRUAL, 1, policy.versionId(), at.plusSeconds(i),
                        SourceType.SYSTEM, "bulk-" + employeeId + "-" + i, Map.of("n", i)));
            }
            post(companyId, employeeId, policy, chunk);
        }
    }

    /** A request row in a given status, on its own day so live requests never overlap. */
    public UUID request(UUID companyId, UUID employeeId, Policy policy, String status) {
        UUID id = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.of(2030, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC).plusDays(requestDay++);
        jdbc.sql("""
                INSERT INTO requests (company_id, id, employee_id, policy_id, start_at, end_at, requested_minutes, status)
                VALUES (:company, :id, :employee, :policy, :start, :end, 480, :status)
                """).param("company", companyId).param("id", id).param("employee", employeeId)
                .param("policy", policy.id()).param("start", start).param("end", start.plusHours(8))
                .param("status", status).update();
        return id;
    }

    public int corruptSnapshot(UUID companyId, UUID employeeId, UUID policyId, long accruedDelta, long usedDelta,
                               long heldDelta) {
        return jdbc.sql("""
                UPDATE balance_snapshots SET accrued_minutes = accrued_minutes + :a, used_minutes = used_minutes + :u,
                    held_minutes = held_minutes + :h
                WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy
                """).param("a", accruedDelta).param("u", usedDelta).param("h", heldDelta)
                .param("company", companyId).param("employee", employeeId).param("policy", policyId).update();
    }
}
