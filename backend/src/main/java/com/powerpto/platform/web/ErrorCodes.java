package com.powerpto.platform.web;

/**
 * The stable {@code code} of refusals that have no more specific rule name: one per HTTP status,
 * so every error body carries a code a client can switch on. Specific rules (insufficient_balance,
 * request_overlap, …) are named where they are refused; docs/api-extensions.md lists them all.
 */
public final class ErrorCodes {

    private ErrorCodes() {
    }

    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "invalid_input";
            case 429 -> "too_many_attempts";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }
}
