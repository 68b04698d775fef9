package com.powerpto.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.auth.AccountService;
import com.powerpto.platform.security.Role;
import com.powerpto.platform.security.TokenService;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.ProductionApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 25, finding 3, in production mode: an issuer (and the token, key and user-info endpoints
 * of its document) must be https and must not resolve — any of its addresses — to loopback,
 * private, link-local or metadata addresses; the start route is limited per address and company.
 * The host names resolve from {@code provider-hosts.txt}. Every plain socket this JVM opens to a
 * provider name goes to a local SOCKS "sentinel" instead of the network: it counts the attempts,
 * and must count none, which shows each refusal came before any connection.
 */
class ProviderAddressesProductionTest extends ProductionApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accounts;
    @Autowired
    TokenService tokens;
    @Autowired
    ProviderCalls providerCalls;
    @Autowired
    com.powerpto.platform.security.SecretBox box;

    Person admin;
    Http asAdmin;
    Sentinel sentinel;

    /** Accepts (and counts, and closes) every connection this JVM's plain sockets open to non-loopback names. */
    static final class Sentinel implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();

        Sentinel() throws IOException {
            socket = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
            Thread accept = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket ignored = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "socks-sentinel");
            accept.setDaemon(true);
            accept.start();
            System.setProperty("socksProxyHost", "127.0.0.1");
            System.setProperty("socksProxyPort", Integer.toString(socket.getLocalPort()));
        }

        @Override
        public void close() throws IOException {
            System.clearProperty("socksProxyHost");
            System.clearProperty("socksProxyPort");
            socket.close();
        }
    }

    @BeforeEach
    void adminWithAToken() throws IOException {
        admin = fixtures.newCompanyAdmin();
        jdbc.sql("INSERT INTO employees (company_id, id, first_name, last_name, email) VALUES (:c, :id, 'Ada', 'Admin', :email)")
                .param("c", admin.companyId()).param("id", admin.id()).param("email", "admin-" + admin.id() + "@example.com").update();
        accounts.setPassword(admin.companyId(), admin.id(), Role.ADMIN, "admin password 123");
        long generation = jdbc.sql("SELECT session_generation FROM accounts WHERE company_id = :c AND employee_id = :e")
                .param("c", admin.companyId()).param("e", admin.id()).query(Long.class).single();
        asAdmin = http.withToken(tokens.issue(admin.id(), admin.companyId(), Role.ADMIN, generation).value());
        sentinel = new Sentinel();
    }

    @AfterEach
    void noConnectionWasOpened() throws IOException {
        sentinel.close();
        assertThat(sentinel.connections.get()).as("connections opened to a provider name").isZero();
    }

    private Map<String, Object> settings(String issuer) {
        Map<String, Object> body = new HashMap<>();
        body.put("provider_name", "Inside Job");
        body.put("issuer", issuer);
        body.put("client_id", "power-pto");
        body.put("client_secret", "secret");
        body.put("email_domain", "inside-" + admin.companyId().toString().substring(0, 8) + ".example");
        return body;
    }

    /** Control: the sentinel does see a plain socket opened to a provider name (a loopback one, so nothing leaves the machine). */
    @Test
    void theSentinelCountsAConnectionToAProviderName() {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new java.net.InetSocketAddress("loopback.test", 9), 2000);
            }
        }).isInstanceOf(IOException.class);
        assertThat(sentinel.connections.get()).isEqualTo(1);
        sentinel.connections.set(0);
    }

    @Test
    void issuersThatResolveToLoopbackPrivateLinkLocalOrMetadataAddressesAreRefusedBeforeAnyConnection() {
        List<String> hosts = List.of("idp.private.test", "idp.office.test", "idp.home.test", "metadata.test", "loopback.test",
                "idp.cgnat.test", "metadata6.test", "loopback6.test", "unspecified.test", "mixed.test",
                "10.20.30.40", "169.254.169.254", "127.0.0.1", "[fd00:ec2::254]", "[::ffff:10.0.0.1]");
        for (String host : hosts) {
            JsonNode refused = asAdmin.put("/api/companies/" + admin.companyId() + "/sso", settings("https://" + host + "/realm"))
                    .expectError(422);
            assertThat(refused.path("code").asText()).as(host).isEqualTo("issuer_refused");
            assertThat(refused.path("error").asText()).as(host).contains("resolves to");
        }
        JsonNode mixed = asAdmin.put("/api/companies/" + admin.companyId() + "/sso", settings("https://mixed.test/realm"))
                .expectError(422);
        assertThat(mixed.path("error").asText()).contains("a private address").contains("10.1.1.1");
        JsonNode metadata = asAdmin.put("/api/companies/" + admin.companyId() + "/sso", settings("https://metadata.test/"))
                .expectError(422);
        assertThat(metadata.path("error").asText()).contains("link-local");
        // Plain http outside development, even to a name that would otherwise be fine to look up.
        JsonNode plain = asAdmin.put("/api/companies/" + admin.companyId() + "/sso", settings("http://idp.example.com/realm"))
                .expectError(422);
        assertThat(plain.path("error").asText()).contains("not an https URL");
        assertThat(jdbc.sql("SELECT count(*) FROM company_sso WHERE company_id = :c").param("c", admin.companyId())
                .query(Long.class).single()).as("nothing saved").isZero();
    }

    @Test
    void aStoredDocumentWhoseEndpointsPointInsideIsNotUsedAndKeysAreNeverFetchedThere() throws Exception {
        String issuer = "https://idp.example.com/realm";
        String document = """
                {"issuer": "%s", "authorization_endpoint": "https://idp.example.com/authorize",
                 "token_endpoint": "https://metadata.test/latest/meta-data/iam/security-credentials/",
                 "jwks_uri": "https://idp.private.test/keys", "response_types_supported": ["code"],
                 "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"]}
                """.formatted(issuer);
        // As a refresh by an older release, or a hand-made row, could have left it.
        jdbc.sql("""
                INSERT INTO company_sso (company_id, provider_name, issuer, client_id, client_secret_ciphertext, email_domain,
                                         provider_metadata, metadata_fetched_at)
                VALUES (:c, 'Inside Job', :issuer, 'power-pto', :secret, :domain, :doc, now())
                """).param("c", admin.companyId()).param("secret", box.seal("oidc-client-secret:" + admin.companyId(), "secret")).param("issuer", issuer).param("doc", document)
                .param("domain", "stored-" + admin.companyId().toString().substring(0, 8) + ".example").update();
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + SsoService.START_PATH
                + admin.companyId() + "?tab_nonce=" + "n".repeat(43))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.headers().firstValue("Location").orElseThrow()).isEqualTo("/sign-in/sso#error=sso_unavailable");

        // The ID token's keys go through the same checks (Spring's decoder, our client).
        ClientRegistration registration = ClientRegistration.withRegistrationId(admin.companyId().toString())
                .clientId("power-pto").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://pto.example.com/cb").authorizationUri("https://idp.example.com/authorize")
                .tokenUri("https://idp.example.com/token").jwkSetUri("https://metadata.test/jwks").issuerUri(issuer).build();
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID("k1").build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(issuer).subject("x").audience("power-pto").build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(generator.generateKeyPair().getPrivate()));
        String idToken = jwt.serialize();
        assertThatThrownBy(() -> providerCalls.createDecoder(registration).decode(idToken))
                .hasStackTraceContaining("resolves to a link-local address");
    }

    @Test
    void theStartIsLimitedPerAddressAndPerCompanyWhereverTheRequestsLand() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        UUID company = UUID.randomUUID();
        // Per address: 3 starts a minute (this context's setting) from the address the ALB appended.
        for (int i = 0; i < 3; i++) {
            assertThat(start(browser, company, "198.51.100.7")).isEqualTo("/sign-in/sso#error=sso_not_configured");
        }
        assertThat(start(browser, company, "10.0.0.1, 198.51.100.7")).isEqualTo("/sign-in/sso#error=too_many_attempts");
        // Per company: 5 a minute whatever the addresses (two were taken above).
        UUID busy = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(start(browser, busy, "203.0.113." + (20 + i))).isEqualTo("/sign-in/sso#error=sso_not_configured");
        }
        assertThat(start(browser, busy, "203.0.113.99")).isEqualTo("/sign-in/sso#error=too_many_attempts");
    }

    private String start(HttpClient browser, UUID company, String forwardedFor) throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + SsoService.START_PATH
                + company + "?tab_nonce=" + "n".repeat(43))).header("X-Forwarded-For", forwardedFor).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
