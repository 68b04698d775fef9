package com.powerpto.integration.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Posts JSON to a company's Teams incoming webhook (Teams Workflows). The URL is given by an admin,
 * so it is checked like any server-side fetch of a user-given address: https only outside
 * development, and in staging and production the host must resolve to public addresses only (no
 * loopback, private, link-local or metadata address), when saved and again before each post;
 * redirects are not followed; short timeouts.
 */
@Component
class TeamsWebhook {

    private final boolean development;
    private final HttpClient client;
    private final Duration timeout;

    TeamsWebhook(PtoProperties properties, @Value("${pto.teams.timeout-ms:5000}") int timeoutMs) {
        this.development = properties.isDevelopment();
        this.timeout = Duration.ofMillis(timeoutMs);
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(Math.min(timeoutMs, 3000)))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Refused before a connection is made: the field's 422. */
    URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null
                || !(scheme.equals("https") || development && scheme.equals("http"))) {
            throw invalid();
        }
        if (!development) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (!isPublic(address)) {
                        throw ApiException.invalid("webhook_url", "must be a public address (this host resolves to "
                                + address.getHostAddress() + ")");
                    }
                }
            } catch (UnknownHostException e) {
                throw ApiException.invalid("webhook_url", "names a host that does not resolve");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress a) {
        byte[] b = a.getAddress();
        boolean metadata = b.length == 4 && (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254;
        boolean sharedAddressSpace = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc; // fc00::/7
        return !(a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress() || metadata || sharedAddressSpace || uniqueLocal);
    }

    /** The status Teams answered; 2xx is success (Workflows answers 202). */
    int post(String url, JsonNode message) throws IOException {
        URI uri = check(url);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString(), StandardCharsets.UTF_8)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private ApiException invalid() {
        return ApiException.invalid("webhook_url", development ? "must be an http(s) URL" : "must be the workflow's https URL");
    }
}
