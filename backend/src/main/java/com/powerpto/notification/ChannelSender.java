package com.powerpto.notification;

/**
 * Delivers outbox rows of one channel. E-mail is this package's own; the Slack and Teams senders
 * live with their integrations (which may depend on this package, never the other way round).
 * {@link #deliver} runs inside the row's claim transaction: a thrown {@link DeliveryException} is
 * retried with backoff, and after the last try the row is FAILED.
 */
public interface ChannelSender {

    Channel channel();

    /** Whether this process can deliver on the channel at all now (e.g. an SMTP server is configured). */
    default boolean ready() {
        return true;
    }

    Delivery deliver(OutboxMessage message) throws DeliveryException;

    /** What happened to a row: sent (with what the admins' list shows) or skipped (nothing to send, and why). */
    record Delivery(boolean sent, String subject, String recipient, String note) {

        public static Delivery sent(String subject, String recipient) {
            return new Delivery(true, subject, recipient, null);
        }

        public static Delivery skipped(String reason) {
            return new Delivery(false, null, null, reason);
        }
    }

    /** A failed try; the message says why (never a secret). */
    class DeliveryException extends Exception {
        public DeliveryException(String message) {
            super(message);
        }

        public DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
