package com.powerpto.sso;

import com.powerpto.auth.AccountService;
import com.powerpto.auth.ClientAddress;
import com.powerpto.platform.security.LoginCustomizer;
import com.powerpto.platform.security.SharedRateLimits;
import com.powerpto.platform.security.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * OpenID Connect sign-in with Spring Security's OAuth2 login: {@code GET /api/auth/oidc/start/{cid}}
 * redirects to the company's provider; the provider returns to {@code /api/auth/oidc/callback/{cid}}.
 * Then the verified e-mail is matched to an employee of that company and the app's own access token
 * goes to the web UI in the URL fragment of {@code /sign-in/sso} (never in a query string, so no
 * server or proxy log sees it); a refusal goes there as {@code #error=<code>}, which the page explains.
 * State, nonce and PKCE verifier wait for the callback in a sealed cookie
 * ({@link CookieAuthorizationRequests}), not in a server session, so any API task can finish the
 * sign-in; the provider's access token is not kept at all (we only need who signed in).
 */
@Component
class OidcLogin implements LoginCustomizer {

    static final String LANDING = "/sign-in/sso";
    private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);

    private final CompanyClientRegistrations registrations;
    private final CookieAuthorizationRequests authorizationRequests;
    private final AccountService accounts;
    private final ProviderCalls providerCalls;
    private final SsoStartLimit startLimit;

    OidcLogin(CompanyClientRegistrations registrations, CookieAuthorizationRequests authorizationRequests, AccountService accounts,
              ProviderCalls providerCalls, SharedRateLimits limits, ClientAddress clientAddress,
              @Value("${pto.sso.start-limit-per-company:600}") int startsPerCompany,
              @Value("${pto.sso.start-limit-per-address:60}") int startsPerAddress,
              @Value("${pto.sso.start-limit-window:PT1M}") Duration startWindow) {
        this.registrations = registrations;
        this.authorizationRequests = authorizationRequests;
        this.accounts = accounts;
        this.providerCalls = providerCalls;
        this.startLimit = new SsoStartLimit(limits, clientAddress, startsPerCompany, startsPerAddress, startWindow);
    }

    @Override
    public void customize(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                SsoService.START_PATH.substring(0, SsoService.START_PATH.length() - 1));
        // PKCE on top of the client secret: a stolen authorization code is worthless on its own.
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(o -> o
                .clientRegistrationRepository(registrations)
                .loginPage("/sign-in")
                .authorizationEndpoint(a -> a.authorizationRequestResolver(unknownCompanyFallsThrough(resolver))
                        .authorizationRequestRepository(authorizationRequests))
                .authorizedClientRepository(NOT_KEPT)
                .redirectionEndpoint(r -> r.baseUri(SsoService.CALLBACK_PATH + "*"))
                // Every call to the provider through ProviderHttp: address checks and short timeouts (issue 25).
                .tokenEndpoint(t -> t.accessTokenResponseClient(providerCalls.tokenEndpoint()))
                .userInfoEndpoint(u -> u.oidcUserService(providerCalls.userInfoEndpoint()))
                .successHandler(this::succeeded)
                .failureHandler(this::failed));
        http.addFilterBefore(startLimit, OAuth2AuthorizationRequestRedirectFilter.class);
    }

    /**
     * The provider's access token is of no use after sign-in; Spring's default would keep one per
     * sign-in in memory (or a session) for ever.
     */
    private static final OAuth2AuthorizedClientRepository NOT_KEPT = new OAuth2AuthorizedClientRepository() {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                                         HttpServletResponse response) {
            // not kept
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                                           HttpServletResponse response) {
            // nothing kept
        }
    };

    /**
     * A start for a company without (working) single sign-on is not Spring's 500: the resolver
     * answers "not mine" and {@link SsoController#notStarted} explains it on the landing page.
     */
    private static OAuth2AuthorizationRequestResolver unknownCompanyFallsThrough(OAuth2AuthorizationRequestResolver resolver) {
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                try {
                    return withTabNonce(request, resolver.resolve(request));
                } catch (IllegalArgumentException noSuchRegistration) {
                    return null;
                }
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                try {
                    return withTabNonce(request, resolver.resolve(request, registrationId));
                } catch (IllegalArgumentException noSuchRegistration) {
                    return null;
                }
            }
        };
    }

    /**
     * The start must carry the tab's nonce ({@link TabNonce}); it rides sealed in the authorization
     * cookie to the callback. Without one there is no authorization request, and
     * {@link SsoController#notStarted} explains why.
     */
    private static OAuth2AuthorizationRequest withTabNonce(HttpServletRequest request, OAuth2AuthorizationRequest resolved) {
        if (resolved == null) {
            return null;
        }
        String nonce = request.getParameter(TabNonce.PARAMETER);
        if (!TabNonce.valid(nonce)) {
            return null;
        }
        return OAuth2AuthorizationRequest.from(resolved).attributes(a -> a.put(TabNonce.ATTRIBUTE, nonce)).build();
    }

    private void succeeded(HttpServletRequest request, HttpServletResponse response,
                           org.springframework.security.core.Authentication authentication) throws IOException {
        end();
        if (!(authentication instanceof OAuth2AuthenticationToken token) || !(token.getPrincipal() instanceof OidcUser user)) {
            redirect(response, "#error=unsupported");
            return;
        }
        UUID companyId = UUID.fromString(token.getAuthorizedClientRegistrationId());
        if (user.getEmail() == null || !Boolean.TRUE.equals(user.getEmailVerified())) {
            log.info("single sign-on refused in company {}: the provider did not vouch for an e-mail address", companyId);
            redirect(response, "#error=unverified_email");
            return;
        }
        Object nonce = CookieAuthorizationRequests.removed(request).map(r -> r.getAttributes().get(TabNonce.ATTRIBUTE)).orElse(null);
        if (!(nonce instanceof String tabNonce) || !TabNonce.valid(tabNonce)) {
            log.info("single sign-on refused in company {}: the start carried no tab nonce", companyId);
            redirect(response, "#error=sso_start_invalid");
            return;
        }
        try {
            TokenService.IssuedToken issued = accounts.signInWithSso(companyId, user.getEmail());
            // The tab's nonce next to the token: the landing page takes only a token its own tab asked for.
            redirect(response, "#access_token=" + issued.value() + "&token_type=bearer&expires_in=" + issued.expiresIn()
                    + "&" + TabNonce.PARAMETER + "=" + tabNonce);
        } catch (AccountService.SsoRefused refused) {
            log.info("single sign-on refused in company {}: {}", companyId, refused.code());
            redirect(response, "#error=" + refused.code());
        }
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        end();
        String code = e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "sign_in_failed";
        log.info("single sign-on failed: {}", code);
        redirect(response, "#error=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    /** Spring's authentication is only the way in: the app's own token is the session. */
    private static void end() {
        SecurityContextHolder.clearContext();
    }

    private static void redirect(HttpServletResponse response, String fragment) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(LANDING + fragment);
    }
}
