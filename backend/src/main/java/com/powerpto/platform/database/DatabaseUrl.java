package com.powerpto.platform.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A connection string as Secrets Manager holds it, turned into what the JDBC driver wants:
 * {@code postgresql://user:pass@host:port/db?…}, a {@code jdbc:postgresql:} URL, or the JSON of an
 * RDS database secret ({@code {"engine":"postgres","host":…,"port":…,"dbname":…,"username":…,"password":…}},
 * the shape Secrets Manager's rotation functions read and write; an optional {@code "query"} member
 * carries the URL's query string, e.g. {@code sslmode=verify-full&sslrootcert=…}). Decision 0069.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("{")) {
            return fromSecretJson(trimmed);
        }
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql:");
        }
        URI uri = URI.create(trimmed.replaceFirst("^postgres(ql)?://", "http://"));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query, user, password);
    }

    /** An RDS database secret; the message names what is wrong, never a value. */
    private static DatabaseUrl fromSecretJson(String json) {
        JsonNode secret;
        try {
            secret = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("DATABASE_URL looks like JSON but does not parse");
        }
        if (!secret.isObject()) {
            throw new IllegalArgumentException("DATABASE_URL JSON must be an object");
        }
        String engine = text(secret, "engine", "postgres");
        if (!engine.equals("postgres") && !engine.equals("postgresql")) {
            throw new IllegalArgumentException("DATABASE_URL JSON: engine must be postgres");
        }
        String host = text(secret, "host", null);
        String user = text(secret, "username", null);
        if (host == null || user == null) {
            throw new IllegalArgumentException("DATABASE_URL JSON needs host and username");
        }
        String port = text(secret, "port", "5432");
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("DATABASE_URL JSON: port must be a number");
        }
        String database = text(secret, "dbname", "postgres");
        String query = text(secret, "query", "");
        String jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
        return new DatabaseUrl(jdbcUrl, user, text(secret, "password", null));
    }

    private static String text(JsonNode secret, String member, String fallback) {
        JsonNode value = secret.get(member);
        return value == null || value.isNull() || value.asText().isBlank() ? fallback : value.asText().trim();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user + "]";
    }
}
