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

    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED");

    private final NotificationRepository repository;
    private final AuditService audit;
    private final Clock clock;

    public NotificationService(NotificationRepository repository, AuditService audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** One kind as the account page shows it; security kinds are always on. */
    public record Preference(String kind, boolean enabled, boolean canDisable) {
    }

    public record Preferences(List<Preference> items) {
    }

    /** {@code {"preferences": {"request_submitted": false, …}}}: kinds not named stay as they are. */
    public record PreferencesBody(Map<String, Boolean> preferences) {
    }

    @Transactional(readOnly = true)
    public Preferences preferences(Caller caller) {
        requirePerson(caller);
        return view(repository.disabledKinds(caller.companyId(), caller.userId()));
    }

    @Transactional
    public Preferences update(Caller caller, PreferencesBody body) {
        requirePerson(caller);
        if (body == null || body.preferences() == null) {
            throw ApiException.invalid("preferences", "is required");
        }
        for (var entry : body.preferences().entrySet()) {
            NotificationKind kind = NotificationKind.fromKey(entry.getKey());
            if (kind == null) {
                throw ApiException.invalid("preferences", "unknown kind '" + entry.getKey() + "'");
            }
            if (entry.getValue() == null) {
                throw ApiException.invalid("preferences", entry.getKey() + " must be true or false");
            }
            if (kind.security() && !entry.getValue()) {
                throw ApiException.businessRule(kind.key() + " is a security message and cannot be turned off");
            }
        }
        Preferences before = view(repository.disabledKinds(caller.companyId(), caller.userId()));
        for (var entry : body.preferences().entrySet()) {
            NotificationKind kind = NotificationKind.fromKey(entry.getKey());
            if (!kind.security()) {
                repository.setPreference(caller.companyId(), caller.userId(), kind.name(), entry.getValue(), clock.instant());
            }
        }
        Preferences after = view(repository.disabledKinds(caller.companyId(), caller.userId()));
        audit.record(caller.companyId(), caller.userId(), AuditEntityType.EMPLOYEE, caller.userId(), AuditAction.UPDATE,
                Map.of("notification_preferences", before.items()), Map.of("notification_preferences", after.items()));
        return after;
    }

    @Transactional(readOnly = true)
    public Page<OutboxEntry> outbox(Caller caller, UUID companyId, String status, PageRequest page) {
        caller.adminOf(companyId);
        String normalized = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (normalized != null && !STATUSES.contains(normalized)) {
            throw ApiException.invalid("status", "must be one of pending, sent, failed");
        }
        return new Page<>(repository.list(companyId, normalized, page.offset(), page.limit()),
                repository.count(companyId, normalized));
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

    private static Preferences view(Set<String> disabled) {
        List<Preference> items = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            items.add(new Preference(kind.key(), kind.security() || !disabled.contains(kind.name()), !kind.security()));
        }
        return new Preferences(items);
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
