package com.powerpto.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.config.StartupCheck;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
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

/**
 * Issues and verifies HS256 access tokens signed with JWT_SECRET; the algorithm is pinned. Each
 * token names its environment in {@code iss} and {@code aud} (a token of another environment is
 * refused even if the key were shared) and carries the account's session generation
 * ({@code sgen}): raising the generation ends every token issued before (issue 16).
 */
@Component
public class TokenService {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final List<String> REQUIRED_CLAIMS = List.of("sub", "company_id", "role", "exp", "iat", "sgen");
    static final String GENERATION = "sgen";
    /** How the person signed in (RFC 8176's claim): {@code pwd} for a password, {@code sso} for single sign-on. */
    static final String METHOD = "amr";

    /** How a token's holder signed in; tokens issued before the claim existed count as {@link #PASSWORD}. */
    public enum SignIn {
        PASSWORD("pwd"), SINGLE_SIGN_ON("sso");

        private final String claim;

        SignIn(String claim) {
            this.claim = claim;
        }

        static SignIn of(List<String> methods) {
            return methods != null && methods.contains(SINGLE_SIGN_ON.claim) && !methods.contains(PASSWORD.claim)
                    ? SINGLE_SIGN_ON : PASSWORD;
        }
    }

    private final byte[] secret;
    private final long ttlSeconds;
    private final JwtDecoder decoder;
    private final Clock clock;
    private final String issuer;
    private final String audience;

    public TokenService(PtoProperties properties, Clock clock) {
        this.secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
        this.ttlSeconds = properties.jwtTtlSeconds();
        if (ttlSeconds < StartupCheck.MIN_JWT_TTL_SECONDS || ttlSeconds > StartupCheck.MAX_JWT_TTL_SECONDS) {
            throw new IllegalStateException("PTO_JWT_TTL_SECONDS must be from " + StartupCheck.MIN_JWT_TTL_SECONDS
                    + " to " + StartupCheck.MAX_JWT_TTL_SECONDS + " (got " + ttlSeconds + ")");
        }
        this.clock = clock;
        this.issuer = issuerFor(properties.environment());
        this.audience = audienceFor(properties.environment());
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        // The default converter invents an iat (exp - 1 s) when a token has none; refuse those instead.
        MappedJwtClaimSetConverter defaults = MappedJwtClaimSetConverter.withDefaults(java.util.Map.of());
        nimbus.setClaimSetConverter(claims -> {
            if (!claims.containsKey(JwtClaimNames.IAT)) {
                throw new BadJwtException("missing claim iat");
            }
            return defaults.convert(claims);
        });
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, this::notIssuedInTheFuture,
                TokenService::requiredClaims,
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        this.decoder = nimbus;
    }

    public record IssuedToken(String value, long expiresIn) {
    }

    /** A verified token: its caller, the session generation it was issued in, when it was issued and how. */
    public record VerifiedToken(Caller caller, long generation, Instant issuedAt, SignIn signIn) {
    }

    public static String issuerFor(String environment) {
        return "power-pto/" + environment;
    }

    public static String audienceFor(String environment) {
        return "power-pto-api/" + environment;
    }

    /** A token of session generation 0 (a fresh account); sign-in passes the account's generation. */
    public IssuedToken issue(UUID userId, UUID companyId, Role role) {
        return issue(userId, companyId, role, 0L);
    }

    public IssuedToken issue(UUID userId, UUID companyId, Role role, long generation) {
        return issue(userId, companyId, role, generation, SignIn.PASSWORD);
    }

    public IssuedToken issue(UUID userId, UUID companyId, Role role, long generation, SignIn signIn) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .claim(GENERATION, generation)
                .claim(METHOD, List.of(signIn.claim))
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
        return decode(token).caller();
    }

    /** As {@link #verify} with the session generation and issue time the caller checks need. */
    public VerifiedToken decode(String token) {
        try {
            Jwt jwt = decoder.decode(token);
            Caller caller = new Caller(UUID.fromString(jwt.getSubject()),
                    UUID.fromString(jwt.getClaimAsString("company_id")),
                    Role.parse(jwt.getClaimAsString("role")));
            Object generation = jwt.getClaim(GENERATION);
            if (!(generation instanceof Number number) || jwt.getIssuedAt() == null) {
                throw new InvalidTokenException();
            }
            return new VerifiedToken(caller, number.longValue(), jwt.getIssuedAt(), SignIn.of(methods(jwt)));
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidTokenException();
        }
    }

    /**
     * Spring's timestamp check reads only {@code exp} and {@code nbf}: a token "issued" tomorrow
     * would pass, and would count as a fresh sign-in for step-up until then (issue 25, finding 14).
     * The same skew as for expiry allows for the clocks of two API tasks.
     */
    private OAuth2TokenValidatorResult notIssuedInTheFuture(Jwt jwt) {
        Instant issued = jwt.getIssuedAt();
        if (issued != null && issued.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "iat is in the future", null));
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** Whether a token issued at {@code issuedAt} is a sign-in within {@code window} of now (never when issued "later"). */
    public boolean issuedWithin(Instant issuedAt, Duration window) {
        Instant now = clock.instant();
        return issuedAt != null && !issuedAt.isBefore(now.minus(window)) && !issuedAt.isAfter(now.plus(CLOCK_SKEW));
    }

    private static List<String> methods(Jwt jwt) {
        Object methods = jwt.getClaim(METHOD);
        return methods instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
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
