package com.powerpto.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The contract's error body: {@code {"error", "detail", "status_code"}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorBody(String error, Object detail, int statusCode) {
}
