package com.powerpto.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An upsert body together with the JSON fields the client actually sent. The contract: on an
 * existing record an absent field keeps its value, an explicit {@code null} clears it (or resets
 * it to its default); a record body alone cannot tell absent from null, so the controller reads
 * the body as a tree and converts it here with the application's (strict) mapper.
 *
 * @param value   the body as the typed record (absent and null fields both null)
 * @param present the snake_case names of the top-level fields in the JSON object
 */
public record PartialBody<T>(T value, Set<String> present) {

    /** Converts like {@code @RequestBody T} would, with the same 422s (unknown field, wrong type, NUL text). */
    public static <T> PartialBody<T> read(ObjectMapper mapper, JsonNode json, Class<T> type) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            throw ApiException.invalid("body", "is required");
        }
        if (!json.isObject()) {
            throw ApiException.of(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "invalid_body",
                    "request body must be a JSON object");
        }
        try {
            Set<String> present = new LinkedHashSet<>();
            json.fieldNames().forEachRemaining(present::add);
            return new PartialBody<>(mapper.treeToValue(json, type), Set.copyOf(present));
        } catch (JsonProcessingException e) {
            // Same path as a body Spring failed to read, so the error body names the field the same way.
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, EMPTY);
        }
    }

    /** A body that carries every field (e.g. from code, not JSON): nothing is kept from before. */
    public static <T> PartialBody<T> complete(T value, Set<String> fields) {
        return new PartialBody<>(value, Set.copyOf(fields));
    }

    public boolean has(String field) {
        return present.contains(field);
    }

    /** The sent value when the field is present (even null), otherwise the current one. */
    public <V> V pick(String field, V sent, V current) {
        return has(field) ? sent : current;
    }

    private static final HttpInputMessage EMPTY = new HttpInputMessage() {
        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public HttpHeaders getHeaders() {
            return HttpHeaders.EMPTY;
        }
    };
}
