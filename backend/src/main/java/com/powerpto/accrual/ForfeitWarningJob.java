package com.powerpto.accrual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.accrual.calc.CarryoverCalculator;
import com.powerpto.accrual.calc.CarryoverDates;
import com.powerpto.accrual.calc.ExpirationCalculator;
import com.powerpto.ledger.Balance;
import com.powerpto.ledger.BalanceKey;
import com.powerpto.ledger.LedgerService;
import com.powerpto.notification.DailyNotificationJob;
import com.powerpto.notification.Notifications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * Warns employees {@link #DAYS_AHEAD} days before minutes are forfeited (issue 17):
 * <ul>
 *   <li>at carryover, on the policy's reset date ({@link CarryoverDates}: 1 January, a fiscal date
 *       or the hire anniversary): the old year's available balance above the cap, computed as the
 *       carryover job will (entries effective before the reset date, holds excluded);</li>
 *   <li>at expiration (a fixed expiry date or {@code expires_after_days} after the last accrual):
 *       the whole positive available balance;</li>
 *   <li>when carried-over minutes reach their own expiry ({@code carryover.expires_after_days}):
 *       the carried minutes not used since the carryover, as the expiration job will compute them.</li>
 * </ul>
 * Amounts are as of today, so accruals and usage still to come before the date are not in them.
 * Writes only outbox rows; a rerun of a day writes nothing new (the outbox dedupe key).
 */
@Component
public class ForfeitWarningJob implements DailyNotificationJob {

    public static final int DAYS_AHEAD = 14;

    private final AccrualRepository repository;
    private final LedgerService ledger;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper;

    public ForfeitWarningJob(AccrualRepository repository, LedgerService ledger, Notifications notifications,
                             PlatformTransactionManager transactions, ObjectMapper mapper) {
        this.repository = repository;
        this.ledger = ledger;
        this.notifications = notifications;
        this.tx = new TransactionTemplate(transactions);
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "forfeit-warning";
    }

    /** Queues the warnings for forfeits on {@code today + 14}; returns how many balances were warned. */
    @Override
    public int run(LocalDate today) {
        LocalDate on = today.plusDays(DAYS_AHEAD);
        return carryover(today, on) + expiration(on) + carriedExpiry(on);
    }

    /** Assignments active the day before {@code on} whose reset date (per their version's rule) is {@code on}. */
    private int carryover(LocalDate today, LocalDate on) {
        int warned = 0;
        LocalDate yearEnd = on.minusDays(1);
        Map<UUID, AccrualSettings> versions = repository.accrualVersions(yearEnd, null);
        for (AccrualRepository.Candidate c : repository.carryoverCandidates(yearEnd, null)) {
            AccrualSettings settings = versions.get(c.versionId());
            if (settings == null || !c.employeeActive() || settings.carryover().capMinutes() == null) {
                continue;
            }
            if (!on.equals(CarryoverDates.nextResetDate(today, settings.carryover().reset(), CarryoverJob.anchor(c)))) {
                continue;
            }
            Long cap = settings.carryover().capMinutes();
            warned += warn(c, on, Notifications.ForfeitReason.CARRYOVER, balance -> {
                long oldYearAvailable = repository.bankedAndUsedBefore(c.companyId(), c.employeeId(), c.policyId(), on)[0];
                return CarryoverCalculator.split(oldYearAvailable, cap).expired();
            });
        }
        return warned;
    }

    private int expiration(LocalDate on) {
        int warned = 0;
        Map<UUID, AccrualSettings> versions = repository.accrualVersions(on, null);
        for (AccrualRepository.Candidate c : repository.expirationCandidates(on, null)) {
            AccrualSettings settings = versions.get(c.versionId());
            if (settings == null || !c.employeeActive() || !settings.expiration().enabled()) {
                continue;
            }
            AccrualSettings.Expiration rule = settings.expiration();
            boolean fixedDate = rule.month() != null && rule.day() != null
                    && on.getMonthValue() == rule.month() && on.getDayOfMonth() == rule.day();
            boolean afterLastAccrual = false;
            if (!fixedDate && rule.expiresAfterDays() != null) {
                LocalDate last = repository.lastAccrualDate(c.companyId(), c.employeeId(), c.policyId());
                afterLastAccrual = last != null && last.plusDays(rule.expiresAfterDays()).equals(on);
            }
            if (fixedDate || afterLastAccrual) {
                warned += warn(c, on, Notifications.ForfeitReason.EXPIRATION,
                        balance -> ExpirationCalculator.expireAvailable(balance.available()));
            }
        }
        return warned;
    }

    /** Carryovers whose carried minutes expire exactly on {@code on} and have not expired yet. */
    private int carriedExpiry(LocalDate on) {
        int warned = 0;
        Map<UUID, AccrualSettings> versions = repository.accrualVersions(on, null);
        for (AccrualRepository.Candidate c : repository.expirationCandidates(on, null)) {
            AccrualSettings settings = versions.get(c.versionId());
            if (settings == null || !c.employeeActive() || settings.carryover().expiresAfterDays() == null) {
                continue;
            }
            for (AccrualRepository.DueCarryover due : repository.carryoversDue(c.companyId(), c.employeeId(), c.policyId(), on)) {
                JsonNode meta = read(due.metadata());
                if (!on.toString().equals(meta.path("carry_expires_on").asText())) {
                    continue; // overdue ones are the expiration job's, not a warning's
                }
                long carried = meta.path("carried_minutes").asLong(0);
                long usedAtCarryover = meta.path("used_minutes_at_carryover").asLong(0);
                warned += warn(c, on, Notifications.ForfeitReason.CARRIED_EXPIRY, balance ->
                        ExpirationCalculator.expireCarried(carried, balance.used() - usedAtCarryover, balance.available()));
            }
        }
        return warned;
    }

    private int warn(AccrualRepository.Candidate c, LocalDate on, Notifications.ForfeitReason reason,
                     ToLongFunction<Balance> forfeited) {
        Integer result = tx.execute(status -> {
            Balance balance = ledger.balance(new BalanceKey(c.companyId(), c.employeeId(), c.policyId()));
            long minutes = forfeited.applyAsLong(balance);
            if (minutes <= 0) {
                return 0;
            }
            notifications.forfeitWarning(c.companyId(), c.employeeId(), c.policyId(), minutes, on, reason);
            return 1;
        });
        return result == null ? 0 : result;
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json == null ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable carryover metadata", e);
        }
    }
}
