package com.powerpto.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The contract's error body: {@code {"error", "detail", "status_code"}} always present, where
 * {@code detail} is a sentence or null (existing clients print it as is). Machine-readable data
 * lives in the extras, present only when they say something: {@code code} (a stable snake_case
 * name of the refused rule), {@code fields} (one entry per offending input field) and
 * {@code context} (the values behind the refusal, e.g. the available minutes).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorBody(String error, String detail, int statusCode,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String code,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ApiException.FieldProblem> fields,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> context) {

    /** A body with only the three contract fields (the code then follows from the status). */
    public ErrorBody(String error, String detail, int statusCode) {
        this(error, detail, statusCode, ErrorCodes.forStatus(statusCode), null, null);
    }
}
