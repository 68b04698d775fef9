package com.powerpto.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.powerpto.platform.security.Role;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small real-HTTP client for tests: JSON in, {@link Response} out, identity via dev headers or a token. */
public class Http {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> headers;

    public Http(String baseUrl) {
        this(baseUrl, new LinkedHashMap<>());
    }

    private Http(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Acts as this person through the development headers. */
    public Http as(UUID companyId, UUID userId, Role role) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove("Authorization");
        copy.put("X-Company-Id", companyId.toString());
        copy.put("X-User-Id", userId.toString());
        copy.put("X-Role", role.claim());
        return new Http(baseUrl, copy);
    }

    public Http as(Person person) {
        return as(person.companyId(), person.id(), person.role());
    }

    public Http withToken(String token) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeAll(java.util.List.of("X-Company-Id", "X-User-Id", "X-Role"));
        copy.put("Authorization", "Bearer " + token);
        return new Http(baseUrl, copy);
    }

    public Http header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Http(baseUrl, copy);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    public Response send(String method, String path, Object body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : write(body)));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public record Response(int status, String text, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            try {
                return text == null || text.isEmpty() ? NullNode.getInstance() : JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("response is not JSON (" + status + "): " + text, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        /** Fails with the body in the message, so a wrong status explains itself. */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + text);
            }
            return this;
        }

        public JsonNode expectJson(int expected) {
            return expect(expected).json();
        }

        /** The contract's error body, with the given status. */
        public JsonNode expectError(int expected) {
            JsonNode body = expectJson(expected);
            if (!body.path("error").isTextual() || body.path("status_code").asInt() != expected || !body.has("detail")
                    || !(body.get("detail").isTextual() || body.get("detail").isNull())
                    || !body.path("code").isTextual()) {
                throw new AssertionError("not the contract's error shape (detail a string or null, a code): " + text);
            }
            return body;
        }
    }
}
