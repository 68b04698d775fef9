package com.powerpto.auth;

import com.powerpto.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS in development: the default CORS_ORIGINS (the Vite dev server) and nothing else. */
class CorsApiTest extends AuthApiTest {

    private Http.Response preflight(String origin, String path) {
        return http.header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .send("OPTIONS", path, null, null);
    }

    @Test
    void theConfiguredOriginIsAllowedAndOthersAreNot() {
        assertThat(properties.corsOrigins()).containsExactly("http://localhost:5173");
        Http.Response allowed = preflight("http://localhost:5173", "/api/auth/me");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();

        for (String origin : new String[]{"https://evil.example.net", "http://localhost:5174", "null"}) {
            Http.Response refused = preflight(origin, "/api/auth/me");
            assertThat(refused.header("Access-Control-Allow-Origin")).as(origin).isNull();
            assertThat(refused.status()).as(origin).isEqualTo(403);
        }
        // A simple cross-origin request from a foreign origin gets no CORS grant either.
        Http.Response simple = http.header("Origin", "https://evil.example.net").get("/api/health");
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }
}
