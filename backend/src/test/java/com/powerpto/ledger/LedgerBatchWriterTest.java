package com.powerpto.ledger;

import com.powerpto.accrual.AccrualData;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerBatchWriterTest extends ApiTest {

    @Autowired
    LedgerBatchWriter writer;
    @Autowired
    LedgerService ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private LedgerBatchWriter.BatchPosting posting(AccrualData data, AccrualData.Policy policy, UUID employee, long amount,
                                                   Long cap, String sourceId) {
        return new LedgerBatchWriter.BatchPosting(data.companyId, employee, policy.id(), policy.versionId(), EntryType.ACCRUAL,
                amount, cap, Instant.parse("2025-01-01T00:00:00Z"), SourceType.SYSTEM, sourceId, "{\"k\":1}");
    }

    @Test
    void writesManyRowsOnceAndKeepsSnapshotsEqualToTheLedger() {
        Person admin = fixtures.newCompanyAdmin();
        AccrualData data = new AccrualData(jdbc, admin.companyId());
        var policy = data.policy("p", AccrualData.time("DAILY", "START_OF_PERIOD", 10, "NONE", Map.of()), LocalDate.parse("2024-01-01"));
        List<UUID> employees = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            employees.add(data.employee("E" + i, null));
        }
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<LedgerBatchWriter.BatchPosting> postings = new ArrayList<>();
        for (UUID e : employees) {
            postings.add(posting(data, policy, e, 100, null, "t:" + e + ":1"));
            postings.add(posting(data, policy, e, 50, null, "t:" + e + ":2")); // same balance twice in one call
        }
        List<LedgerBatchWriter.Outcome> first = tx.execute(s -> writer.write(postings));
        assertThat(first).hasSize(100).allMatch(LedgerBatchWriter.Outcome::appended);
        assertThat(first.get(0).posting()).isSameAs(postings.get(0));
        List<LedgerBatchWriter.Outcome> again = tx.execute(s -> writer.write(postings));
        assertThat(again).noneMatch(LedgerBatchWriter.Outcome::appended);
        assertThat(data.ledgerCount()).isEqualTo(100);
        assertThat(data.snapshot(employees.get(7), policy.id())).containsExactly(150, 0, 0);
        assertThat(ledger.reconcile(admin.companyId()).clean()).isTrue();
    }

    @Test
    void bankCapIsAppliedUnderTheLockAndAccrualResumesAfterUsage() {
        Person admin = fixtures.newCompanyAdmin();
        AccrualData data = new AccrualData(jdbc, admin.companyId());
        var policy = data.policy("p", AccrualData.time("DAILY", "START_OF_PERIOD", 10, "NONE", Map.of()), LocalDate.parse("2024-01-01"));
        UUID e = data.employee("Capped", null);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long[] granted = new long[4];
        for (int i = 0; i < 4; i++) {
            int n = i;
            granted[i] = tx.execute(s -> writer.write(List.of(posting(data, policy, e, 800, 2000L, "cap:" + n)))).get(0)
                    .grantedMinutes();
        }
        assertThat(granted).containsExactly(800, 800, 400, 0);
        BalanceKey key = new BalanceKey(admin.companyId(), e, policy.id());
        tx.executeWithoutResult(s -> ledger.post(key, BalanceRule.NO_NEGATIVE, List.of(new LedgerPosting(EntryType.USAGE, -1000,
                policy.versionId(), Instant.parse("2024-12-31T12:00:00Z"), SourceType.REQUEST, UUID.randomUUID().toString(), null))));
        // (the cap is applied as of the posting's day: usage dated before it frees headroom)
        var resumed = tx.execute(s -> writer.write(List.of(posting(data, policy, e, 800, 2000L, "cap:5")))).get(0);
        assertThat(resumed.grantedMinutes()).isEqualTo(800);
        assertThat(resumed.capped()).isFalse();
        var partial = tx.execute(s -> writer.write(List.of(posting(data, policy, e, 800, 2000L, "cap:6")))).get(0);
        assertThat(partial.grantedMinutes()).isEqualTo(200);
        assertThat(partial.capped()).isTrue();
        assertThat(data.snapshot(e, policy.id())).containsExactly(3000, 1000, 0);
        String metadata = jdbc.sql("SELECT metadata_json::text FROM ledger_entries WHERE company_id = :c AND source_id = 'cap:6'")
                .param("c", admin.companyId()).query(String.class).single();
        assertThat(metadata).contains("\"cap_applied\": true").contains("\"k\": 1");
        assertThat(ledger.reconcile(admin.companyId()).clean()).isTrue();
    }

    @Test
    void refusesEntriesThatCouldLowerTheBalanceAndNeedsATransaction() {
        assertThatThrownBy(() -> new LedgerBatchWriter.BatchPosting(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), EntryType.USAGE, 10, null, Instant.now(), SourceType.SYSTEM, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerBatchWriter.BatchPosting(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), EntryType.ACCRUAL, -1, null, Instant.now(), SourceType.SYSTEM, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.write(List.of(new LedgerBatchWriter.BatchPosting(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), EntryType.ACCRUAL, 1, null, Instant.now(), SourceType.SYSTEM, "x", null))))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }
}
