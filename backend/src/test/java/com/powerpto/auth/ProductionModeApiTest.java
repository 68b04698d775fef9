package com.powerpto.auth;

import com.powerpto.platform.security.Role;
import com.powerpto.support.ProductionApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ENVIRONMENT=production, in its own JVM (surefire's production-mode execution, whose process
 * environment says so: issue 25, only the process environment decides). Development headers are
 * ignored, the development JWT secret is worthless, CORS answers only the configured origin, and
 * X-Forwarded-For (set by the ALB) decides the client address.
 */
class ProductionModeApiTest extends ProductionApiTest {

    static final String DEVELOPMENT_SECRET = "development-only-jwt-secret-not-for-real-use!";
    static final String PASSWORD = "production password";

    @Autowired
    AccountService accounts;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clearThrottle() {
        throttle.reset();
    }

    private Person newAccount(Role role) {
        Person admin = fixtures.newCompanyAdmin();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO employees (company_id, id, first_name, last_name, email) VALUES (:c, :id, 'Grace', 'Hopper', :email)")
                .param("c", admin.companyId()).param("id", id).param("email", AuthApiTest.emailOf(id)).update();
        accounts.setPassword(admin.companyId(), id, role, PASSWORD);
        return new Person(admin.companyId(), id, role);
    }

    private Http.Response login(Http client, String email, String password) {
        return client.post("/api/auth/login", Map.of("email", email, "password", password));
    }

    @Test
    void developmentHeadersAreIgnored() {
        Person admin = newAccount(Role.ADMIN);
        http.as(admin).get("/api/auth/me").expectError(401);
        http.as(admin).get("/api/companies/" + admin.companyId() + "/audit-log").expectError(401);
        http.as(admin).get("/api/companies/" + admin.companyId() + "/employees/" + admin.id() + "/account").expectError(401);

        String token = login(http, AuthApiTest.emailOf(admin.id()), PASSWORD).expectJson(200).path("access_token").asText();
        Http bearer = http.withToken(token);
        assertThat(bearer.get("/api/auth/me").expectJson(200).path("role").asText()).isEqualTo("admin");
        // Headers added next to a valid token change nothing: the token decides who is calling.
        Person other = fixtures.newCompanyAdmin();
        Http mixed = bearer.header("X-Company-Id", other.companyId().toString())
                .header("X-User-Id", other.id().toString()).header("X-Role", "admin");
        assertThat(mixed.get("/api/auth/me").expectJson(200).path("company_id").asText()).isEqualTo(admin.companyId().toString());
        mixed.get("/api/companies/" + other.companyId() + "/audit-log").expectError(403);
    }

    @Test
    void tokensSignedWithTheDevelopmentSecretAreWorthless() {
        Person admin = newAccount(Role.ADMIN);
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = Map.of("sub", admin.id().toString(), "company_id", admin.companyId().toString(),
                "role", "admin", "iat", now, "exp", now + 600, "sgen", 0,
                "iss", "power-pto/production", "aud", "power-pto-api/production");
        http.withToken(TokenApiTest.Jwts.hmac("HS256", DEVELOPMENT_SECRET, claims)).get("/api/auth/me").expectError(401);
        assertThat(http.withToken(TokenApiTest.Jwts.hmac("HS256", SECRET, claims)).get("/api/auth/me").status()).isEqualTo(200);
    }

    @Test
    void corsAnswersOnlyTheConfiguredOrigin() {
        Http.Response allowed = preflight("https://pto.example.com");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://pto.example.com");
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");

        Http.Response refused = preflight("http://localhost:5173");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.expectError(403).path("code").asText()).isEqualTo("cors_refused");
        // Outside development the loopback spellings are not added: only what CORS_ORIGINS says.
        assertThat(preflight("http://127.0.0.1:5173").status()).isEqualTo(403);
        Http.Response evil = preflight("https://evil.example.net");
        assertThat(evil.header("Access-Control-Allow-Origin")).isNull();
    }

    private Http.Response preflight(String origin) {
        return http.header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .send("OPTIONS", "/api/auth/login", null, null);
    }

    @Test
    void theAddressTheAlbAppendedIsTheOneThrottled() {
        Http client = http.header("X-Forwarded-For", "198.51.100.1, 203.0.113.7");
        for (int i = 0; i < 20; i++) {
            login(client, "spray-" + i + "-" + UUID.randomUUID() + "@example.com", "guess " + i).expectError(401);
        }
        // Whatever the client prepends, the ALB's right-most entry is the address.
        Http spoofing = http.header("X-Forwarded-For", "10.9.9.9, 203.0.113.7");
        login(spoofing, "someone@example.com", "guess").expectError(429);
        Person employee = newAccount(Role.EMPLOYEE);
        login(http.header("X-Forwarded-For", "203.0.113.8"), AuthApiTest.emailOf(employee.id()), PASSWORD).expect(200);
    }
}
