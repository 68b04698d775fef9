package com.powerpto.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sends due outbox rows. Each row is one transaction: claim ({@code FOR UPDATE SKIP LOCKED}),
 * render and send on its channel (e-mail, Slack, Teams), record the outcome, commit. Two workers
 * therefore never send the same row, and a row is marked sent in the same transaction that claimed
 * it. A failed send is retried with exponential backoff; after {@code max-attempts} tries the row is
 * FAILED (admins see it, {@code notification.delivery.failure} or {@code notification.chat.delivery.failure}
 * counts it). If the commit after a successful send is lost, the row is sent again (an e-mail with
 * the same Message-ID, which receivers use to drop duplicates; a Slack message update is idempotent).
 */
@Component
public class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final NotificationRepository repository;
    private final EmailSender email;
    private final Map<Channel, ChannelSender> chat = new EnumMap<>(Channel.class);
    private final NotificationMetrics metrics;
    private final TransactionTemplate tx;
    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffMax;

    public OutboxDelivery(NotificationRepository repository, EmailSender email, ObjectProvider<ChannelSender> chatSenders,
                          NotificationMetrics metrics, PlatformTransactionManager transactions,
                          @Value("${pto.notifications.max-attempts:8}") int maxAttempts,
                          @Value("${pto.notifications.backoff-base:PT30S}") Duration backoffBase,
                          @Value("${pto.notifications.backoff-max:PT1H}") Duration backoffMax) {
        this.repository = repository;
        this.email = email;
        chatSenders.orderedStream().forEach(sender -> chat.put(sender.channel(), sender));
        this.metrics = metrics;
        this.tx = new TransactionTemplate(transactions);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
    }

    /** What one pass did. */
    public record Pass(int sent, int retried, int failed) {
        public int total() {
            return sent + retried + failed;
        }
    }

    /** Sends up to {@code max} rows due at {@code now}; stops early when none is left. */
    public Pass deliverDue(Instant now, int max) {
        return deliver(now, max, readyChannels(), null);
    }

    /**
     * Sends one company's due rows on one channel now, e.g. right after a Slack click so the
     * approvers' messages change at once instead of at the worker's next poll.
     */
    public Pass deliverDueNow(UUID companyId, Channel channel, int max) {
        Set<Channel> channels = readyChannels();
        channels.retainAll(Set.of(channel));
        return deliver(Instant.now(), max, channels, companyId);
    }

    private Set<Channel> readyChannels() {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (email.ready()) {
            channels.add(Channel.EMAIL);
        }
        chat.forEach((channel, sender) -> {
            if (sender.ready()) {
                channels.add(channel);
            }
        });
        return channels;
    }

    private Pass deliver(Instant now, int max, Set<Channel> channels, UUID companyId) {
        int sent = 0;
        int retried = 0;
        int failed = 0;
        for (int i = 0; i < max && !channels.isEmpty(); i++) {
            Outcome outcome = tx.execute(status -> deliverOne(now, channels, companyId));
            if (outcome == null || outcome == Outcome.NONE) {
                break;
            }
            switch (outcome) {
                case SENT -> sent++;
                case RETRY -> retried++;
                case FAILED -> failed++;
                default -> { }
            }
        }
        return new Pass(sent, retried, failed);
    }

    enum Outcome { NONE, SENT, RETRY, FAILED }

    private Outcome deliverOne(Instant now, Set<Channel> channels, UUID companyId) {
        var claimed = repository.claimDue(now, channels, companyId);
        if (claimed.isEmpty()) {
            return Outcome.NONE;
        }
        NotificationRepository.OutboxRow row = claimed.get();
        ChannelSender.Delivery delivery;
        try {
            delivery = row.channel() == Channel.EMAIL ? email.deliver(row) : chat.get(row.channel()).deliver(OutboxMessage.of(row));
        } catch (ChannelSender.DeliveryException | RuntimeException e) {
            String error = e instanceof ChannelSender.DeliveryException ? e.getMessage() : EmailSender.describe(e);
            int attempts = row.attempts() + 1;
            if (attempts >= maxAttempts) {
                repository.markFailed(row, now, error);
                metrics.failure(row.channel(), row.kind()).increment();
                log.error("notification {} ({}) of company {} failed permanently after {} tries: {}", row.id(), row.channel(),
                        row.companyId(), attempts, error);
                return Outcome.FAILED;
            }
            Instant next = now.plus(backoff(attempts));
            repository.markRetry(row, next, error);
            log.warn("notification {} ({}) of company {} not sent (try {} of {}), next try at {}: {}", row.id(), row.channel(),
                    row.companyId(), attempts, maxAttempts, next, error);
            return Outcome.RETRY;
        }
        if (delivery.sent()) {
            repository.markSent(row, now, delivery.subject(), delivery.recipient());
            metrics.success(row.channel(), row.kind()).increment();
        } else {
            repository.markSkipped(row, now, delivery.note());
            log.info("notification {} ({}) of company {} skipped: {}", row.id(), row.channel(), row.companyId(), delivery.note());
        }
        return Outcome.SENT;
    }

    /** base × 2^(attempts−1), at most {@code backoff-max}. */
    Duration backoff(int attempts) {
        Duration d = backoffBase.multipliedBy(1L << Math.min(20, attempts - 1));
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }
}
