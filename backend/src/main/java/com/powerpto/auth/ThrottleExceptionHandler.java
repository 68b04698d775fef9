package com.powerpto.auth;

import com.powerpto.platform.web.ErrorBody;
import com.powerpto.platform.web.ErrorResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** 429 with Retry-After and the contract's error body for throttled sign-in attempts. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ThrottleExceptionHandler {

    @ExceptionHandler(LoginThrottle.Throttled.class)
    ResponseEntity<ErrorBody> throttled(LoginThrottle.Throttled e) {
        long seconds = e.retryAfterSeconds();
        ResponseEntity<ErrorBody> body = ErrorResponses.entity(new ErrorBody(
                "too many failed attempts; try again in " + seconds + " seconds",
                "Sign-in is paused after repeated failures; wait " + seconds + " seconds before trying again.",
                HttpStatus.TOO_MANY_REQUESTS.value(), "too_many_attempts", null, Map.of("retry_after_seconds", seconds)));
        return ResponseEntity.status(body.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .headers(body.getHeaders())
                .body(body.getBody());
    }
}
