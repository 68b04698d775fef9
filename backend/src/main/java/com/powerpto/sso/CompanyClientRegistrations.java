package com.powerpto.sso;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * One OAuth2 client registration per company, its registration id = the company id, built on
 * demand from the company's settings and the provider's discovery document as stored when the
 * settings were saved or last refreshed (issue 25: never fetched on a sign-in start). Spring
 * Security's OAuth2 login does the rest: state, nonce, PKCE, code exchange, ID token signature,
 * issuer, audience and expiry checks — its calls to the provider go through {@link ProviderHttp}.
 */
@Component
class CompanyClientRegistrations implements ClientRegistrationRepository {

    static final String REDIRECT_TEMPLATE = "{baseUrl}" + SsoService.CALLBACK_PATH + "{registrationId}";
    private static final Logger log = LoggerFactory.getLogger(CompanyClientRegistrations.class);

    private final SsoService sso;
    private final ProviderMetadata providers;

    CompanyClientRegistrations(SsoService sso, ProviderMetadata providers) {
        this.sso = sso;
        this.providers = providers;
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
            if (client.metadata() == null) {
                log.warn("single sign-on of company {}: no provider document yet (the background refresh fetches it)", companyId);
                return null;
            }
            try {
                return registration(registrationId, client, providers.parse(client.issuer(), client.metadata()));
            } catch (ProviderMetadata.Problem problem) {
                log.warn("single sign-on of company {}: the stored provider document is not usable ({})", companyId, problem.getMessage());
                return null;
            }
        }).orElse(null);
    }

    private static ClientRegistration registration(String registrationId, SsoService.Client client, OIDCProviderMetadata metadata) {
        return ClientRegistration.withRegistrationId(registrationId)
                .clientName(client.providerName())
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT_TEMPLATE)
                .scope("openid", "email", "profile")
                .authorizationUri(metadata.getAuthorizationEndpointURI().toASCIIString())
                .tokenUri(metadata.getTokenEndpointURI().toASCIIString())
                .jwkSetUri(metadata.getJWKSetURI().toASCIIString())
                .userInfoUri(metadata.getUserInfoEndpointURI() == null ? null : metadata.getUserInfoEndpointURI().toASCIIString())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(client.issuer())
                .providerConfigurationMetadata(metadata.toJSONObject())
                .build();
    }
}
