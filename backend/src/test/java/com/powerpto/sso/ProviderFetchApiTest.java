package com.powerpto.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Person;
import com.sun.net.httpserver.HttpServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, finding 3 (the parts development shows too): the provider's discovery document is
 * fetched and checked when the settings are saved, then kept — an anonymous sign-in start never
 * calls the provider (each start used to fetch the document: a 10 s slow issuer held 4 requests
 * for 30 s each); a slow issuer is cut off by the read timeout and nothing is saved; a document
 * naming another issuer is refused. Providers here listen on loopback (allowed in development).
 */
class ProviderFetchApiTest extends ApiTest {

    static MockOAuth2Server provider;
    /** A provider that accepts requests and answers none of them within the test's patience. */
    static HttpServer slow;
    static final AtomicInteger slowRequests = new AtomicInteger();
    /** A provider whose document names another issuer. */
    static HttpServer impostor;

    @Autowired
    JdbcClient jdbc;

    Person admin;

    @BeforeAll
    static void providers() throws IOException {
        provider = new MockOAuth2Server();
        provider.start();
        slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/", exchange -> {
            slowRequests.incrementAndGet();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slow-provider");
            t.setDaemon(true);
            return t;
        }));
        slow.start();
        impostor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        impostor.createContext("/", exchange -> {
            byte[] body = ("{\"issuer\":\"https://accounts.example.com\",\"authorization_endpoint\":\"https://accounts.example.com/a\","
                    + "\"token_endpoint\":\"https://accounts.example.com/t\",\"jwks_uri\":\"https://accounts.example.com/k\","
                    + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        impostor.start();
    }

    @AfterAll
    static void stopProviders() {
        provider.shutdown();
        slow.stop(0);
        impostor.stop(0);
    }

    @BeforeEach
    void company() {
        admin = fixtures.newCompanyAdmin();
    }

    private Map<String, Object> settings(String issuer) {
        Map<String, Object> body = new HashMap<>();
        body.put("provider_name", "Acme ID");
        body.put("issuer", issuer);
        body.put("client_id", "power-pto");
        body.put("client_secret", "client-secret-of-acme");
        body.put("email_domain", "fetch-" + admin.companyId().toString().substring(0, 8) + ".example");
        return body;
    }

    /** Every request the provider received since the last call (it throws when none is left). */
    private List<RecordedRequest> providerRequests() {
        List<RecordedRequest> seen = new ArrayList<>();
        while (true) {
            try {
                seen.add(provider.takeRequest(300, TimeUnit.MILLISECONDS));
            } catch (RuntimeException none) {
                return seen;
            }
        }
    }

    @Test
    void theDocumentIsFetchedWhenTheSettingsAreSavedAndNeverOnAnAnonymousStart() throws Exception {
        providerRequests();
        String issuer = provider.issuerUrl("acme").toString();
        http.as(admin).put("/api/companies/" + admin.companyId() + "/sso", settings(issuer)).expectJson(200);
        assertThat(providerRequests()).extracting(RecordedRequest::getPath).containsExactly("/acme/.well-known/openid-configuration");
        assertThat(jdbc.sql("SELECT provider_metadata FROM company_sso WHERE company_id = :c").param("c", admin.companyId())
                .query(String.class).single()).contains(issuer);

        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> start = browser.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + SsoService.START_PATH
                    + admin.companyId() + "?tab_nonce=" + "t".repeat(43))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(start.statusCode()).isEqualTo(302);
            assertThat(start.headers().firstValue("Location").orElseThrow()).startsWith(issuer + "/authorize");
        }
        assertThat(providerRequests()).as("requests the starts sent to the provider").isEmpty();
    }

    @Test
    void aSlowIssuerIsCutOffByTheReadTimeoutAndNothingIsSaved() throws Exception {
        String issuer = "http://127.0.0.1:" + slow.getAddress().getPort() + "/slow";
        // The slow provider answers after 60 s; this client waits 30 s: only the API's own read timeout can answer first.
        HttpClient patient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = patient.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/api/companies/"
                        + admin.companyId() + "/sso")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Company-Id", admin.companyId().toString())
                .header("X-User-Id", admin.id().toString()).header("X-Role", "admin")
                .PUT(HttpRequest.BodyPublishers.ofString(com.powerpto.support.Http.JSON.writeValueAsString(settings(issuer))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = com.powerpto.support.Http.JSON.readTree(response.body());
        assertThat(error.path("code").asText()).isEqualTo("issuer_unreachable");
        assertThat(error.path("error").asText()).contains("Timeout");
        assertThat(slowRequests.get()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM company_sso WHERE company_id = :c").param("c", admin.companyId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDocumentNamingAnotherIssuerIsRefused() {
        String issuer = "http://127.0.0.1:" + impostor.getAddress().getPort() + "/realm";
        JsonNode error = http.as(admin).put("/api/companies/" + admin.companyId() + "/sso", settings(issuer)).expectError(422);
        assertThat(error.path("code").asText()).isEqualTo("issuer_invalid");
        assertThat(error.path("error").asText()).contains("https://accounts.example.com");
        http.as(admin).put("/api/companies/" + admin.companyId() + "/sso", settings(issuer + "?x=1")).expectError(422);
    }
}
