package com.powerpto.notification;

import java.util.Locale;

/**
 * The kinds of message Power PTO sends. Each has one e-mail template pair in
 * {@code resources/notifications/<name>.txt|.html}. Security kinds cannot be turned off. The request
 * kinds also go to Slack as direct messages (the request to the approvers with Approve / Deny, the
 * decision to the employee) when the company has connected Slack.
 */
public enum NotificationKind {
    REQUEST_SUBMITTED(false, true),
    REQUEST_APPROVED(false, true),
    REQUEST_DENIED(false, true),
    APPROVED_REQUEST_CANCELLED(false, false),
    FORFEIT_WARNING(false, false),
    TERMINATION_FINAL_STATEMENT(false, false),
    INVITE(true, false),
    PASSWORD_CHANGED(true, false),
    SIGNED_OUT_EVERYWHERE(true, false);

    private final boolean security;
    private final boolean slack;

    NotificationKind(boolean security, boolean slack) {
        this.security = security;
        this.slack = slack;
    }

    public boolean security() {
        return security;
    }

    /** Whether this kind is also a Slack direct message (and so has a Slack preference). */
    public boolean slack() {
        return slack;
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
