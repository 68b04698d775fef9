package com.powerpto.notification;

import java.time.Instant;
import java.util.UUID;

/** One outbox row as an admin sees it: no bodies, they may hold one-time links. */
public record OutboxEntry(UUID id, String kind, UUID recipientId, String recipientEmail, String subject, String status,
                          int attempts, Instant nextAttemptAt, String lastError, Instant sentAt, Instant failedAt,
                          Instant createdAt, String messageId) {
}
