package com.powerpto.accrual;

import com.powerpto.notification.DailyNotificationJob;
import com.powerpto.notification.Notifications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;

/**
 * Warns employees {@link #DAYS_AHEAD} days before minutes are forfeited (issue 17): the forfeitures
 * the balances' timelines hold for that date — the carryover excess on a reset date, a fixed-date or
 * after-the-last-accrual expiration, carried-over minutes reaching their expiry — with the amounts the
 * jobs will post that day if nothing else changes (issue 24: the same timeline). Writes only outbox
 * rows; a rerun of a day writes nothing new (the outbox dedupe key).
 */
@Component
public class ForfeitWarningJob implements DailyNotificationJob {

    public static final int DAYS_AHEAD = 14;

    private final TimelineJob timeline;
    private final Notifications notifications;
    private final TransactionTemplate tx;

    public ForfeitWarningJob(TimelineJob timeline, Notifications notifications, PlatformTransactionManager transactions) {
        this.timeline = timeline;
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
        return warn(timeline.eventsOn(JobKind.CARRYOVER, on, null), on)
                + warn(timeline.eventsOn(JobKind.EXPIRATION, on, null), on);
    }

    private int warn(List<TimelinePoster.BalanceEvent> events, LocalDate on) {
        int warned = 0;
        for (TimelinePoster.BalanceEvent e : events) {
            long minutes = -e.event().amount();
            if (minutes <= 0) {
                continue;
            }
            Notifications.ForfeitReason reason = switch (e.event().kind()) {
                case CARRYOVER -> Notifications.ForfeitReason.CARRYOVER;
                case CARRIED_EXPIRY -> Notifications.ForfeitReason.CARRIED_EXPIRY;
                default -> Notifications.ForfeitReason.EXPIRATION;
            };
            tx.executeWithoutResult(status -> notifications.forfeitWarning(e.companyId(), e.employeeId(), e.policyId(),
                    minutes, on, reason));
            warned++;
        }
        return warned;
    }
}
