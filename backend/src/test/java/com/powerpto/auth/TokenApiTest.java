package com.powerpto.auth;

import com.powerpto.platform.security.Role;
import com.powerpto.platform.security.TokenService;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens: signature, algorithm, expiry, claims, and the account behind them. */
class TokenApiTest extends AuthApiTest {

    @Autowired
    TokenService tokens;

    private String secret() {
        return properties.jwtSecret();
    }

    private Map<String, Object> claims(Person person, long expiresInSeconds) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", person.id().toString());
        claims.put("company_id", person.companyId().toString());
        claims.put("role", person.role().claim());
        claims.put("iat", now - 900);
        claims.put("exp", now + expiresInSeconds);
        claims.put("iss", TokenService.issuerFor(properties.environment()));
        claims.put("aud", TokenService.audienceFor(properties.environment()));
        claims.put("sgen", 0);
        return claims;
    }

    private int meStatus(String token) {
        return http.withToken(token).get("/api/auth/me").status();
    }

    private void refused(String why, String token) {
        com.powerpto.support.Http.Response response = http.withToken(token).get("/api/auth/me");
        assertThat(response.status()).as(why + ": " + response.text()).isEqualTo(401);
        response.expectError(401);
    }

    @Test
    void aTokenFromTheServiceIsAccepted() {
        Person employee = newAccount(Role.EMPLOYEE);
        String token = tokens.issue(employee.id(), employee.companyId(), Role.EMPLOYEE).value();
        assertThat(meStatus(token)).isEqualTo(200);
        assertThat(meStatus(Jwts.hmac("HS256", secret(), claims(employee, 600)))).isEqualTo(200);
    }

    @Test
    void expiredTokensAreRefusedButSmallClockSkewIsTolerated() {
        Person employee = newAccount(Role.EMPLOYEE);
        refused("expired two minutes ago", Jwts.hmac("HS256", secret(), claims(employee, -120)));
        assertThat(meStatus(Jwts.hmac("HS256", secret(), claims(employee, -5)))).as("5 s skew").isEqualTo(200);
    }

    @Test
    void forgedAndForeignAlgorithmTokensAreRefused() throws Exception {
        Person employee = newAccount(Role.EMPLOYEE);
        Map<String, Object> claims = claims(employee, 600);
        refused("wrong secret", Jwts.hmac("HS256", "another-secret-of-sufficient-length-0123456789", claims));
        refused("alg none", Jwts.unsigned(claims));
        refused("alg none with a signature", Jwts.unsigned(claims) + "c2lnbmF0dXJl");
        refused("HS512 with the right secret", Jwts.hmac("HS512", secret(), claims));
        refused("HS384 with the right secret", Jwts.hmac("HS384", secret(), claims));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused("RS256", Jwts.rsa(generator.generateKeyPair().getPrivate(), claims));
        String good = Jwts.hmac("HS256", secret(), claims);
        String[] parts = good.split("\\.");
        Map<String, Object> promoted = new LinkedHashMap<>(claims);
        promoted.put("role", "admin");
        refused("payload swapped under a valid signature", parts[0] + "." + Jwts.b64(Jwts.json(promoted)) + "." + parts[2]);
        refused("garbage", "not-a-jwt");
        refused("empty", "");
    }

    @Test
    void tokensMissingARequiredClaimAreRefused() {
        Person employee = newAccount(Role.EMPLOYEE);
        for (String claim : new String[]{"sub", "company_id", "role", "exp", "iat", "iss", "aud", "sgen"}) {
            Map<String, Object> claims = claims(employee, 600);
            claims.remove(claim);
            refused("without " + claim, Jwts.hmac("HS256", secret(), claims));
        }
        Map<String, Object> badRole = claims(employee, 600);
        badRole.put("role", "superuser");
        refused("unknown role", Jwts.hmac("HS256", secret(), badRole));
        Map<String, Object> badSubject = claims(employee, 600);
        badSubject.put("sub", "not-a-uuid");
        refused("subject not a UUID", Jwts.hmac("HS256", secret(), badSubject));
    }

    /** Issue 16 (7): iss and aud name the environment; another environment's token is refused even with the same key. */
    @Test
    void tokensOfAnotherEnvironmentAreRefusedEvenWithTheSameKey() {
        Person employee = newAccount(Role.EMPLOYEE);
        assertThat(meStatus(Jwts.hmac("HS256", secret(), claims(employee, 600)))).isEqualTo(200);
        for (String other : new String[]{"staging", "production"}) {
            Map<String, Object> foreignIssuer = claims(employee, 600);
            foreignIssuer.put("iss", TokenService.issuerFor(other));
            refused(other + " issuer", Jwts.hmac("HS256", secret(), foreignIssuer));
            Map<String, Object> foreignAudience = claims(employee, 600);
            foreignAudience.put("aud", TokenService.audienceFor(other));
            refused(other + " audience", Jwts.hmac("HS256", secret(), foreignAudience));
        }
        String issued = tokens.issue(employee.id(), employee.companyId(), Role.EMPLOYEE).value();
        String payload = new String(Base64.getUrlDecoder().decode(issued.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"iss\":\"power-pto/development\"").contains("\"aud\":\"power-pto-api/development\"");
    }

    /** Issue 16 (2): the session generation in the token must be the account's current one. */
    @Test
    void aTokenOfAnEarlierSessionGenerationIsRefused() {
        Person employee = newAccount(Role.EMPLOYEE);
        Map<String, Object> future = claims(employee, 600);
        future.put("sgen", 1);
        refused("generation the account has not reached", Jwts.hmac("HS256", secret(), future));
        accounts.endAllSessions(employee.companyId(), employee.id());
        refused("generation 0 after sign-out everywhere", Jwts.hmac("HS256", secret(), claims(employee, 600)));
        assertThat(meStatus(Jwts.hmac("HS256", secret(), future))).isEqualTo(200);
    }

    @Test
    void otherAuthorizationSchemesAreRefused() {
        http.header("Authorization", "Basic dXNlcjpwYXNz").get("/api/auth/me").expectError(401);
        http.header("Authorization", "Token abc").get("/api/auth/me").expectError(401);
    }

    @Test
    void aValidSignatureIsNotEnoughWithoutALiveAccount() {
        Person employee = newAccount(Role.EMPLOYEE);
        String token = tokenFor(employee);
        assertThat(meStatus(token)).isEqualTo(200);

        Person stranger = new Person(employee.companyId(), UUID.randomUUID(), Role.EMPLOYEE);
        refused("no such account", tokens.issue(stranger.id(), stranger.companyId(), Role.EMPLOYEE).value());
        refused("right person, wrong company", tokens.issue(employee.id(), UUID.randomUUID(), Role.EMPLOYEE).value());
        refused("role the account does not have", tokens.issue(employee.id(), employee.companyId(), Role.ADMIN).value());

        accounts.setActive(employee.companyId(), employee.id(), false);
        refused("account deactivated after sign-in", token);
        accounts.setActive(employee.companyId(), employee.id(), true);
        refused("reactivation does not revive tokens issued before the deactivation", token);
        String fresh = tokenFor(employee);
        assertThat(meStatus(fresh)).isEqualTo(200);
        token = fresh;

        jdbc.sql("UPDATE employees SET active = false WHERE company_id = :c AND id = :id")
                .param("c", employee.companyId()).param("id", employee.id()).update();
        refused("employee deactivated after sign-in", token);
    }

    @Test
    void aRoleChangeInvalidatesTokensCarryingTheOldRole() {
        Person manager = newAccount(Role.MANAGER);
        String token = tokenFor(manager);
        accounts.setPassword(manager.companyId(), manager.id(), Role.EMPLOYEE, PASSWORD);
        refused("role changed since sign-in", token);
        assertThat(login(emailOf(manager.id()), PASSWORD).expectJson(200).path("access_token").asText()).isNotBlank();
    }

    @Test
    void aTokenOfCompanyAOnCompanyBsPathIs403() {
        Person adminA = newAccount(Role.ADMIN);
        Person employeeB = newEmployee(Role.EMPLOYEE);
        String token = tokenFor(adminA);
        http.withToken(token).get(accountPath(employeeB)).expectError(403);
        http.withToken(token).put(accountPath(employeeB), Map.of("role", "admin")).expectError(403);
        http.withToken(token).get("/api/companies/" + employeeB.companyId() + "/audit-log").expectError(403);
        // ... while the own company works.
        http.withToken(token).get("/api/companies/" + adminA.companyId() + "/audit-log").expect(200);
    }

    /** Builds JWTs by hand so tests can make the ones a library refuses to make. */
    static final class Jwts {

        static String hmac(String alg, String secret, Map<String, Object> claims) {
            String signingInput = b64(json(Map.of("alg", alg, "typ", "JWT"))) + "." + b64(json(claims));
            try {
                String javaName = "Hmac" + alg.replace("HS", "SHA");
                Mac mac = Mac.getInstance(javaName);
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), javaName));
                return signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static String rsa(PrivateKey key, Map<String, Object> claims) throws Exception {
            String signingInput = b64(json(Map.of("alg", "RS256", "typ", "JWT"))) + "." + b64(json(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(signature.sign());
        }

        static String unsigned(Map<String, Object> claims) {
            return b64(json(Map.of("alg", "none", "typ", "JWT"))) + "." + b64(json(claims)) + ".";
        }

        static byte[] json(Map<String, Object> value) {
            try {
                return com.powerpto.support.Http.JSON.writeValueAsBytes(value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static String b64(byte[] bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
