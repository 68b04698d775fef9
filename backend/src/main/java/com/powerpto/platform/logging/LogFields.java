package com.powerpto.platform.logging;

/** The plan's log fields, as MDC keys. */
public final class LogFields {
    public static final String REQUEST_ID = "request_id";
    public static final String COMPANY_ID = "company_id";
    public static final String USER_ID = "user_id";
    public static final String DURATION_MS = "duration_ms";

    private LogFields() {
    }
}
