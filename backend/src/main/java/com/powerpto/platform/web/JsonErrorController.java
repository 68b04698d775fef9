package com.powerpto.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whatever the container itself rejects (before any controller) still gets the JSON error body. */
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String message = switch (status) {
            case NOT_FOUND -> "no such route";
            case PAYLOAD_TOO_LARGE -> "request body is too large";
            case BAD_REQUEST -> "the request could not be read";
            case UNAUTHORIZED -> "authentication required";
            case FORBIDDEN -> "not allowed";
            default -> status.is5xxServerError() ? "internal error" : status.getReasonPhrase().toLowerCase();
        };
        String rule = status == HttpStatus.NOT_FOUND ? "no_such_route" : ErrorCodes.forStatus(status.value());
        return ErrorResponses.entity(status, rule, message, null);
    }
}
