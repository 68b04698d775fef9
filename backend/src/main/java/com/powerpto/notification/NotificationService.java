package com.powerpto.notification;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Per-person notification preferences and the admins' view of the outbox. */
@Service
public class NotificationService {

    /** Filter values of the admins' list; QUEUED rows (the event format) read as pending. */
    private static final Map<String, List<String>> STATUSES = Map.of("PENDING", List.of("PENDING", "QUEUED"),
            "SENT", List.of("SENT"), "FAILED", List.of("FAILED"), "SKIPPED", List.of("SKIPPED"));

    private final NotificationRepository repository;
    private final MessageRenderer renderer;
    private final AuditService audit;
    private final Clock clock;

    public NotificationService(NotificationRepository repository, MessageRenderer renderer, AuditService audit, Clock clock) {
        this.repository = repository;
        this.renderer = renderer;
        this.audit = audit;
        this.clock = clock;
    }

    /** One kind's e-mail setting as the account page shows it; security kinds are always on. */
    public record Preference(String kind, boolean enabled, boolean canDisable) {
    }

    /** One kind's Slack setting (issue 29). */
    public record ChannelPreference(String kind, boolean enabled) {
    }

    /**
     * The Slack direct messages a person gets (the kinds that have one); {@code connected}: whether the
     * company has connected Slack at all.
     */
    public record ChannelPreferences(boolean connected, List<ChannelPreference> items) {
    }

    /** {@code items}: e-mail (as before issue 29); {@code slack}: added by issue 29. */
    public record Preferences(List<Preference> items, ChannelPreferences slack) {
    }

    /**
     * {@code {"preferences": {"request_submitted": false, …}, "slack": {"request_approved": false}}}:
     * e-mail and Slack settings; kinds not named stay as they are.
     */
    public record PreferencesBody(Map<String, Boolean> preferences, Map<String, Boolean> slack) {
    }

    @Transactional(readOnly = true)
    public Preferences preferences(Caller caller) {
        requirePerson(caller);
        return view(caller);
    }

    @Transactional
    public Preferences update(Caller caller, PreferencesBody body) {
        requirePerson(caller);
        if (body == null || body.preferences() == null && body.slack() == null) {
            throw ApiException.invalid("preferences", "is required");
        }
        Map<String, Boolean> email = body.preferences() == null ? Map.of() : body.preferences();
        Map<String, Boolean> slack = body.slack() == null ? Map.of() : body.slack();
        validate("preferences", email, false);
        validate("slack", slack, true);
        Preferences before = view(caller);
        for (var entry : email.entrySet()) {
            NotificationKind kind = NotificationKind.fromKey(entry.getKey());
            if (!kind.security()) {
                repository.setPreference(caller.companyId(), caller.userId(), kind.name(), entry.getValue(), clock.instant());
            }
        }
        for (var entry : slack.entrySet()) {
            repository.setChannelPreference(caller.companyId(), caller.userId(), Channel.SLACK,
                    NotificationKind.fromKey(entry.getKey()).name(), entry.getValue(), clock.instant());
        }
        Preferences after = view(caller);
        audit.record(caller.companyId(), caller.userId(), AuditEntityType.EMPLOYEE, caller.userId(), AuditAction.UPDATE,
                Map.of("notification_preferences", before.items(), "slack_preferences", before.slack().items()),
                Map.of("notification_preferences", after.items(), "slack_preferences", after.slack().items()));
        return after;
    }

    private static void validate(String field, Map<String, Boolean> settings, boolean slack) {
        for (var entry : settings.entrySet()) {
            NotificationKind kind = NotificationKind.fromKey(entry.getKey());
            if (kind == null || slack && !kind.slack()) {
                throw ApiException.invalid(field, (slack ? "no Slack message of kind '" : "unknown kind '") + entry.getKey() + "'");
            }
            if (entry.getValue() == null) {
                throw ApiException.invalid(field, entry.getKey() + " must be true or false");
            }
            if (kind.security() && !entry.getValue()) {
                throw ApiException.businessRule(kind.key() + " is a security message and cannot be turned off");
            }
        }
    }

    /**
     * The company's outbox, newest first. An event row not sent yet has no subject stored: it is
     * rendered for the page (or stays null when that is not possible any more).
     */
    @Transactional(readOnly = true)
    public Page<OutboxEntry> outbox(Caller caller, UUID companyId, String status, PageRequest page) {
        caller.adminOf(companyId);
        String normalized = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (normalized != null && !STATUSES.containsKey(normalized)) {
            throw ApiException.invalid("status", "must be one of pending, sent, failed, skipped");
        }
        List<String> statuses = normalized == null ? null : STATUSES.get(normalized);
        List<OutboxEntry> entries = repository.list(companyId, statuses, page.offset(), page.limit());
        List<UUID> unrendered = entries.stream().filter(e -> e.subject() == null).map(OutboxEntry::id).toList();
        Map<UUID, String> subjects = new java.util.HashMap<>();
        for (var row : repository.rows(companyId, unrendered)) {
            String subject = renderer.subject(row);
            if (subject != null) {
                subjects.put(row.id(), subject);
            }
        }
        return new Page<>(entries.stream().map(e -> subjects.containsKey(e.id()) ? e.withSubject(subjects.get(e.id())) : e)
                .toList(), repository.count(companyId, statuses));
    }

    /** Queues a FAILED message again (after the cause, e.g. a wrong address, was fixed). */
    @Transactional
    public void retry(Caller caller, UUID companyId, UUID notificationId) {
        caller.adminOf(companyId);
        if (!repository.requeue(companyId, notificationId, clock.instant())) {
            throw ApiException.notFound("failed notification");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("notification_retried", notificationId);
        audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, caller.userId(), AuditAction.UPDATE, null, after);
    }

    private void requirePerson(Caller caller) {
        if (repository.person(caller.companyId(), caller.userId()).isEmpty()) {
            throw ApiException.notFound("employee");
        }
    }

    private Preferences view(Caller caller) {
        Set<String> disabled = repository.disabledKinds(caller.companyId(), caller.userId());
        Set<String> slackOff = repository.disabledChannelKinds(caller.companyId(), caller.userId(), Channel.SLACK);
        List<Preference> items = new ArrayList<>();
        List<ChannelPreference> slack = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            items.add(new Preference(kind.key(), kind.security() || !disabled.contains(kind.name()), !kind.security()));
            if (kind.slack()) {
                slack.add(new ChannelPreference(kind.key(), !slackOff.contains(kind.name())));
            }
        }
        return new Preferences(items, new ChannelPreferences(
                repository.chatChannels(caller.companyId()).contains(Channel.SLACK), slack));
    }

    /**
     * The development mailbox's messages this caller may read (issue 25, finding 13): their
     * company's, and of those only the ones addressed to them unless they are an admin (an
     * invitation to a colleague is a credential).
     */
    @Transactional(readOnly = true)
    public List<DevMailServer.Received> visibleTo(Caller caller, List<DevMailServer.Received> received) {
        Set<String> own = repository.ownMessageIds(caller.companyId(), caller.isAdmin() ? null : caller.userId(),
                received.stream().map(DevMailServer.Received::messageId).filter(java.util.Objects::nonNull).toList());
        return received.stream().filter(m -> m.messageId() != null && own.contains(m.messageId())).toList();
    }
}
