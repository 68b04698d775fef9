package com.powerpto.sso;

import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring Security's three calls to a provider, each through {@link ProviderHttp} (address checks,
 * timeouts; issue 25): the code exchange at the token endpoint, the ID token's keys (JWKS) and the
 * user-info endpoint. Otherwise as Spring's defaults: the same converters and error handling, and
 * the ID token checked like {@link OidcIdTokenDecoderFactory} does (RS256, issuer, audience,
 * expiry). Spring's OAuth2 login finds this {@link JwtDecoderFactory} as the only bean of its type.
 */
@Component
class ProviderCalls implements JwtDecoderFactory<ClientRegistration> {

    private static final int MAX_DECODERS = 1000;

    private final ProviderHttp http;
    private final RestTemplate keys;
    private final RestTemplate userInfo;
    /** One decoder (and so one cached key set) per company, client and key location. */
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    ProviderCalls(ProviderHttp http) {
        this.http = http;
        this.keys = new RestTemplate(http.requestFactory());
        this.userInfo = new RestTemplate(http.requestFactory());
        this.userInfo.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
    }

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        String key = registration.getRegistrationId() + " " + registration.getClientId() + " "
                + registration.getProviderDetails().getIssuerUri() + " " + registration.getProviderDetails().getJwkSetUri();
        if (decoders.size() >= MAX_DECODERS) {
            decoders.clear();
        }
        return decoders.computeIfAbsent(key, k -> idTokenDecoder(registration));
    }

    private JwtDecoder idTokenDecoder(ClientRegistration registration) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(keys)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                new OidcIdTokenValidator(registration)));
        decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
        return decoder;
    }

    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenEndpoint() {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .requestFactory(http.requestFactory())
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return client;
    }

    OidcUserService userInfoEndpoint() {
        DefaultOAuth2UserService users = new DefaultOAuth2UserService();
        users.setRestOperations(userInfo);
        OidcUserService oidc = new OidcUserService();
        oidc.setOauth2UserService(users);
        return oidc;
    }
}
