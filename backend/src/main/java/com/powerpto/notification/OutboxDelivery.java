package com.powerpto.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;

/**
 * Sends due outbox rows. Each row is one transaction: claim ({@code FOR UPDATE SKIP LOCKED}),
 * send over SMTP, record the outcome, commit. Two workers therefore never send the same row,
 * and a row is marked sent in the same transaction that claimed it. A failed send is retried
 * with exponential backoff; after {@code max-attempts} tries the row is FAILED (admins see it,
 * {@code notification.delivery.failure} counts it). If the commit after a successful send is
 * lost, the row is sent again with the same Message-ID, which receivers use to drop duplicates.
 */
@Component
public class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final NotificationRepository repository;
    private final MailConfig.MailSettings mail;
    private final NotificationMetrics metrics;
    private final TransactionTemplate tx;
    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffMax;

    public OutboxDelivery(NotificationRepository repository, MailConfig.MailSettings mail, NotificationMetrics metrics,
                          PlatformTransactionManager transactions,
                          @Value("${pto.notifications.max-attempts:8}") int maxAttempts,
                          @Value("${pto.notifications.backoff-base:PT30S}") Duration backoffBase,
                          @Value("${pto.notifications.backoff-max:PT1H}") Duration backoffMax) {
        this.repository = repository;
        this.mail = mail;
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
        int sent = 0;
        int retried = 0;
        int failed = 0;
        if (!mail.configured()) {
            return new Pass(0, 0, 0);
        }
        for (int i = 0; i < max; i++) {
            Outcome outcome = tx.execute(status -> deliverOne(now));
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

    private Outcome deliverOne(Instant now) {
        var claimed = repository.claimDue(now);
        if (claimed.isEmpty()) {
            return Outcome.NONE;
        }
        NotificationRepository.OutboxRow row = claimed.get();
        try {
            mail.sender().send(toMime(row));
        } catch (MailException | MessagingException e) {
            String error = describe(e);
            int attempts = row.attempts() + 1;
            if (attempts >= maxAttempts) {
                repository.markFailed(row, now, error);
                metrics.failure(row.kind()).increment();
                log.error("notification {} of company {} failed permanently after {} tries: {}", row.id(), row.companyId(),
                        attempts, error);
                return Outcome.FAILED;
            }
            Instant next = now.plus(backoff(attempts));
            repository.markRetry(row, next, error);
            log.warn("notification {} of company {} not sent (try {} of {}), next try at {}: {}", row.id(), row.companyId(),
                    attempts, maxAttempts, next, error);
            return Outcome.RETRY;
        }
        repository.markSent(row, now);
        metrics.success(row.kind()).increment();
        return Outcome.SENT;
    }

    /** base × 2^(attempts−1), at most {@code backoff-max}. */
    Duration backoff(int attempts) {
        Duration d = backoffBase.multipliedBy(1L << Math.min(20, attempts - 1));
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }

    private MimeMessage toMime(NotificationRepository.OutboxRow row) throws MessagingException {
        MimeMessage message = new StableIdMessage(mail.sender().getSession(), row.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(mail.from());
        helper.setTo(row.recipientEmail());
        helper.setSubject(row.subject());
        helper.setText(row.bodyText(), row.bodyHtml());
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (cause != e ? " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")" : "");
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /** A MimeMessage whose Message-ID is the outbox row's, whatever saveChanges() does. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
