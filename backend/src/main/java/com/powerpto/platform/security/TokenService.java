package com.powerpto.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.powerpto.platform.config.PtoProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Issues and verifies HS256 access tokens signed with JWT_SECRET; the algorithm is pinned. */
@Component
public class TokenService {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final List<String> REQUIRED_CLAIMS = List.of("sub", "company_id", "role", "exp");

    private final byte[] secret;
    private final long ttlSeconds;
    private final JwtDecoder decoder;
    private final Clock clock;

    public TokenService(PtoProperties properties, Clock clock) {
        this.secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
        this.ttlSeconds = properties.jwtTtlSeconds();
        this.clock = clock;
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, TokenService::requiredClaims));
        this.decoder = nimbus;
    }

    public record IssuedToken(String value, long expiresIn) {
    }

    public IssuedToken issue(UUID userId, UUID companyId, Role role) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .claim("company_id", companyId.toString())
                .claim("role", role.claim())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(ttlSeconds)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return new IssuedToken(jwt.serialize(), ttlSeconds);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    /** The caller named by a valid token; {@link InvalidTokenException} for anything else. */
    public Caller verify(String token) {
        try {
            Jwt jwt = decoder.decode(token);
            return new Caller(UUID.fromString(jwt.getSubject()),
                    UUID.fromString(jwt.getClaimAsString("company_id")),
                    Role.parse(jwt.getClaimAsString("role")));
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidTokenException();
        }
    }

    private static OAuth2TokenValidatorResult requiredClaims(Jwt jwt) {
        for (String claim : REQUIRED_CLAIMS) {
            if (!jwt.hasClaim(claim)) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "missing claim " + claim, null));
            }
        }
        return OAuth2TokenValidatorResult.success();
    }

    public static class InvalidTokenException extends RuntimeException {
        InvalidTokenException() {
            super("invalid or expired token", null, false, false);
        }
    }
}
