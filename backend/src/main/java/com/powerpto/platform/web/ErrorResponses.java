package com.powerpto.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;

/** Writes the error body from places that are not controllers (filters, entry points). */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static ResponseEntity<ErrorBody> entity(ErrorBody body) {
        return ResponseEntity.status(body.statusCode()).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The refusal with the status's generic code; {@code detail} a sentence or null. */
    public static ResponseEntity<ErrorBody> entity(HttpStatus status, String message, String detail) {
        return entity(status, ErrorCodes.forStatus(status.value()), message, detail);
    }

    /** @deprecated detail is a sentence now: structured data goes to the context or the fields. */
    @Deprecated
    public static ResponseEntity<ErrorBody> entity(HttpStatus status, String message, Object detail) {
        return entity(new ApiException(status, message, detail).body());
    }

    public static ResponseEntity<ErrorBody> entity(HttpStatus status, String code, String message, String detail) {
        return entity(new ErrorBody(message, detail, status.value(), code, null, null));
    }

    public static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status, String message)
            throws IOException {
        write(response, mapper, status, ErrorCodes.forStatus(status.value()), message);
    }

    public static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status, String code,
                             String message) throws IOException {
        write(response, mapper, new ErrorBody(message, null, status.value(), code, null, null));
    }

    public static void write(HttpServletResponse response, ObjectMapper mapper, ErrorBody body) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(body.statusCode());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), body);
    }
}
