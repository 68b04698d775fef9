package com.powerpto.accrual;

import com.powerpto.accrual.calc.CarryoverCalculator;
import com.powerpto.ledger.Balance;
import com.powerpto.ledger.BalanceKey;
import com.powerpto.ledger.BalanceRule;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.LedgerPosting;
import com.powerpto.ledger.LedgerService;
import com.powerpto.ledger.SourceType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Year-end carryover, run on January 1 for assignments active on December 31 whose version in
 * force that day has {@code carryover.enabled}. Under the snapshot lock: the old year's available
 * balance (accruals already posted for the new year excluded) is split into carried =
 * min(available, cap) and excess; the excess is an EXPIRATION entry and a CARRYOVER marker entry
 * (amount 0, the balance already holds the carried minutes) records carried minutes, the cap, the
 * used minutes at carryover and, with {@code expires_after_days}, the date the carried minutes expire.
 * Both share {@code source_id = carryover:<policy>:<employee>:<year>}: a rerun writes nothing.
 */
@Component
public class CarryoverJob {

    private final AccrualRepository repository;
    private final LedgerService ledger;
    private final TransactionTemplate tx;
    private final int chunkSize;

    public CarryoverJob(AccrualRepository repository, LedgerService ledger, PlatformTransactionManager transactions,
                        @Value("${pto.accrual.chunk-size:500}") int chunkSize) {
        this.repository = repository;
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactions);
        this.chunkSize = Math.max(1, chunkSize);
    }

    public static String sourceId(UUID policyId, UUID employeeId, int year) {
        return "carryover:" + policyId + ":" + employeeId + ":" + year;
    }

    public RunResult run(LocalDate day, UUID companyOrNull, RunTrigger trigger, BatchGate gate) {
        Instant started = Instant.now();
        Map<UUID, RunCounts> byCompany = new LinkedHashMap<>();
        if (day.getDayOfYear() == 1) {
            LocalDate yearEnd = day.minusDays(1);
            Map<UUID, AccrualSettings> versions = repository.accrualVersions(yearEnd, companyOrNull);
            List<AccrualRepository.Candidate> rows = new ArrayList<>(repository.carryoverCandidates(yearEnd, companyOrNull));
            Chunks.run(rows, chunkSize, tx, gate, AccrualRepository.Candidate::companyId,
                    c -> carry(c, versions.get(c.versionId()), day), byCompany, "carryover " + day);
        }
        RunCounts totals = new RunCounts();
        byCompany.values().forEach(totals::add);
        return new RunResult(UUID.randomUUID(), JobKind.CARRYOVER, day, companyOrNull, trigger, started, totals, byCompany, true);
    }

    private RunCounts carry(AccrualRepository.Candidate c, AccrualSettings settings, LocalDate newYear) {
        RunCounts counts = new RunCounts();
        counts.processed = 1;
        if (settings == null) {
            throw new IllegalStateException("unreadable settings of policy version " + c.versionId());
        }
        String sourceId = sourceId(c.policyId(), c.employeeId(), newYear.getYear());
        if (repository.systemEntryMetadata(c.companyId(), sourceId, EntryType.CARRYOVER.name()).isPresent()) {
            counts.skipped = 1;
            return counts;
        }
        BalanceKey key = new BalanceKey(c.companyId(), c.employeeId(), c.policyId());
        Balance balance = ledger.lock(key);
        // As of the old year's end: new-year accruals, usage and holds (booked in December) do not count.
        long[] oldYear = repository.bankedAndUsedBefore(c.companyId(), c.employeeId(), c.policyId(), newYear);
        long oldYearAvailable = oldYear[0];
        AccrualSettings.Carryover rule = settings.carryover();
        CarryoverCalculator.Split split = CarryoverCalculator.split(oldYearAvailable, rule.capMinutes());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("job", "carryover");
        metadata.put("year", newYear.getYear() - 1);
        metadata.put("available_minutes", oldYearAvailable);
        metadata.put("carried_minutes", split.carried());
        metadata.put("expired_minutes", split.expired());
        metadata.put("cap_minutes", rule.capMinutes());
        metadata.put("used_minutes_at_carryover", oldYear[1]);
        if (rule.expiresAfterDays() != null) {
            metadata.put("carry_expires_on", newYear.plusDays(rule.expiresAfterDays()).toString());
        }
        Instant at = newYear.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<LedgerPosting> postings = new ArrayList<>();
        if (split.expired() > 0) {
            postings.add(new LedgerPosting(EntryType.EXPIRATION, -split.expired(), c.versionId(), at, SourceType.SYSTEM,
                    sourceId, metadata));
        }
        postings.add(new LedgerPosting(EntryType.CARRYOVER, 0, c.versionId(), at, SourceType.SYSTEM, sourceId, metadata));
        // Expiring only the positive excess never takes available below zero: no floor to check.
        ledger.post(key, BalanceRule.UNLIMITED, postings);
        counts.carried = 1;
        if (split.expired() > 0) {
            counts.expired = 1;
            counts.expiredMinutes = split.expired();
        }
        return counts;
    }
}
