package com.powerpto.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.stream.Collectors;

/** Maps every failure to the contract's error body; nothing reaches the client as a stack trace. */
@RestControllerAdvice
public class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e) {
        return ErrorResponses.entity(e.body());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid("unknown_field", path(unknown), "unknown field");
        }
        if (cause instanceof InvalidFormatException format) {
            return invalid("invalid_field", path(format), "invalid value " + abbreviate(String.valueOf(format.getValue())) + expected(format));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalid("invalid_field", path(mismatch), "wrong type" + expected(mismatch));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Throwable root = rootCause(mapping);
            String why = root instanceof ApiException api ? api.getMessage() : "invalid value";
            String code = root instanceof ApiException api ? api.code() : "invalid_field";
            return invalid(code, path(mapping), why);
        }
        if (cause instanceof JsonMappingException mapping && rootCause(mapping) instanceof ApiException api) {
            return api(api);
        }
        boolean missing = cause == null || e.getMessage() != null && e.getMessage().startsWith("Required request body");
        return missing
                ? ErrorResponses.entity(HttpStatus.UNPROCESSABLE_ENTITY, "missing_body", "request body is missing or empty",
                        "Send the request body as a JSON object.")
                : ErrorResponses.entity(HttpStatus.UNPROCESSABLE_ENTITY, "malformed_json", "request body is not valid JSON",
                        "The request body could not be parsed as JSON.");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> invalidBody(MethodArgumentNotValidException e) {
        List<ApiException.FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiException.FieldProblem(snake(f.getField()), f.getDefaultMessage()))
                .toList();
        String message = problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
        String detail = problems.stream().map(p -> ApiException.sentence(p.field(), p.message())).collect(Collectors.joining(" "));
        return ErrorResponses.entity(new ErrorBody(message, detail, 422, "invalid_field", problems, null));
    }

    @ExceptionHandler({HandlerMethodValidationException.class, ConstraintViolationException.class})
    ResponseEntity<ErrorBody> invalidParameters(Exception e) {
        return ErrorResponses.entity(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_parameter", "invalid request parameters", (String) null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "" : " (expected " + describe(e.getRequiredType()) + ")";
        return invalid("invalid_field", snake(e.getName()), "invalid value " + abbreviate(String.valueOf(e.getValue())) + expected);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return invalid("missing_field", e.getParameterName(), "is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorBody> missingHeader(MissingRequestHeaderException e) {
        return invalid("missing_header", e.getHeaderName(), "header is required");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ErrorBody> noRoute(Exception e) {
        return ErrorResponses.entity(HttpStatus.NOT_FOUND, "no_such_route", "no such route", (String) null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ErrorBody> refusal = ErrorResponses.entity(HttpStatus.METHOD_NOT_ALLOWED,
                "method " + e.getMethod() + " is not allowed here", (String) null);
        // RFC 9110: a 405 says which methods the resource has.
        return ResponseEntity.status(refusal.getStatusCode()).headers(refusal.getHeaders())
                .headers(h -> h.setAllow(e.getSupportedHttpMethods() == null ? java.util.Set.of() : e.getSupportedHttpMethods()))
                .body(refusal.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return ErrorResponses.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json", (String) null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ErrorResponses.entity(HttpStatus.NOT_ACCEPTABLE, "this resource is available as application/json", (String) null);
    }

    /** A multipart Content-Type on a JSON route: the body cannot even be parsed (was a 500). */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ErrorBody> multipart(org.springframework.web.multipart.MultipartException e) {
        return ErrorResponses.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json", (String) null);
    }

    /** A path variable that converts to nothing (e.g. a blank UUID segment, "%20"): bad input, not a 500. */
    @ExceptionHandler(org.springframework.web.bind.MissingPathVariableException.class)
    ResponseEntity<ErrorBody> blankPathVariable(org.springframework.web.bind.MissingPathVariableException e) {
        if (!e.isMissingAfterConversion()) {
            return unexpected(e);
        }
        return invalid("invalid_field", snake(e.getVariableName()), "invalid value (expected " + describe(e.getParameter().getParameterType()) + ")");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorBody> tooLarge(MaxUploadSizeExceededException e) {
        return ErrorResponses.entity(HttpStatus.PAYLOAD_TOO_LARGE, "request body is too large", (String) null);
    }

    /** A constraint caught a race the service did not see coming: report a conflict, not a crash. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ErrorBody> integrity(DataIntegrityViolationException e) {
        String constraint = constraintName(e);
        // The constraint's name only: the driver's message and detail line quote the key values
        // (e.g. an e-mail address), which must not reach the logs.
        log.info("constraint {} rejected a write", constraint == null ? "(unnamed)" : constraint);
        String message = constraint == null ? null : CONSTRAINT_MESSAGES.get(constraint);
        String code = constraint == null ? null : CONSTRAINT_CODES.get(constraint);
        return ErrorResponses.entity(HttpStatus.CONFLICT, code != null ? code : "conflict",
                message != null ? message : "the change conflicts with existing data", (String) null);
    }

    /**
     * What a constraint means to the person whose write it refused. Services check these rules
     * first with friendlier detail; the constraint catches the concurrent write that slipped past.
     */
    static final java.util.Map<String, String> CONSTRAINT_MESSAGES = java.util.Map.of(
            "requests_no_overlap", "the request overlaps another submitted or approved request",
            "assignments_no_overlap", "the employee already has an assignment to this policy for an overlapping period",
            "holidays_date_uq", "there is already a holiday on that date for that location (or the whole company)",
            "locations_name_uq", "there is already a location of that name",
            "employees_email_uq", "another employee of this company already uses that e-mail address",
            "employees_email_key_uq", "another employee of this company already uses that e-mail address, or one that differs only in width or form",
            "policies_company_id_key_key", "a policy with that key already exists");

    /** The stable code of each constraint's refusal: the same code the service's own check uses. */
    static final java.util.Map<String, String> CONSTRAINT_CODES = java.util.Map.of(
            "requests_no_overlap", "request_overlap",
            "assignments_no_overlap", "assignment_overlap",
            "holidays_date_uq", "duplicate_holiday_date",
            "locations_name_uq", "duplicate_location",
            "employees_email_uq", "duplicate_email",
            "employees_email_key_uq", "duplicate_email",
            "policies_company_id_key_key", "duplicate_policy_key");

    private static String constraintName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }

    @ExceptionHandler(CannotAcquireLockException.class)
    ResponseEntity<ErrorBody> lock(CannotAcquireLockException e) {
        return ErrorResponses.entity(HttpStatus.CONFLICT, "record_busy", "the record is busy; retry the request", (String) null);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, QueryTimeoutException.class})
    ResponseEntity<ErrorBody> databaseUnavailable(Exception e) {
        log.warn("database unavailable: {}", rootCause(e).getMessage());
        return ErrorResponses.entity(HttpStatus.SERVICE_UNAVAILABLE, "the service is temporarily unavailable; retry shortly", (String) null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        if (connectionLost(e)) {
            // e.g. TransactionSystemException "JDBC rollback failed" when the server went away mid-request
            return databaseUnavailable(e);
        }
        log.error("unexpected error", e);
        return ErrorResponses.entity(HttpStatus.INTERNAL_SERVER_ERROR, "internal error", (String) null);
    }

    /** A lost or refused database connection anywhere in the cause chain (SQLState 08xxx, 57P0x, 53300), or behind a failed rollback. */
    private static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            // A failed rollback hides why the transaction failed: the pool had already closed the broken connection.
            if (t instanceof org.springframework.transaction.TransactionSystemException tse
                    && tse.getApplicationException() != null && connectionLost(tse.getApplicationException())) {
                return true;
            }
            // A commit that failed because the server went away is rolled back on the closed connection, and
            // Spring throws the rollback's failure alone ("Connection is closed", no SQLState): a rollback
            // only fails on a connection that is gone.
            if (t instanceof org.springframework.transaction.TransactionSystemException
                    && t.getCause() instanceof java.sql.SQLException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().equals("53300"))) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ErrorBody> invalid(String code, String field, String problem) {
        return ErrorResponses.entity(ApiException.invalid(field, problem).withCode(code).body());
    }

    private static String path(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return joined.isEmpty() ? "body" : joined.replace(".[", "[");
    }

    private static String expected(MismatchedInputException e) {
        return e.getTargetType() == null ? "" : " (expected " + describe(e.getTargetType()) + ")";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "LocalDate" -> "a date YYYY-MM-DD";
            case "Integer", "int", "Long", "long" -> "an integer";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> type.getSimpleName();
        };
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? "'" + value.substring(0, 60) + "…'" : "'" + value + "'";
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
