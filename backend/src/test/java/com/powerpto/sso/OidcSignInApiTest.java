package com.powerpto.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.auth.AccountService;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: OpenID Connect sign-in against a real OIDC provider (mock-oauth2-server, started
 * here on a free port): discovery, authorization code + state + nonce + PKCE, token exchange and
 * ID token checks are all Spring Security's; the test drives the browser's redirects by hand.
 */
class OidcSignInApiTest extends ApiTest {

    static MockOAuth2Server provider;
    static final String ISSUER_ID = "acme";
    static final String CLIENT_ID = "power-pto";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accounts;

    Person admin;
    String domain;

    @BeforeAll
    static void startProvider() {
        provider = new MockOAuth2Server();
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @BeforeEach
    void company() {
        admin = fixtures.newCompanyAdmin();
        domain = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        jdbc.sql("INSERT INTO employees (company_id, id, first_name, last_name, email) VALUES (:c, :id, 'Ada', 'Admin', :email)")
                .param("c", admin.companyId()).param("id", admin.id()).param("email", "admin-" + admin.id() + "@example.com").update();
        accounts.setPassword(admin.companyId(), admin.id(), Role.ADMIN, "admin password 123");
        JsonNode view = http.as(admin).put("/api/companies/" + admin.companyId() + "/sso", settings(false, null)).expectJson(200);
        assertThat(view.has("client_secret")).isFalse();
        assertThat(view.path("has_client_secret").asBoolean()).isTrue();
    }

    private Map<String, Object> settings(boolean requireSso, UUID breakGlass) {
        Map<String, Object> body = new HashMap<>();
        body.put("provider_name", "Acme ID");
        body.put("issuer", provider.issuerUrl(ISSUER_ID).toString());
        body.put("client_id", CLIENT_ID);
        body.put("client_secret", "client-secret-of-acme");
        body.put("email_domain", domain);
        body.put("require_sso", requireSso);
        body.put("break_glass_employee_id", breakGlass);
        return body;
    }

    private UUID employee(String local) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO employees (company_id, id, first_name, last_name, email) VALUES (:c, :id, 'Ann', 'Oidc', :email)")
                .param("c", admin.companyId()).param("id", id).param("email", local + "@" + domain).update();
        return id;
    }

    private void nextIdToken(String email, Boolean verified, List<String> audience, long expirySeconds, Map<String, Object> extra) {
        Map<String, Object> claims = new HashMap<>(extra);
        if (email != null) {
            claims.put("email", email);
        }
        if (verified != null) {
            claims.put("email_verified", verified);
        }
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-" + UUID.randomUUID(), "JWT",
                audience, claims, expirySeconds));
    }

    /** What the browser lands on: the fragment of /sign-in/sso as a map. */
    private Map<String, String> signIn(UnaryOperator<URI> tamperCallback) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI start = URI.create(http.baseUrl() + "/api/auth/oidc/start/" + admin.companyId());
        HttpResponse<String> toProvider = get(browser, start);
        assertThat(toProvider.statusCode()).as(toProvider.body()).isEqualTo(302);
        URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(provider.issuerUrl(ISSUER_ID).toString()).contains("nonce=")
                .contains("state=").contains("code_challenge=");
        HttpResponse<String> back = get(browser, authorize);
        assertThat(back.statusCode()).isEqualTo(302);
        URI callback = tamperCallback.apply(URI.create(back.headers().firstValue("Location").orElseThrow()));
        HttpResponse<String> landing = get(browser, callback);
        assertThat(landing.statusCode()).isEqualTo(302);
        String location = landing.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/sign-in/sso#");
        Map<String, String> fragment = new HashMap<>();
        for (String pair : location.substring(location.indexOf('#') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            fragment.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fragment;
    }

    private Map<String, String> signIn() throws Exception {
        return signIn(UnaryOperator.identity());
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aVerifiedEmailOfAnEmployeeSignsInAndGetsTheAppsOwnToken() throws Exception {
        UUID ann = employee("ann");
        JsonNode offer = http.get("/api/auth/sso?email=Ann@" + domain.toUpperCase()).expectJson(200);
        assertThat(offer.path("provider_name").asText()).isEqualTo("Acme ID");
        assertThat(offer.path("start_path").asText()).isEqualTo("/api/auth/oidc/start/" + admin.companyId());
        http.get("/api/auth/sso?email=someone@unknown-domain.example").expectError(404);

        nextIdToken("ANN@" + domain.toUpperCase(), true, null, 3600, Map.of());
        Map<String, String> landing = signIn();
        assertThat(landing).containsKey("access_token").doesNotContainKey("error");
        JsonNode me = http.withToken(landing.get("access_token")).get("/api/auth/me").expectJson(200);
        assertThat(me.path("user_id").asText()).isEqualTo(ann.toString());
        assertThat(me.path("role").asText()).isEqualTo("employee");
    }

    @Test
    void unverifiedUnknownAndDeactivatedPeopleAreRefusedWithAReason() throws Exception {
        UUID bob = employee("bob");
        nextIdToken("bob@" + domain, false, null, 3600, Map.of());
        assertThat(signIn()).containsEntry("error", "unverified_email").doesNotContainKey("access_token");
        nextIdToken("bob@" + domain, null, null, 3600, Map.of());
        assertThat(signIn()).containsEntry("error", "unverified_email");
        nextIdToken("nobody@" + domain, true, null, 3600, Map.of());
        assertThat(signIn()).containsEntry("error", "unknown_user");
        // Terminated people: until the employee lifecycle lands, a deactivated account stands in.
        accounts.setPassword(admin.companyId(), bob, Role.EMPLOYEE, "bob's password 1");
        accounts.setActive(admin.companyId(), bob, false);
        nextIdToken("bob@" + domain, true, null, 3600, Map.of());
        assertThat(signIn()).containsEntry("error", "deactivated");
        jdbc.sql("UPDATE employees SET active = false WHERE company_id = :c AND id = :id")
                .param("c", admin.companyId()).param("id", bob).update();
        nextIdToken("bob@" + domain, true, null, 3600, Map.of());
        assertThat(signIn()).containsEntry("error", "inactive");
    }

    @Test
    void idTokensForAnotherAudienceOrExpiredAreRefusedBySpringSecurity() throws Exception {
        employee("cy");
        // The provider puts the client id in aud; a claim of our own replaces it.
        nextIdToken("cy@" + domain, true, null, 3600, Map.of("aud", List.of("another-client")));
        assertThat(signIn()).containsEntry("error", "invalid_id_token");
        nextIdToken("cy@" + domain, true, null, -300, Map.of());
        assertThat(signIn()).containsEntry("error", "invalid_id_token");
        nextIdToken("cy@" + domain, true, null, 3600, Map.of());
        assertThat(signIn()).containsKey("access_token");
    }

    @Test
    void aTamperedStateOrNonceIsRefused() throws Exception {
        employee("dee");
        // Refused before the code is exchanged: no ID token is ever asked for.
        Map<String, String> tamperedState = signIn(uri -> URI.create(uri.toString().replaceAll("state=[^&]+", "state=forged")));
        assertThat(tamperedState).doesNotContainKey("access_token").containsEntry("error", "authorization_request_not_found");
        nextIdToken("dee@" + domain, true, null, 3600, Map.of("nonce", "a-nonce-of-another-sign-in"));
        Map<String, String> tamperedNonce = signIn();
        assertThat(tamperedNonce).doesNotContainKey("access_token").containsEntry("error", "invalid_nonce");
    }

    @Test
    void aCompanyThatRequiresSsoRefusesPasswordsExceptItsBreakGlassAdmin() {
        UUID eve = employee("eve");
        accounts.setPassword(admin.companyId(), eve, Role.EMPLOYEE, "eve's password 12");
        Http asAdmin = http.as(admin);
        asAdmin.put("/api/companies/" + admin.companyId() + "/sso", settings(true, null)).expectError(422);
        asAdmin.put("/api/companies/" + admin.companyId() + "/sso", settings(true, eve)).expectError(422);
        Map<String, Object> keepSecret = settings(true, admin.id());
        keepSecret.remove("client_secret");
        asAdmin.put("/api/companies/" + admin.companyId() + "/sso", keepSecret).expectJson(200);

        JsonNode refused = http.post("/api/auth/login", Map.of("email", "eve@" + domain, "password", "eve's password 12"))
                .expectError(403);
        assertThat(refused.path("error").asText()).contains("single sign-on");
        http.post("/api/auth/login", Map.of("email", "eve@" + domain, "password", "a wrong password")).expectError(401);
        String adminEmail = jdbc.sql("SELECT email FROM employees WHERE company_id = :c AND id = :id")
                .param("c", admin.companyId()).param("id", admin.id()).query(String.class).single();
        http.post("/api/auth/login", Map.of("email", adminEmail, "password", "admin password 123")).expect(200);

        JsonNode stored = asAdmin.get("/api/companies/" + admin.companyId() + "/sso").expectJson(200);
        assertThat(stored.toString()).doesNotContain("client-secret-of-acme");
        String sealed = jdbc.sql("SELECT client_secret_ciphertext FROM company_sso WHERE company_id = :c")
                .param("c", admin.companyId()).query(String.class).single();
        assertThat(sealed).doesNotContain("client-secret-of-acme");
        JsonNode audit = asAdmin.get("/api/companies/" + admin.companyId() + "/audit-log?entity_type=COMPANY").expectJson(200);
        assertThat(audit.toString()).contains("Acme ID").doesNotContain("client-secret-of-acme");
    }
}
