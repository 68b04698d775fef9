package com.powerpto.platform.web;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal with a message a person can act on; mapped to the contract's error body.
 * {@code getMessage()} is the body's {@code error}; {@code detail} an optional sentence with more
 * context; {@code code} the stable snake_case name of the rule; {@code fields} / {@code context}
 * the machine-readable data (never put in {@code detail}: clients print it as is).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private String code;
    private String detail;
    private List<FieldProblem> fields;
    private Map<String, Object> context;

    public ApiException(HttpStatus status, String message) {
        this(ErrorCodes.forStatus(status.value()), status, message);
    }

    private ApiException(String code, HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** A refusal with the given status and stable rule name. */
    public static ApiException of(HttpStatus status, String code, String message) {
        return new ApiException(code, status, message);
    }

    /**
     * Kept for callers written when {@code detail} could be any object: a string stays the
     * detail, a map becomes the context and a list of field problems the fields.
     */
    @Deprecated
    public ApiException(HttpStatus status, String message, Object detail) {
        this(status, message);
        if (detail instanceof String text) {
            this.detail = text;
        } else if (detail instanceof Map<?, ?> map) {
            withContext(map);
        } else if (detail instanceof List<?> list && list.stream().allMatch(FieldProblem.class::isInstance)) {
            this.fields = list.stream().map(FieldProblem.class::cast).toList();
        } else if (detail != null) {
            this.context = Map.of("value", detail);
        }
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** A sentence with more context, or null. */
    public String detail() {
        return detail;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    public Map<String, Object> context() {
        return context;
    }

    public ApiException withCode(String code) {
        this.code = code;
        return this;
    }

    public ApiException withDetail(String detail) {
        this.detail = detail;
        return this;
    }

    /** Machine-readable values behind the refusal (snake_case keys). */
    public ApiException withContext(Map<?, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(String.valueOf(k), v));
        this.context = copy;
        return this;
    }

    public ApiException withFields(List<FieldProblem> problems) {
        this.fields = List.copyOf(problems);
        return this;
    }

    /** The error body this refusal answers with. */
    public ErrorBody body() {
        return new ErrorBody(getMessage(), detail, status.value(), code, fields, context);
    }

    /** 400: a business rule is broken (insufficient balance, no assignment, no working time). */
    public static ApiException businessRule(String message) {
        return of(HttpStatus.BAD_REQUEST, "business_rule", message);
    }

    /** 400 for the named rule (a stable snake_case code, e.g. {@code insufficient_balance}). */
    public static ApiException businessRule(String code, String message) {
        return of(HttpStatus.BAD_REQUEST, code, message);
    }

    /** @deprecated put data in the context: {@code businessRule(code, message).withContext(map)}. */
    @Deprecated
    public static ApiException businessRule(String message, Map<?, ?> detail) {
        return businessRule(message).withContext(detail);
    }

    public static ApiException unauthenticated(String message) {
        return of(HttpStatus.UNAUTHORIZED, "unauthenticated", message);
    }

    public static ApiException unauthenticated(String code, String message) {
        return of(HttpStatus.UNAUTHORIZED, code, message);
    }

    public static ApiException forbidden(String message) {
        return of(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    public static ApiException notFound(String what) {
        return of(HttpStatus.NOT_FOUND, "not_found", what + " not found");
    }

    public static ApiException conflict(String message) {
        return of(HttpStatus.CONFLICT, "conflict", message);
    }

    /** 409 for the named rule (e.g. {@code request_overlap}, {@code wrong_state}). */
    public static ApiException conflict(String code, String message) {
        return of(HttpStatus.CONFLICT, code, message);
    }

    /** @deprecated put data in the context: {@code conflict(code, message).withContext(map)}. */
    @Deprecated
    public static ApiException conflict(String message, Map<?, ?> detail) {
        return conflict(message).withContext(detail);
    }

    /** 422 for one field: {@code fields} names it so a form can point at it. */
    public static ApiException invalid(String field, String problem) {
        return of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_field", field + ": " + problem)
                .withDetail(sentence(field, problem))
                .withFields(List.of(new FieldProblem(field, problem)));
    }

    /** 422 "is required" when a mandatory input is missing; otherwise the value. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field, "is required").withCode("missing_field");
        }
        return value;
    }

    /** "The field 'x' is required." / "The field 'x' is not valid: unknown field." */
    public static String sentence(String field, String problem) {
        String lead = "The field '" + field + "' ";
        boolean predicate = problem.startsWith("is ") || problem.startsWith("must ") || problem.startsWith("has ")
                || problem.startsWith("cannot ") || problem.startsWith("may ") || problem.startsWith("needs ");
        String text = predicate ? lead + problem : lead + "is not valid: " + problem;
        return text.endsWith(".") ? text : text + ".";
    }

    public record FieldProblem(String field, String message) {
    }
}
