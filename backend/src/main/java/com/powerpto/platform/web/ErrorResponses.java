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

    public static ResponseEntity<ErrorBody> entity(HttpStatus status, String message, Object detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(message, detail, status.value()));
    }

    public static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), new ErrorBody(message, null, status.value()));
    }
}
