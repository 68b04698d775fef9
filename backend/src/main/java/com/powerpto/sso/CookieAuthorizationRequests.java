package com.powerpto.sso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.security.SecretBox;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Keeps the OAuth2 authorization request (state, nonce, PKCE verifier, company) between the start
 * of a single sign-on and the provider's callback in the browser, not in a server session: a
 * short-lived cookie, sealed with {@link SecretBox} (AES-256-GCM under {@code PTO_SECRETS_KEY},
 * its own associated data so no other sealed value passes for one). Any API task behind the load
 * balancer can finish a sign-in another one started, without sticky sessions and without memory
 * that grows with abandoned sign-ins.
 * <p>
 * The cookie is HttpOnly, SameSite=Lax (the provider's redirect back is a top-level GET, which
 * Lax allows), Secure outside development, scoped to {@code /api/auth/oidc/}, and lives 10
 * minutes; the expiry is inside the sealed value too, so an old cookie kept by hand is refused.
 * It is used once: the callback removes it. The state in the callback must equal the sealed one.
 * Two sign-ins started in two tabs: the later one wins, the earlier one is refused as "not started
 * in this browser" and can be started again.
 */
@Component
class CookieAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "pto_oidc_request";
    static final String PATH = "/api/auth/oidc/";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String CONTEXT = "oidc-authorization-request:v1";
    private static final String REMOVED = CookieAuthorizationRequests.class.getName() + ".removed";
    private static final Logger log = LoggerFactory.getLogger(CookieAuthorizationRequests.class);

    private final SecretBox box;
    private final ObjectMapper mapper;
    private final PtoProperties properties;
    private final Clock clock;

    CookieAuthorizationRequests(SecretBox box, ObjectMapper mapper, PtoProperties properties, Clock clock) {
        this.box = box;
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
    }

    /** What is sealed: the request's fields (not Java serialization) and when it stops being usable. */
    record Sealed(String authorizationUri, String clientId, String redirectUri, List<String> scopes, String state,
                  Map<String, Object> additionalParameters, Map<String, Object> attributes, String authorizationRequestUri,
                  Instant expiresAt) {
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null) {
            return null;
        }
        OAuth2AuthorizationRequest stored = read(request);
        return stored != null && state.equals(stored.getState()) ? stored : null;
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorizationRequest == null) {
            write(request, response, "", Duration.ZERO);
            return;
        }
        Sealed sealed = new Sealed(authorizationRequest.getAuthorizationUri(), authorizationRequest.getClientId(),
                authorizationRequest.getRedirectUri(), List.copyOf(authorizationRequest.getScopes()),
                authorizationRequest.getState(), authorizationRequest.getAdditionalParameters(),
                authorizationRequest.getAttributes(), authorizationRequest.getAuthorizationRequestUri(),
                clock.instant().plus(LIFETIME));
        try {
            String value = box.seal(CONTEXT, mapper.writeValueAsString(sealed));
            write(request, response, Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)),
                    LIFETIME);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the authorization request", e);
        }
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest stored = loadAuthorizationRequest(request);
        if (stored != null) {
            write(request, response, "", Duration.ZERO);
            request.setAttribute(REMOVED, stored);
        }
        return stored;
    }

    /** The request the callback used up (for the success handler: its tab nonce), if any. */
    static java.util.Optional<OAuth2AuthorizationRequest> removed(HttpServletRequest request) {
        return request.getAttribute(REMOVED) instanceof OAuth2AuthorizationRequest r ? java.util.Optional.of(r) : java.util.Optional.empty();
    }

    /** The sealed request of this browser; null when absent, tampered with, sealed under another key, or expired. */
    private OAuth2AuthorizationRequest read(HttpServletRequest request) {
        String raw = cookie(request);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Sealed sealed;
        try {
            String value = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            sealed = mapper.readValue(box.open(CONTEXT, value), new TypeReference<Sealed>() { });
        } catch (IllegalArgumentException | IllegalStateException | JsonProcessingException e) {
            log.info("single sign-on callback with an unreadable authorization cookie ({})", e.getClass().getSimpleName());
            return null;
        }
        if (sealed.expiresAt() == null || !clock.instant().isBefore(sealed.expiresAt())) {
            log.info("single sign-on callback after its authorization cookie expired");
            return null;
        }
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(sealed.authorizationUri())
                .clientId(sealed.clientId())
                .redirectUri(sealed.redirectUri())
                .scopes(new LinkedHashSet<>(sealed.scopes()))
                .state(sealed.state())
                .additionalParameters(new LinkedHashMap<>(sealed.additionalParameters()))
                .attributes(new LinkedHashMap<>(sealed.attributes()))
                .authorizationRequestUri(sealed.authorizationRequestUri())
                .build();
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        // Development runs on http://localhost; everywhere else the API is only reached over HTTPS.
        boolean secure = !properties.isDevelopment() || request.isSecure();
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value).httpOnly(true).secure(secure).sameSite("Lax")
                .path(PATH).maxAge(maxAge).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
