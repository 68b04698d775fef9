package com.powerpto.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.web.ErrorBody;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CORS for /api: the configured origins (CORS_ORIGINS); in development also the other loopback
 * spellings of each loopback origin (a dev server opened as 127.0.0.1 or [::1] instead of
 * localhost is the same machine). Every refusal answers with the contract's JSON error body,
 * not Spring's plain-text "Invalid CORS request".
 */
final class CorsSetup {

    static final List<String> LOOPBACK_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

    private CorsSetup() {
    }

    static CorsFilter filter(PtoProperties properties, ObjectMapper mapper) {
        CorsConfiguration cors = new CorsConfiguration();
        List<String> configured = properties.corsOrigins() == null ? List.of()
                : properties.corsOrigins().stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        cors.setAllowedOrigins(properties.isDevelopment() ? withLoopbackSpellings(configured) : configured);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id", "Idempotency-Key",
                "X-Company-Id", "X-User-Id", "X-Role"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new JsonRefusals(mapper));
        return filter;
    }

    /** Each origin, plus — for a loopback origin — the same scheme and port on the other loopback hosts. */
    static List<String> withLoopbackSpellings(List<String> origins) {
        Set<String> all = new LinkedHashSet<>();
        for (String origin : origins) {
            all.add(origin);
            URI uri;
            try {
                uri = URI.create(origin);
            } catch (IllegalArgumentException e) {
                continue; // not a URL (e.g. "*"): kept as configured
            }
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(java.util.Locale.ROOT);
            if (uri.getScheme() == null || !LOOPBACK_HOSTS.contains(host)) {
                continue;
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            LOOPBACK_HOSTS.forEach(h -> all.add(uri.getScheme() + "://" + h + port));
        }
        return List.copyOf(all);
    }

    /** Spring's processor with the JSON error body on refusal (origin, method or header not allowed). */
    static final class JsonRefusals extends DefaultCorsProcessor {

        private final ObjectMapper mapper;

        JsonRefusals(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            ErrorBody body = new ErrorBody("cross-origin request refused",
                    "This origin, method or header is not allowed to call the API from a browser"
                            + " (the allowed origins are set by CORS_ORIGINS).",
                    HttpStatus.FORBIDDEN.value(), "cors_refused", null, null);
            response.getBody().write(mapper.writeValueAsBytes(body));
            response.flush();
        }
    }
}
