package com.powerpto.sso;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * One OAuth2 client registration per company, its registration id = the company id, built on
 * demand from the company's settings and the provider's discovery document (issuer, endpoints,
 * keys). Spring Security's OAuth2 login does the rest: state, nonce, PKCE, code exchange, ID
 * token signature, issuer, audience and expiry checks.
 */
@Component
class CompanyClientRegistrations implements ClientRegistrationRepository {

    static final String REDIRECT_TEMPLATE = "{baseUrl}" + SsoService.CALLBACK_PATH + "{registrationId}";
    private static final Logger log = LoggerFactory.getLogger(CompanyClientRegistrations.class);

    private final SsoService sso;

    CompanyClientRegistrations(SsoService sso) {
        this.sso = sso;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        UUID companyId;
        try {
            companyId = UUID.fromString(registrationId);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return sso.client(companyId).map(client -> {
            try {
                return ClientRegistrations.fromIssuerLocation(client.issuer())
                        .registrationId(registrationId)
                        .clientId(client.clientId())
                        .clientSecret(client.clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri(REDIRECT_TEMPLATE)
                        .scope("openid", "email", "profile")
                        .build();
            } catch (RuntimeException e) {
                log.warn("single sign-on of company {}: the issuer's discovery document is unavailable ({})",
                        companyId, e.getClass().getSimpleName());
                return null;
            }
        }).orElse(null);
    }
}
