package com.powerpto.accrual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.accrual.calc.ExpirationCalculator;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Expirations of one date, for assignments active that day:
 * <ul>
 *   <li>{@code expiration.expires_on_month/day}: on that date the positive available balance
 *       expires ({@code source_id = expiration:<policy>:<employee>:<date>});</li>
 *   <li>{@code expiration.expires_after_days}: once that many days have passed since the balance's
 *       last accrual, the positive available balance expires
 *       ({@code expiration:<policy>:<employee>:after:<last accrual date>}: once per last accrual);</li>
 *   <li>{@code carryover.expires_after_days}: on the carried minutes' expiry date, the carried
 *       minutes not used since the carryover expire (usage draws from carried minutes first)
 *       ({@code carryover-expiry:<policy>:<employee>:<year>}).</li>
 * </ul>
 * Amounts are computed under the snapshot lock and never take available below zero.
 */
@Component
public class ExpirationJob {

    private final AccrualRepository repository;
    private final LedgerService ledger;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper;
    private final int chunkSize;

    public ExpirationJob(AccrualRepository repository, LedgerService ledger, PlatformTransactionManager transactions,
                         ObjectMapper mapper, @Value("${pto.accrual.chunk-size:500}") int chunkSize) {
        this.repository = repository;
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactions);
        this.mapper = mapper;
        this.chunkSize = Math.max(1, chunkSize);
    }

    public RunResult run(LocalDate day, UUID companyOrNull, RunTrigger trigger, BatchGate gate) {
        Instant started = Instant.now();
        Map<UUID, RunCounts> byCompany = new LinkedHashMap<>();
        Map<UUID, AccrualSettings> versions = repository.accrualVersions(day, companyOrNull);
        List<AccrualRepository.Candidate> rows = repository.expirationCandidates(day, companyOrNull);
        Chunks.run(rows, chunkSize, tx, gate, AccrualRepository.Candidate::companyId,
                c -> expire(c, versions.get(c.versionId()), day), byCompany, "expiration " + day);
        RunCounts totals = new RunCounts();
        byCompany.values().forEach(totals::add);
        return new RunResult(UUID.randomUUID(), JobKind.EXPIRATION, day, companyOrNull, trigger, started, totals, byCompany, true);
    }

    private RunCounts expire(AccrualRepository.Candidate c, AccrualSettings settings, LocalDate day) {
        if (settings == null) {
            throw new IllegalStateException("unreadable settings of policy version " + c.versionId());
        }
        RunCounts counts = new RunCounts();
        BalanceKey key = new BalanceKey(c.companyId(), c.employeeId(), c.policyId());
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        AccrualSettings.Expiration rule = settings.expiration();
        if (rule.enabled() && rule.month() != null && rule.day() != null
                && day.getMonthValue() == rule.month() && day.getDayOfMonth() == rule.day()) {
            counts.processed++;
            String sourceId = "expiration:" + c.policyId() + ":" + c.employeeId() + ":" + day;
            expireAvailable(key, c, sourceId, at, Map.of("job", "expiration", "rule", "expires_on",
                    "expires_on", day.toString()), counts);
        }
        if (rule.enabled() && rule.expiresAfterDays() != null) {
            LocalDate last = repository.lastAccrualDate(c.companyId(), c.employeeId(), c.policyId());
            if (last != null && !last.plusDays(rule.expiresAfterDays()).isAfter(day)) {
                counts.processed++;
                String sourceId = "expiration:" + c.policyId() + ":" + c.employeeId() + ":after:" + last;
                expireAvailable(key, c, sourceId, at, Map.of("job", "expiration", "rule", "expires_after_days",
                        "last_accrual_date", last.toString(), "expires_after_days", rule.expiresAfterDays()), counts);
            }
        }
        if (settings.carryover().expiresAfterDays() != null) {
            // any carry year (expires_after_days may exceed two years); one query finds the due ones
            for (AccrualRepository.DueCarryover due : repository.carryoversDue(c.companyId(), c.employeeId(), c.policyId(), day)) {
                expireCarried(key, c, due.year(), due.metadata(), at, counts);
            }
        }
        return counts;
    }

    private void expireAvailable(BalanceKey key, AccrualRepository.Candidate c, String sourceId, Instant at,
                                 Map<String, Object> metadata, RunCounts counts) {
        if (repository.systemEntryMetadata(c.companyId(), sourceId, EntryType.EXPIRATION.name()).isPresent()) {
            counts.skipped++;
            return;
        }
        Balance balance = ledger.lock(key);
        long amount = ExpirationCalculator.expireAvailable(balance.available());
        if (amount == 0) {
            counts.skipped++;
            return;
        }
        post(key, c, sourceId, at, amount, metadata, counts);
    }

    private void expireCarried(BalanceKey key, AccrualRepository.Candidate c, int year, String carryMetadata, Instant at,
                               RunCounts counts) {
        JsonNode meta = read(carryMetadata);
        counts.processed++;
        String sourceId = "carryover-expiry:" + c.policyId() + ":" + c.employeeId() + ":" + year;
        if (repository.systemEntryMetadata(c.companyId(), sourceId, EntryType.EXPIRATION.name()).isPresent()) {
            counts.skipped++;
            return;
        }
        Balance balance = ledger.lock(key);
        long carried = meta.path("carried_minutes").asLong(0);
        long usedSince = balance.used() - meta.path("used_minutes_at_carryover").asLong(0);
        long amount = ExpirationCalculator.expireCarried(carried, usedSince, balance.available());
        if (amount == 0) {
            counts.skipped++;
            return;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("job", "expiration");
        metadata.put("rule", "carryover_expires_after_days");
        metadata.put("carry_year", year);
        metadata.put("carried_minutes", carried);
        metadata.put("used_since_carryover_minutes", usedSince);
        post(key, c, sourceId, at, amount, metadata, counts);
    }

    private void post(BalanceKey key, AccrualRepository.Candidate c, String sourceId, Instant at, long amount,
                      Map<String, Object> metadata, RunCounts counts) {
        var result = ledger.post(key, BalanceRule.UNLIMITED, List.of(new LedgerPosting(EntryType.EXPIRATION, -amount,
                c.versionId(), at, SourceType.SYSTEM, sourceId, metadata)));
        if (result.replayed()) {
            counts.skipped++;
        } else {
            counts.expired++;
            counts.expiredMinutes += amount;
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("carryover metadata is not JSON", e);
        }
    }
}
