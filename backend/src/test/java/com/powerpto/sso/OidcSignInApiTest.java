package com.powerpto.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.PowerPtoApplication;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.security.SecretBox;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
    @Autowired
    CookieAuthorizationRequests cookies;
    @Autowired
    SecretBox box;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    PtoProperties properties;

    Person admin;
    String domain;
    /** The last round trip's provider authorize URL and the app's landing response (for the cookie checks). */
    URI lastAuthorize;
    HttpResponse<String> lastLanding;

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
        return signIn(tamperCallback, http.baseUrl(), UnaryOperator.identity());
    }

    /**
     * The whole round trip as a browser makes it; the callback may go to another API instance
     * ({@code callbackBase}) and the browser's authorization cookie may be altered on the way.
     * No response may open a server session.
     */
    private Map<String, String> signIn(UnaryOperator<URI> tamperCallback, String callbackBase,
                                       UnaryOperator<String> tamperCookie) throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        // The sign-in page's tab nonce (issue 25): it must come back next to the token.
        String tabNonce = UUID.randomUUID().toString().replace("-", "") + "x";
        URI start = URI.create(http.baseUrl() + "/api/auth/oidc/start/" + admin.companyId() + "?tab_nonce=" + tabNonce);
        HttpResponse<String> toProvider = get(browser, start, null);
        assertThat(toProvider.statusCode()).as(toProvider.body()).isEqualTo(302);
        assertNoServerSession(toProvider);
        URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(provider.issuerUrl(ISSUER_ID).toString()).contains("nonce=")
                .contains("state=").contains("code_challenge=");
        lastAuthorize = authorize;
        String cookie = authorizationCookie(toProvider, authorize);
        HttpResponse<String> back = get(browser, authorize, null);
        assertThat(back.statusCode()).isEqualTo(302);
        URI callback = tamperCallback.apply(URI.create(back.headers().firstValue("Location").orElseThrow()));
        assertThat(callback.getPath()).startsWith("/api/auth/oidc/callback/");
        URI onInstance = URI.create(callbackBase + callback.getRawPath() + "?" + callback.getRawQuery());
        HttpResponse<String> landing = get(browser, onInstance, CookieAuthorizationRequests.COOKIE + "=" + tamperCookie.apply(cookie));
        lastLanding = landing;
        assertThat(landing.statusCode()).isEqualTo(302);
        assertNoServerSession(landing);
        String location = landing.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/sign-in/sso#");
        Map<String, String> fragment = new HashMap<>();
        for (String pair : location.substring(location.indexOf('#') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            fragment.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        if (fragment.containsKey("access_token")) {
            assertThat(fragment).containsEntry("tab_nonce", tabNonce);
        }
        return fragment;
    }

    /**
     * The sealed authorization request the start left in the browser, with the cookie's attributes
     * checked, and neither the state nor the nonce the provider was sent readable in it at any layer
     * (base64url of {@code "v1:" + base64(nonce ‖ AES-GCM ciphertext)}).
     */
    private static String authorizationCookie(HttpResponse<String> start, URI authorize) {
        String header = start.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(CookieAuthorizationRequests.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(header).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/api/auth/oidc/").contains("Max-Age=600");
        String value = header.substring(header.indexOf('=') + 1, header.indexOf(';'));
        String state = queryParameter(authorize, "state");
        String nonce = queryParameter(authorize, "nonce");
        assertThat(state).hasSizeGreaterThan(16);
        assertThat(nonce).hasSizeGreaterThan(16);
        String outer = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        assertThat(outer).startsWith("v1:");
        String inner = new String(Base64.getDecoder().decode(outer.substring(3)), StandardCharsets.ISO_8859_1);
        for (String layer : List.of(value, outer, inner)) {
            assertThat(layer).isNotEmpty().doesNotContain(state).doesNotContain(nonce).doesNotContain("code_verifier");
        }
        return value;
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }

    /** The cookie with one bit of its AES-GCM ciphertext flipped; both encodings stay valid, so only GCM can refuse it. */
    static String flipOneCiphertextBit(String cookie) {
        String outer = new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.UTF_8);
        byte[] nonceAndCiphertext = Base64.getDecoder().decode(outer.substring("v1:".length()));
        nonceAndCiphertext[12 + 7] ^= 0x04; // past the 12-byte GCM nonce
        String flipped = "v1:" + Base64.getEncoder().encodeToString(nonceAndCiphertext);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(flipped.getBytes(StandardCharsets.UTF_8));
        assertThat(encoded).isNotEqualTo(cookie);
        return encoded;
    }

    /** The Set-Cookie of the authorization cookie in a response, if any. */
    private static java.util.Optional<String> authorizationCookieHeader(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(CookieAuthorizationRequests.COOKIE + "=")).findFirst();
    }

    private static void assertNoServerSession(HttpResponse<String> response) {
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(h -> h.toUpperCase().startsWith("JSESSIONID"));
    }

    private Map<String, String> signIn() throws Exception {
        return signIn(UnaryOperator.identity());
    }

    private static HttpResponse<String> get(HttpClient client, URI uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
        // Used once: the callback removes the authorization cookie.
        assertThat(authorizationCookieHeader(lastLanding)).hasValueSatisfying(h -> assertThat(h)
                .startsWith(CookieAuthorizationRequests.COOKIE + "=;").contains("Max-Age=0").contains("Path=/api/auth/oidc/"));
    }

    @Test
    void theProvidersRefusalLandsWithItsCodeAndTheCookieIsGone() throws Exception {
        employee("ivy");
        // The person pressed "Cancel" at the provider: it comes back with an error instead of a code.
        Map<String, String> landing = signIn(uri -> URI.create(uri.toString().replaceAll("code=[^&]+", "error=access_denied")));
        assertThat(landing).containsEntry("error", "access_denied").doesNotContainKey("access_token");
        assertThat(authorizationCookieHeader(lastLanding)).hasValueSatisfying(h -> assertThat(h).contains("Max-Age=0"));
    }

    @Test
    void theAuthorizationCookieIsSecureOutsideDevelopmentAndOpensOnlyUnderItsOwnContext() throws Exception {
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("https://idp.example/authorize").clientId(CLIENT_ID).redirectUri("https://app.example/cb")
                .state("the-state").attributes(Map.of("registration_id", admin.companyId().toString(), "nonce", "n"))
                .build();
        for (String environment : List.of("staging", "production", "development")) {
            PtoProperties env = new PtoProperties(environment, properties.version(), properties.service(),
                    properties.corsOrigins(), properties.jwtSecret(), properties.jwtTtlSeconds(),
                    properties.payrollWebhookSecret(), properties.maxBodyBytes());
            MockHttpServletResponse response = new MockHttpServletResponse();
            new CookieAuthorizationRequests(box, mapper, env, Clock.systemUTC())
                    .saveAuthorizationRequest(request, new MockHttpServletRequest(), response); // plain http
            if (environment.equals("development")) {
                assertThat(response.getHeader("Set-Cookie")).as(environment).doesNotContain("Secure"); // http://localhost
            } else {
                assertThat(response.getHeader("Set-Cookie")).as(environment).contains("; Secure");
            }
        }
        MockHttpServletRequest overHttps = new MockHttpServletRequest();
        overHttps.setSecure(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        cookies.saveAuthorizationRequest(request, overHttps, response);
        assertThat(response.getHeader("Set-Cookie")).contains("; Secure");

        // The same fields sealed under another context (here: a company's OIDC client secret) are no request.
        String json = mapper.writeValueAsString(new CookieAuthorizationRequests.Sealed("https://idp.example/authorize",
                CLIENT_ID, "https://app.example/cb", List.of("openid"), "the-state", Map.of(),
                Map.of("registration_id", admin.companyId().toString(), "nonce", "n"), "https://idp.example/authorize?x",
                java.time.Instant.now().plus(Duration.ofMinutes(5))));
        MockHttpServletRequest callback = new MockHttpServletRequest();
        callback.setParameter("state", "the-state");
        callback.setCookies(new jakarta.servlet.http.Cookie(CookieAuthorizationRequests.COOKIE,
                cookieValue(box.seal("oidc-client-secret:" + admin.companyId(), json))));
        assertThat(cookies.loadAuthorizationRequest(callback)).isNull();
        // Control: sealed under the cookie's own context, the same JSON is a request.
        callback.setCookies(new jakarta.servlet.http.Cookie(CookieAuthorizationRequests.COOKIE,
                cookieValue(box.seal("oidc-authorization-request:v1", json))));
        assertThat(cookies.loadAuthorizationRequest(callback)).isNotNull()
                .satisfies(r -> assertThat(r.getState()).isEqualTo("the-state"));
    }

    private static String cookieValue(String sealed) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.getBytes(StandardCharsets.UTF_8));
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
        // A deactivated account, then an inactive employee (terminated people: see below).
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
    void terminatedPeopleAreRefusedAtSingleSignOn() throws Exception {
        UUID fay = employee("fay");
        accounts.setPassword(admin.companyId(), fay, Role.EMPLOYEE, "fay's password 12");
        http.as(admin).post("/api/companies/" + admin.companyId() + "/employees/" + fay + "/terminate",
                        Map.of("termination_date", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString(), "reason", "resigned"))
                .expect(200);
        nextIdToken("fay@" + domain, true, null, 3600, Map.of());
        assertThat(signIn()).containsEntry("error", "inactive").doesNotContainKey("access_token");
    }

    @Test
    void aStartForACompanyWithoutSingleSignOnExplainsInsteadOfFailing() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String company : List.of(UUID.randomUUID().toString(), "not-a-company")) {
            HttpResponse<String> response = get(browser, URI.create(http.baseUrl() + "/api/auth/oidc/start/" + company), null);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).isEqualTo("/sign-in/sso#error=sso_not_configured");
        }
        // Configured, but started without the sign-in page's tab nonce (issue 25): not started here.
        String start = http.baseUrl() + "/api/auth/oidc/start/" + admin.companyId();
        for (String query : List.of("", "?tab_nonce=short", "?tab_nonce=" + "x".repeat(200))) {
            HttpResponse<String> response = get(browser, URI.create(start + query), null);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(query).isEqualTo("/sign-in/sso#error=sso_start_invalid");
            assertThat(response.headers().allValues("Set-Cookie")).as("no authorization cookie").isEmpty();
        }
        // Configured, but no usable provider document is stored (the background refresh has not fetched it yet).
        jdbc.sql("UPDATE company_sso SET provider_metadata = NULL WHERE company_id = :c").param("c", admin.companyId()).update();
        HttpResponse<String> response = get(browser, URI.create(start + "?tab_nonce=" + "n".repeat(43)), null);
        assertThat(response.headers().firstValue("Location").orElseThrow()).isEqualTo("/sign-in/sso#error=sso_unavailable");
    }

    @Test
    void aSignInStartedOnOneApiInstanceFinishesOnAnother() throws Exception {
        UUID gus = employee("gus");
        // A second application on the same database, as a second API task behind the load balancer.
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PowerPtoApplication.class)
                .profiles("test").run("--server.port=0", "--management.server.port=-1")) {
            int secondPort = ((ServletWebServerApplicationContext) second).getWebServer().getPort();
            assertThat(secondPort).isNotEqualTo(port);
            nextIdToken("gus@" + domain, true, null, 3600, Map.of());
            Map<String, String> landing = signIn(UnaryOperator.identity(), "http://127.0.0.1:" + secondPort, UnaryOperator.identity());
            assertThat(landing).containsKey("access_token");
            JsonNode me = http.withToken(landing.get("access_token")).get("/api/auth/me").expectJson(200);
            assertThat(me.path("user_id").asText()).isEqualTo(gus.toString());
        }
    }

    @Test
    void aTamperedMissingOrExpiredAuthorizationCookieIsRefused() throws Exception {
        employee("hal");
        assertThat(signIn(UnaryOperator.identity(), http.baseUrl(), OidcSignInApiTest::flipOneCiphertextBit))
                .containsEntry("error", "authorization_request_not_found").doesNotContainKey("access_token");
        assertThat(signIn(UnaryOperator.identity(), http.baseUrl(), c -> ""))
                .containsEntry("error", "authorization_request_not_found");

        // The expiry sealed inside the cookie, checked with the clock 11 minutes on.
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("https://idp.example/authorize").clientId(CLIENT_ID).redirectUri("https://app.example/cb")
                .state("the-state").attributes(Map.of("registration_id", admin.companyId().toString(), "nonce", "n"))
                .build();
        MockHttpServletResponse response = new MockHttpServletResponse();
        cookies.saveAuthorizationRequest(request, new MockHttpServletRequest(), response);
        String header = response.getHeader("Set-Cookie");
        String value = header.substring(header.indexOf('=') + 1, header.indexOf(';'));
        MockHttpServletRequest callback = new MockHttpServletRequest();
        callback.setParameter("state", "the-state");
        callback.setCookies(new jakarta.servlet.http.Cookie(CookieAuthorizationRequests.COOKIE, value));
        assertThat(cookies.loadAuthorizationRequest(callback)).isNotNull()
                .satisfies(r -> assertThat(r.getAttributes()).containsEntry("nonce", "n"));
        MockHttpServletRequest flipped = new MockHttpServletRequest();
        flipped.setParameter("state", "the-state");
        flipped.setCookies(new jakarta.servlet.http.Cookie(CookieAuthorizationRequests.COOKIE, flipOneCiphertextBit(value)));
        assertThat(cookies.loadAuthorizationRequest(flipped)).isNull();
        CookieAuthorizationRequests later = new CookieAuthorizationRequests(box, mapper, properties,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11)));
        assertThat(later.loadAuthorizationRequest(callback)).isNull();
        callback.setParameter("state", "another-state");
        assertThat(cookies.loadAuthorizationRequest(callback)).isNull();
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

    /**
     * Issue 25, finding 10: SSO matched the NFKC-folded address, so the provider's fullwidth
     * "ｖａｌ６@…" (another mailbox there) signed in as "val6@…"; a fullwidth twin employee made
     * SSO answer 500. Now the address must be the same but for letter case, and the folded key is
     * unique per company.
     */
    @Test
    void aFullwidthTwinAddressNeitherSignsInAsSomeoneElseNorBecomesATwinEmployee() throws Exception {
        UUID val = employee("val6");
        nextIdToken("\uff56\uff41\uff4c\uff16@" + domain, true, null, 3600, Map.of());
        assertThat(signIn()).containsEntry("error", "unknown_user").doesNotContainKey("access_token");
        nextIdToken("VAL6@" + domain.toUpperCase(), true, null, 3600, Map.of());
        Map<String, String> same = signIn();
        assertThat(same).containsKey("access_token");
        assertThat(http.withToken(same.get("access_token")).get("/api/auth/me").expectJson(200).path("user_id").asText())
                .isEqualTo(val.toString());

        // The twin as an employee: refused as a duplicate (409), not stored, so SSO never sees two.
        UUID twin = UUID.randomUUID();
        JsonNode refused = http.as(admin).put("/api/companies/" + admin.companyId() + "/employees/" + twin,
                Map.of("first_name", "Twin", "last_name", "Val", "email", "\uff56\uff41\uff4c\uff16@" + domain)).expectError(409);
        assertThat(refused.path("code").asText()).isEqualTo("duplicate_email");
        // Written by SQL around the application, the unique index refuses it too.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "INSERT INTO employees (company_id, id, first_name, last_name, email, email_key) VALUES (:c, :id, 'T', 'V', :email, :key)")
                .param("c", admin.companyId()).param("id", twin).param("email", "\uff56\uff41\uff4c\uff16@" + domain)
                .param("key", "val6@" + domain).update()).hasMessageContaining("employees_email_key_uq");
        nextIdToken("val6@" + domain, true, null, 3600, Map.of());
        assertThat(signIn()).containsKey("access_token");
    }

    /**
     * Issue 25, finding 11: password tokens issued before "require SSO" kept working until they
     * expired (single sign-on tokens and the break-glass admin's go on), and a break-glass admin
     * who was demoted kept their password sign-in.
     */
    @Test
    void requiringSsoEndsTheTokensOfPasswordSignIns() throws Exception {
        UUID eve = employee("eve");
        accounts.setPassword(admin.companyId(), eve, Role.EMPLOYEE, "eve's password 12");
        String evePassword = http.post("/api/auth/login", Map.of("email", "eve@" + domain, "password", "eve's password 12"))
                .expectJson(200).path("access_token").asText();
        UUID fay = employee("fay");
        nextIdToken("fay@" + domain, true, null, 3600, Map.of());
        String faySso = signIn().get("access_token");
        String adminEmail = jdbc.sql("SELECT email FROM employees WHERE company_id = :c AND id = :id")
                .param("c", admin.companyId()).param("id", admin.id()).query(String.class).single();
        String adminPassword = http.post("/api/auth/login", Map.of("email", adminEmail, "password", "admin password 123"))
                .expectJson(200).path("access_token").asText();

        Map<String, Object> required = settings(true, admin.id());
        required.remove("client_secret");
        http.as(admin).put("/api/companies/" + admin.companyId() + "/sso", required).expectJson(200);
        http.withToken(evePassword).get("/api/auth/me").expectError(401);
        assertThat(http.withToken(faySso).get("/api/auth/me").expectJson(200).path("user_id").asText()).isEqualTo(fay.toString());
        http.withToken(adminPassword).get("/api/auth/me").expect(200);
    }

    @Test
    void aDemotedBreakGlassAdminLosesTheirPasswordSignIn() {
        Map<String, Object> required = settings(true, admin.id());
        required.remove("client_secret");
        http.as(admin).put("/api/companies/" + admin.companyId() + "/sso", required).expectJson(200);
        String adminEmail = jdbc.sql("SELECT email FROM employees WHERE company_id = :c AND id = :id")
                .param("c", admin.companyId()).param("id", admin.id()).query(String.class).single();
        http.post("/api/auth/login", Map.of("email", adminEmail, "password", "admin password 123")).expect(200);
        // The break-glass admin made a manager by another admin: no password sign-in any more.
        UUID other = UUID.randomUUID();
        jdbc.sql("INSERT INTO employees (company_id, id, first_name, last_name, email) VALUES (:c, :id, 'Olga', 'Admin', :email)")
                .param("c", admin.companyId()).param("id", other).param("email", "olga@" + domain).update();
        accounts.setPassword(admin.companyId(), other, Role.ADMIN, "olga's password 1");
        http.as(new Person(admin.companyId(), other, Role.ADMIN))
                .put("/api/companies/" + admin.companyId() + "/employees/" + admin.id() + "/account",
                        Map.of("role", "manager", "password", "admin password 123")).expect(200);
        http.post("/api/auth/login", Map.of("email", adminEmail, "password", "admin password 123")).expectError(403);
    }
}
