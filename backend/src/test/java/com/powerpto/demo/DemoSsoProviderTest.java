package com.powerpto.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.config.PtoProperties;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16: the local provider of `make run` — runs only in development, and the e-mail typed
 * into its login page comes back as the verified {@code email} claim of a signed ID token
 * (the stock login page only sets the subject). The browser side is e2e scenario 16.
 */
class DemoSsoProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static PtoProperties environment(String name) {
        return new PtoProperties(name, "test", "all", List.of(), "x".repeat(32), 3600, "y".repeat(32), 1_000_000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void outsideDevelopmentNothingListens() throws Exception {
        int port = freePort();
        for (String env : new String[]{"staging", "production", null}) {
            DemoSsoProvider provider = new DemoSsoProvider(environment(env), null, port);
            assertThat(provider.startServer()).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aPortInUseLeavesTheProviderOffAndTheAppStarting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            DemoSsoProvider provider = new DemoSsoProvider(environment("development"), null, taken.getLocalPort());
            try {
                assertThat(provider.startServer()).isFalse();
                // The ready event's listener: logs and carries on (it never reaches the demo company's settings).
                assertThatCode(provider::start).doesNotThrowAnyException();
            } finally {
                provider.destroy();
            }
            assertThat(taken.isBound()).isTrue();
        }
    }

    @Test
    void theEmailTypedIntoItsLoginPageBecomesTheVerifiedEmailClaim() throws Exception {
        int port = freePort();
        DemoSsoProvider provider = new DemoSsoProvider(environment("development"), null, port);
        assertThat(provider.startServer()).isTrue();
        try {
            JsonNode discovery = JSON.readTree(get(provider.issuer() + "/.well-known/openid-configuration").body());
            assertThat(discovery.path("issuer").asText()).isEqualTo(provider.issuer());
            String redirect = "http://localhost:1/api/auth/oidc/callback/demo";
            String authorize = discovery.path("authorization_endpoint").asText() + "?client_id=" + DemoSsoProvider.CLIENT_ID
                    + "&response_type=code&scope=openid%20email&state=the-state&nonce=the-nonce&redirect_uri="
                    + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
            HttpResponse<String> page = get(authorize);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("demo-sso-form").contains("name=\"username\"").contains("email_verified");

            // What the page's script posts for emma@acme.test with "verified" ticked.
            HttpResponse<String> back = post(authorize, "username=" + enc("emma@acme.test") + "&claims="
                    + enc("{\"email\":\"emma@acme.test\",\"email_verified\":true,\"name\":\"emma@acme.test\"}"));
            assertThat(back.statusCode()).isEqualTo(302);
            URI location = URI.create(back.headers().firstValue("Location").orElseThrow());
            assertThat(location.toString()).startsWith(redirect).contains("state=the-state");
            String code = location.getQuery().replaceAll(".*code=([^&]+).*", "$1");

            JsonNode tokens = JSON.readTree(post(discovery.path("token_endpoint").asText(), "grant_type=authorization_code&code="
                    + enc(code) + "&redirect_uri=" + enc(redirect) + "&client_id=" + DemoSsoProvider.CLIENT_ID
                    + "&client_secret=demo-client-secret").body());
            String[] idToken = tokens.path("id_token").asText().split("\\.");
            assertThat(idToken).hasSize(3);
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(idToken[1]));
            assertThat(claims.path("email").asText()).isEqualTo("emma@acme.test");
            assertThat(claims.path("email_verified").asBoolean()).isTrue();
            assertThat(claims.path("nonce").asText()).isEqualTo("the-nonce");
            assertThat(claims.path("iss").asText()).isEqualTo(provider.issuer());
            assertThat(claims.path("aud").toString()).contains(DemoSsoProvider.CLIENT_ID);
        } finally {
            provider.destroy();
        }
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String uri, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
