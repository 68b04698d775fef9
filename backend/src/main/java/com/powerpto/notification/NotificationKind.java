package com.powerpto.notification;

import java.util.Locale;

/**
 * The kinds of e-mail Power PTO sends. Each has one template pair in
 * {@code resources/notifications/<name>.txt|.html}. Security kinds cannot be turned off.
 */
public enum NotificationKind {
    REQUEST_SUBMITTED(false),
    REQUEST_APPROVED(false),
    REQUEST_DENIED(false),
    APPROVED_REQUEST_CANCELLED(false),
    FORFEIT_WARNING(false),
    TERMINATION_FINAL_STATEMENT(false),
    INVITE(true),
    PASSWORD_CHANGED(true),
    SIGNED_OUT_EVERYWHERE(true);

    private final boolean security;

    NotificationKind(boolean security) {
        this.security = security;
    }

    public boolean security() {
        return security;
    }

    /** The API and template name: {@code request_submitted}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationKind fromKey(String key) {
        for (NotificationKind kind : values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        return null;
    }
}
