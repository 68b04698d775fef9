package com.powerpto.ledger;

import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The one writer of ledger rows and balance snapshots. Every post runs in the caller's
 * transaction: lock the snapshot, append (idempotently), check the invariant, update the snapshot.
 */
@Service
public class LedgerService {

    private final LedgerRepository repository;

    public LedgerService(LedgerRepository repository) {
        this.repository = repository;
    }

    /**
     * Appends the postings to one balance. A posting whose (source_type, source_id, entry_type) is
     * already in the ledger is skipped, so a retried writer changes nothing. If the result would
     * break the policy's floor, throws a 400 and the caller's transaction rolls everything back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PostingResult post(BalanceKey key, BalanceRule rule, List<LedgerPosting> postings) {
        Balance before = repository.lockSnapshot(key);
        Balance after = before;
        List<LedgerEntry> appended = new ArrayList<>();
        for (LedgerPosting posting : postings) {
            Optional<LedgerEntry> entry = repository.append(key, posting);
            if (entry.isPresent()) {
                appended.add(entry.get());
                after = after.plus(posting.type(), posting.amountMinutes());
            }
        }
        if (!rule.permits(before, after)) {
            AmountUnit unit = rule.unit();
            throw ApiException.businessRule("insufficient_balance", "insufficient balance: " + describe(before, after, rule))
                    .withDetail("Available: " + unit.describe(before.available()) + "; this change needs "
                            + unit.describe(before.available() - after.available()) + "; the balance may not go below "
                            + unit.describe(rule.floor()) + ".")
                    .withContext(java.util.Map.of("available_minutes", before.available(),
                            "requested_change_minutes", after.available() - before.available(),
                            "floor_minutes", rule.floor()));
        }
        if (!appended.isEmpty()) {
            repository.updateSnapshot(key, after);
        }
        return new PostingResult(appended, before, after);
    }

    /** Locks and reads a balance inside the caller's transaction (for checks before posting). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Balance lock(BalanceKey key) {
        return repository.lockSnapshot(key);
    }

    @Transactional(readOnly = true)
    public Balance balance(BalanceKey key) {
        return repository.snapshot(key).orElse(Balance.ZERO);
    }

    @Transactional(readOnly = true)
    public Optional<LedgerEntry> entryBySource(UUID companyId, SourceType sourceType, String sourceId, EntryType type) {
        return repository.bySource(companyId, sourceType, sourceId, type);
    }

    /**
     * No transaction of its own (issue 27): one statement in the usual case, and under READ COMMITTED
     * a transaction would not give a page and a separate count one snapshot anyway; BEGIN and COMMIT
     * were two of the ledger page's round trips. Runs inside the caller's transaction if there is one.
     */
    public Page<LedgerEntry> entries(UUID companyId, LedgerFilter filter, PageRequest page) {
        return repository.page(companyId, filter, page);
    }

    /** For exports: runs in one read-only transaction, streaming rows with a bounded fetch size. */
    @Transactional(readOnly = true)
    public void streamEntries(UUID companyId, LedgerFilter filter, Consumer<LedgerEntry> sink) {
        repository.stream(companyId, filter, sink);
    }

    /** Compares every snapshot with the sums of its ledger; null company = all companies. */
    @Transactional(readOnly = true)
    public ReconciliationReport reconcile(UUID companyIdOrNull) {
        return new ReconciliationReport(repository.snapshotCount(companyIdOrNull), repository.mismatches(companyIdOrNull));
    }

    private static String describe(Balance before, Balance after, BalanceRule rule) {
        AmountUnit unit = rule.unit();
        return unit.describe(before.available()) + " available, this change needs "
                + unit.describe(before.available() - after.available()) + " and the lowest allowed balance is "
                + unit.describe(rule.floor());
    }
}
