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

    private LedgerBatchWriter.BatchPosting posting(AccrualData data, AccrualData.Policy policy, UUID employee, EntryType type,
                                                   long amount, String sourceId) {
        return new LedgerBatchWriter.BatchPosting(data.companyId, employee, policy.id(), policy.versionId(), type,
                amount, Instant.parse("2025-01-01T00:00:00Z"), SourceType.SYSTEM, sourceId, "{\"k\":1}");
    }

    /** A policy that grants 10 minutes a day from 2024, the same in every test. */
    private static AccrualData.Policy dailyPolicy(AccrualData data, String key) {
        return data.policy(key, AccrualData.time("DAILY", "START_OF_PERIOD", 10, "NONE", Map.of()), LocalDate.parse("2024-01-01"));
    }

    private static List<UUID> employees(AccrualData data, int count) {
        List<UUID> employees = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            employees.add(data.employee("E" + i, null));
        }
        return employees;
    }

    @Test
    void writesManyRowsOnceAndKeepsSnapshotsEqualToTheLedger() {
        Person admin = fixtures.newCompanyAdmin();
        AccrualData data = new AccrualData(jdbc, admin.companyId());
        var policy = dailyPolicy(data, "p");
        List<UUID> employees = employees(data, 50);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<LedgerBatchWriter.BatchPosting> postings = new ArrayList<>();
        for (UUID e : employees) {
            postings.add(posting(data, policy, e, EntryType.ACCRUAL, 100, "t:" + e + ":1"));
            postings.add(posting(data, policy, e, EntryType.ACCRUAL, 50, "t:" + e + ":2")); // same balance twice in one call
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

    /** Snapshots are locked before they are created: a call where half the balances have one already. */
    @Test
    void createsTheMissingSnapshotsBesideTheOnesThatExist() {
        Person admin = fixtures.newCompanyAdmin();
        AccrualData data = new AccrualData(jdbc, admin.companyId());
        var policy = dailyPolicy(data, "p");
        List<UUID> employees = employees(data, 6);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.execute(s -> writer.write(employees.subList(0, 3).stream()
                .map(e -> posting(data, policy, e, EntryType.ACCRUAL, 100, "h:" + e + ":1")).toList()));
        var outcomes = tx.execute(s -> writer.write(employees.stream()
                .map(e -> posting(data, policy, e, EntryType.ACCRUAL, 30, "h:" + e + ":2")).toList()));
        assertThat(outcomes).allMatch(LedgerBatchWriter.Outcome::appended);
        assertThat(data.snapshot(employees.get(0), policy.id())).containsExactly(130, 0, 0);
        assertThat(data.snapshot(employees.get(5), policy.id())).containsExactly(30, 0, 0);
        assertThat(ledger.reconcile(admin.companyId()).clean()).isTrue();
    }

    /** V170: an entry's version must be one of its own policy's versions; nothing of the batch is kept. */
    @Test
    void refusesAnEntryWhoseVersionBelongsToAnotherPolicy() {
        Person admin = fixtures.newCompanyAdmin();
        AccrualData data = new AccrualData(jdbc, admin.companyId());
        var vacation = dailyPolicy(data, "vacation");
        var sick = dailyPolicy(data, "sick");
        UUID e = data.employee("Vic", null);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        var mismatched = new LedgerBatchWriter.BatchPosting(data.companyId, e, vacation.id(), sick.versionId(), EntryType.ACCRUAL,
                100, Instant.parse("2025-01-01T00:00:00Z"), SourceType.SYSTEM, "x:2", "{}");
        assertThatThrownBy(() -> tx.execute(s -> writer.write(List.of(posting(data, vacation, e, EntryType.ACCRUAL, 100, "x:1"), mismatched))))
                .hasMessageContaining("ledger_entries_version_of_policy_fk");
        assertThat(data.ledgerCount()).isZero();
    }

    /** The timeline's entries: forfeitures and corrections of either sign, summed per balance in one statement. */
    @Test
    void writesForfeituresAndCorrectionsOfEitherSignAndSumsThemPerBalance() {
        Person admin = fixtures.newCompanyAdmin();
        AccrualData data = new AccrualData(jdbc, admin.companyId());
        var policy = dailyPolicy(data, "p");
        UUID e = data.employee("Eve", null);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        var outcomes = tx.execute(s -> writer.write(List.of(
                posting(data, policy, e, EntryType.ACCRUAL, 800, "g:1"),
                posting(data, policy, e, EntryType.ACCRUAL_CORRECTION, -300, "g:1:fix"),
                posting(data, policy, e, EntryType.CARRYOVER, 0, "c:1"),
                posting(data, policy, e, EntryType.EXPIRATION, -400, "c:1"),
                posting(data, policy, e, EntryType.EXPIRATION, 150, "c:1:fix"))));
        assertThat(outcomes).allMatch(LedgerBatchWriter.Outcome::appended);
        assertThat(data.snapshot(e, policy.id())).containsExactly(800 - 300 - 400 + 150, 0, 0);
        assertThat(ledger.reconcile(admin.companyId()).clean()).isTrue();
    }

    @Test
    void refusesEntriesThatCouldLowerTheBalanceAndNeedsATransaction() {
        for (Object[] bad : new Object[][] {{EntryType.USAGE, -10L}, {EntryType.ADJUSTMENT, 10L}, {EntryType.ACCRUAL, -1L},
                {EntryType.EXPIRATION, 0L}, {EntryType.CARRYOVER, -1L}}) {
            assertThatThrownBy(() -> new LedgerBatchWriter.BatchPosting(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), (EntryType) bad[0], (Long) bad[1], Instant.now(), SourceType.SYSTEM, "x", null))
                    .as(bad[0] + " " + bad[1]).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> writer.write(List.of(new LedgerBatchWriter.BatchPosting(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), EntryType.ACCRUAL, 1, Instant.now(), SourceType.SYSTEM, "x", null))))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }
}
