package com.powerpto.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox row as an admin sees it: no bodies, they may hold one-time links. {@code channel}
 * (EMAIL, SLACK, TEAMS) was added with issue 29; {@code recipient_id} is null for a company channel.
 */
public record OutboxEntry(UUID id, String kind, UUID recipientId, String recipientEmail, String subject, String status,
                          int attempts, Instant nextAttemptAt, String lastError, Instant sentAt, Instant failedAt,
                          Instant createdAt, String messageId, String channel) {

    OutboxEntry withSubject(String rendered) {
        return new OutboxEntry(id, kind, recipientId, recipientEmail, rendered, status, attempts, nextAttemptAt, lastError,
                sentAt, failedAt, createdAt, messageId, channel);
    }
}
