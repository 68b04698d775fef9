package com.powerpto.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS in development (CORS_ORIGINS = http://localhost:5173): the dev server opened as
 * 127.0.0.1 or [::1] may write too, and every refusal is the JSON error body.
 */
class CorsLoopbackApiTest extends ApiTest {

    Http.Response preflight(String origin, String method, String headers) {
        return http.header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .send("OPTIONS", "/api/auth/login", null, null);
    }

    @Test
    void everyLoopbackSpellingOfTheConfiguredOriginMayWrite() {
        for (String origin : new String[]{"http://localhost:5173", "http://127.0.0.1:5173", "http://[::1]:5173"}) {
            Http.Response allowed = preflight(origin, "POST", "content-type,authorization");
            assertThat(allowed.status()).as(origin).isEqualTo(200);
            assertThat(allowed.header("Access-Control-Allow-Origin")).as(origin).isEqualTo(origin);
            assertThat(allowed.header("Access-Control-Allow-Methods")).as(origin).contains("POST");
            // The write itself: answered (here 401, wrong password) with the grant the browser needs to read it.
            Http.Response write = http.header("Origin", origin).post("/api/auth/login",
                    Map.of("email", "nobody@example.test", "password", "not the password"));
            assertThat(write.status()).as(origin).isEqualTo(401);
            assertThat(write.header("Access-Control-Allow-Origin")).as(origin).isEqualTo(origin);
        }
    }

    @Test
    void refusalsAreTheJsonErrorBody() {
        Http.Response[] refusals = {
                preflight("https://evil.example.net", "POST", "content-type"),
                preflight("http://127.0.0.1:5174", "POST", "content-type"), // another port is another origin
                preflight("https://localhost:5173", "POST", "content-type"), // and another scheme
                preflight("http://127.0.0.1:5173", "PATCH", "content-type"), // a method not allowed
                preflight("http://127.0.0.1:5173", "POST", "x-secret"), // a header not allowed
                http.header("Origin", "https://evil.example.net").post("/api/auth/login", Map.of()),
        };
        for (Http.Response refused : refusals) {
            assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
            assertThat(refused.text()).doesNotContain("Invalid CORS request");
            JsonNode body = refused.expectError(403);
            assertThat(body.path("code").asText()).isEqualTo("cors_refused");
            assertThat(body.path("detail").isTextual()).isTrue();
        }
    }
}
