package com.powerpto.notification;

import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Development only: what the embedded SMTP server received, newest first, so a person running
 * {@code make run} sees the messages of their company (an admin all of them, anyone else those
 * addressed to them; issue 25). Outside development (or without the dev server) it is 404.
 */
@RestController
public class DevMailboxController {

    private final DevMailServer server;
    private final PtoProperties properties;
    private final NotificationService notifications;

    public DevMailboxController(DevMailServer server, PtoProperties properties, NotificationService notifications) {
        this.server = server;
        this.properties = properties;
        this.notifications = notifications;
    }

    public record Mailbox(List<DevMailServer.Received> items, long total) {
    }

    @GetMapping("/api/dev/mailbox")
    public Mailbox mailbox(Caller caller) {
        if (!properties.isDevelopment() || !server.active()) {
            throw ApiException.notFound("development mailbox (only in development with the embedded SMTP server)");
        }
        List<DevMailServer.Received> items = new ArrayList<>(notifications.visibleTo(caller, server.messages()));
        Collections.reverse(items);
        return new Mailbox(items, items.size());
    }
}
