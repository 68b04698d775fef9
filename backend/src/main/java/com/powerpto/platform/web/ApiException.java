package com.powerpto.platform.web;

import org.springframework.http.HttpStatus;

/** A refusal with a message a person can act on; mapped to the contract's error body. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final transient Object detail;

    public ApiException(HttpStatus status, String message) {
        this(status, message, null);
    }

    public ApiException(HttpStatus status, String message, Object detail) {
        super(message, null, false, false);
        this.status = status;
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    public Object detail() {
        return detail;
    }

    /** 400: a business rule is broken (insufficient balance, no assignment, no working time). */
    public static ApiException businessRule(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    public static ApiException businessRule(String message, Object detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, detail);
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " not found");
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public static ApiException conflict(String message, Object detail) {
        return new ApiException(HttpStatus.CONFLICT, message, detail);
    }

    /** 422 for one field: the detail names it so a form can point at it. */
    public static ApiException invalid(String field, String problem) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, field + ": " + problem,
                java.util.List.of(new FieldProblem(field, problem)));
    }

    /** 422 "is required" when a mandatory input is missing; otherwise the value. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field, "is required");
        }
        return value;
    }

    public record FieldProblem(String field, String message) {
    }
}
