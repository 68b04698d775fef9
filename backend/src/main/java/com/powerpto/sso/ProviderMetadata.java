package com.powerpto.sso;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.powerpto.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's OpenID Connect discovery document, fetched through {@link ProviderHttp} when an
 * admin saves the settings and by the background refresh — never on an anonymous sign-in start
 * (issue 25, finding 3: each start fetched it, and a slow issuer held request threads). Checked
 * like Spring's own discovery (the document's issuer is exactly the configured one; authorization,
 * token and key endpoints present), plus: those endpoints are https outside development, and the
 * ones the API itself calls (token, keys, user info) pass the address checks.
 */
@Component
class ProviderMetadata {

    static final int MAX_BYTES = 256 * 1024;
    static final String WELL_KNOWN = "/.well-known/openid-configuration";

    private final ProviderHttp http;

    ProviderMetadata(ProviderHttp http) {
        this.http = http;
    }

    /** Why the provider's document cannot be used; {@code code} is the API error's code. */
    static final class Problem extends Exception {
        private final String code;

        Problem(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }

        ApiException asApiError() {
            return ApiException.of(HttpStatus.UNPROCESSABLE_ENTITY, code, "issuer: " + getMessage());
        }
    }

    /** The validated document as JSON text, fetched from {@code issuer}'s well-known address. */
    String fetch(String issuer) throws Problem {
        URI location = URI.create(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) + WELL_KNOWN : issuer + WELL_KNOWN);
        byte[] body;
        try {
            body = http.get(location, MAX_BYTES);
        } catch (ProviderHttp.Refused refused) {
            throw new Problem("issuer_refused", refused.getMessage());
        } catch (IOException e) {
            throw new Problem("issuer_unreachable", "the discovery document at " + location + " could not be fetched ("
                    + describe(e) + ")");
        }
        String json = new String(body, StandardCharsets.UTF_8);
        parse(issuer, json);
        return json;
    }

    /** The document as stored, checked again (a row written by an older release, or by hand). */
    OIDCProviderMetadata parse(String issuer, String json) throws Problem {
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.parse(json);
        } catch (ParseException e) {
            throw new Problem("issuer_invalid", "the discovery document is not OpenID Connect metadata (" + e.getMessage() + ")");
        }
        if (!issuer.equals(metadata.getIssuer().getValue())) {
            throw new Problem("issuer_invalid", "the discovery document names the issuer " + metadata.getIssuer().getValue()
                    + ", not " + issuer);
        }
        if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getJWKSetURI() == null) {
            throw new Problem("issuer_invalid", "the discovery document lacks the authorization, token or jwks_uri endpoint");
        }
        List<URI> called = new ArrayList<>(List.of(metadata.getTokenEndpointURI(), metadata.getJWKSetURI()));
        if (metadata.getUserInfoEndpointURI() != null) {
            called.add(metadata.getUserInfoEndpointURI());
        }
        try {
            // The browser goes to the authorization endpoint, the API never does: only its scheme matters here.
            http.checkScheme(metadata.getAuthorizationEndpointURI());
        } catch (ProviderHttp.Refused refused) {
            throw new Problem("issuer_refused", "the authorization endpoint " + refused.getMessage());
        }
        for (URI endpoint : called) {
            try {
                http.check(endpoint);
            } catch (ProviderHttp.Refused refused) {
                throw new Problem("issuer_refused", refused.getMessage());
            }
        }
        return metadata;
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        String message = e.getMessage();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
