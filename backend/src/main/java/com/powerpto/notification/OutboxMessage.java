package com.powerpto.notification;

import java.util.UUID;

/**
 * One outbox row as a channel sender sees it: what happened ({@code kind}, the event's JSON), to
 * whom ({@code recipientId}; null for a company channel) and the base URL of its links.
 */
public record OutboxMessage(UUID companyId, UUID id, NotificationKind kind, Channel channel, UUID recipientId,
                            String event, String baseUrl, int attempts) {

    static OutboxMessage of(NotificationRepository.OutboxRow row) {
        return new OutboxMessage(row.companyId(), row.id(), NotificationKind.valueOf(row.kind()), row.channel(),
                row.recipientId(), row.event(), row.baseUrl(), row.attempts());
    }
}
