package com.powerpto.accrual;

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

/**
 * Warns employees {@link #DAYS_AHEAD} days before minutes are forfeited (issue 17): at carryover
 * (January 1: the available balance above the cap) and at expiration (a fixed expiry date or
 * {@code expires_after_days} after the last accrual: the whole positive available balance). The
 * amount is today's available balance, so accruals still to come before the date are not in it.
 * Writes only outbox rows; a rerun of a day writes nothing new (the outbox dedupe key).
 * Carried minutes with their own expiry ({@code carryover.expires_after_days}) are not warned about yet.
 */
@Component
public class ForfeitWarningJob implements DailyNotificationJob {

    public static final int DAYS_AHEAD = 14;

    private final AccrualRepository repository;
    private final LedgerService ledger;
    private final Notifications notifications;
    private final TransactionTemplate tx;

    public ForfeitWarningJob(AccrualRepository repository, LedgerService ledger, Notifications notifications,
                             PlatformTransactionManager transactions) {
        this.repository = repository;
        this.ledger = ledger;
        this.notifications = notifications;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public String name() {
        return "forfeit-warning";
    }

    /** Queues the warnings for forfeits on {@code today + 14}; returns how many balances were warned. */
    @Override
    public int run(LocalDate today) {
        LocalDate on = today.plusDays(DAYS_AHEAD);
        int warned = 0;
        if (on.getDayOfYear() == 1) {
            LocalDate yearEnd = on.minusDays(1);
            Map<UUID, AccrualSettings> versions = repository.accrualVersions(yearEnd, null);
            for (AccrualRepository.Candidate c : repository.carryoverCandidates(yearEnd, null)) {
                AccrualSettings settings = versions.get(c.versionId());
                if (settings == null || !c.employeeActive() || settings.carryover().capMinutes() == null) {
                    continue;
                }
                long cap = settings.carryover().capMinutes();
                warned += warn(c, available -> available - cap, on, Notifications.ForfeitReason.CARRYOVER);
            }
        }
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
                warned += warn(c, available -> available, on, Notifications.ForfeitReason.EXPIRATION);
            }
        }
        return warned;
    }

    private int warn(AccrualRepository.Candidate c, java.util.function.LongUnaryOperator forfeited, LocalDate on,
                     Notifications.ForfeitReason reason) {
        Integer result = tx.execute(status -> {
            long available = ledger.balance(new BalanceKey(c.companyId(), c.employeeId(), c.policyId())).available();
            long minutes = forfeited.applyAsLong(available);
            if (minutes <= 0) {
                return 0;
            }
            notifications.forfeitWarning(c.companyId(), c.employeeId(), c.policyId(), minutes, on, reason);
            return 1;
        });
        return result == null ? 0 : result;
    }
}
