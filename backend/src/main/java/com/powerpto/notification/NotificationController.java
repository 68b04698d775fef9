package com.powerpto.notification;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The caller's e-mail preferences, and the company's outbox for admins (failed deliveries). */
@RestController
public class NotificationController {

    private final NotificationService notifications;

    public NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/me/notification-preferences")
    public NotificationService.Preferences preferences(Caller caller) {
        return notifications.preferences(caller);
    }

    @PutMapping("/api/me/notification-preferences")
    public NotificationService.Preferences update(Caller caller, @RequestBody NotificationService.PreferencesBody body) {
        return notifications.update(caller, body);
    }

    @GetMapping("/api/companies/{companyId}/notifications")
    public Page<OutboxEntry> outbox(Caller caller, @PathVariable UUID companyId,
                                    @RequestParam(required = false) String status, PageRequest page) {
        return notifications.outbox(caller, companyId, status, page);
    }

    @PostMapping("/api/companies/{companyId}/notifications/{notificationId}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void retry(Caller caller, @PathVariable UUID companyId, @PathVariable UUID notificationId) {
        notifications.retry(caller, companyId, notificationId);
    }
}
