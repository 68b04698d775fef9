package com.powerpto.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import com.powerpto.platform.security.Role;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LoginApiTest extends AuthApiTest {

    @Test
    void signInReturnsABearerTokenWithTheContractClaims() throws Exception {
        Person manager = newAccount(Role.MANAGER);
        JsonNode body = login(emailOf(manager.id()), PASSWORD).expectJson(200);
        assertThat(body.path("token_type").asText()).isEqualTo("bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(properties.jwtTtlSeconds());
        SignedJWT jwt = SignedJWT.parse(body.path("access_token").asText());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(manager.id().toString());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("company_id")).isEqualTo(manager.companyId().toString());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("role")).isEqualTo("manager");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isNotNull();
        assertThat(jwt.getJWTClaimsSet().getIssueTime()).isNotNull();

        JsonNode me = http.withToken(body.path("access_token").asText()).get("/api/auth/me").expectJson(200);
        assertThat(me.path("user_id").asText()).isEqualTo(manager.id().toString());
        assertThat(me.path("company_id").asText()).isEqualTo(manager.companyId().toString());
        assertThat(me.path("role").asText()).isEqualTo("manager");
        JsonNode employee = me.path("employee");
        assertThat(employee.path("id").asText()).isEqualTo(manager.id().toString());
        assertThat(employee.path("email").asText()).isEqualTo(emailOf(manager.id()));
        assertThat(employee.path("first_name").asText()).isEqualTo("Ada");
        assertThat(employee.path("pay_type").asText()).isEqualTo("SALARY");
        assertThat(employee.path("workday_minutes").asInt()).isEqualTo(480);
        assertThat(employee.path("timezone").asText()).isEqualTo("UTC");
        assertThat(employee.path("workday_start").asText()).isEqualTo("09:00");
        assertThat(employee.path("work_days").toString()).isEqualTo("[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"]");
        assertThat(employee.has("hire_date")).isTrue();
        assertThat(employee.has("manager_id")).isTrue();
    }

    @Test
    void emailIsCaseInsensitiveAndTrimmed() {
        Person employee = newAccount(Role.EMPLOYEE);
        login("  " + emailOf(employee.id()).toUpperCase() + " ", PASSWORD).expect(200);
    }

    @Test
    void everyRefusalIsTheSameGeneric401() {
        Person wrongPassword = newAccount(Role.EMPLOYEE);
        Person inactive = newAccount(Role.EMPLOYEE);
        accounts.setActive(inactive.companyId(), inactive.id(), false);
        Person employeeGone = newAccount(Role.EMPLOYEE);
        jdbc.sql("UPDATE employees SET active = false WHERE company_id = :c AND id = :id")
                .param("c", employeeGone.companyId()).param("id", employeeGone.id()).update();
        Person invited = newEmployee(Role.EMPLOYEE);
        accounts.createInvite(invited.companyId(), invited.id(), Role.EMPLOYEE);

        Map<String, Http.Response> answers = new LinkedHashMap<>();
        answers.put("unknown e-mail", login("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD));
        answers.put("wrong password", login(emailOf(wrongPassword.id()), PASSWORD + "!"));
        answers.put("inactive account", login(emailOf(inactive.id()), PASSWORD));
        answers.put("inactive employee", login(emailOf(employeeGone.id()), PASSWORD));
        answers.put("no password yet", login(emailOf(invited.id()), PASSWORD));
        answers.put("empty password", login(emailOf(wrongPassword.id()), ""));
        answers.forEach((why, response) -> {
            JsonNode error = response.expectError(401);
            assertThat(error.path("error").asText()).as(why).isEqualTo("invalid email or password");
            assertThat(error.path("detail").isNull()).as(why).isTrue();
        });
    }

    @Test
    void malformedSignInBodiesAre422() {
        http.post("/api/auth/login", Map.of("email", "a@example.com")).expectError(422);
        http.post("/api/auth/login", Map.of("password", PASSWORD)).expectError(422);
        http.post("/api/auth/login", Map.of("email", "a@example.com", "password", PASSWORD, "company_id", "x")).expectError(422);
        http.post("/api/auth/login", "{\"email\": ").expectError(422);
    }

    @Test
    void repeatedFailuresForOneAccountAreThrottledWithRetryAfter() {
        Person employee = newAccount(Role.EMPLOYEE);
        String email = emailOf(employee.id());
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password " + i).expectError(401);
        }
        Http.Response throttled = login(email, PASSWORD);
        JsonNode error = throttled.expectError(429);
        assertThat(error.path("error").asText()).contains("try again");
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(error.path("context").path("retry_after_seconds").asLong()).isEqualTo(retryAfter);

        // Another account from the same address is not affected by this account's lock.
        Person other = newAccount(Role.EMPLOYEE);
        login(emailOf(other.id()), PASSWORD).expect(200);
    }

    @Test
    void unknownEmailsAreThrottledExactlyLikeRealOnes() {
        String email = "ghost-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            login(email, "guess " + i).expectError(401);
        }
        login(email, "guess 6").expectError(429);
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        Person employee = newAccount(Role.EMPLOYEE);
        String email = emailOf(employee.id());
        for (int i = 0; i < 4; i++) {
            login(email, "wrong password " + i).expectError(401);
        }
        login(email, PASSWORD).expect(200);
        for (int i = 0; i < 4; i++) {
            login(email, "wrong again " + i).expectError(401);
        }
        login(email, PASSWORD).expect(200);
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottled() {
        for (int i = 0; i < 20; i++) {
            login("spray-" + i + "-" + UUID.randomUUID() + "@example.com", "password " + i).expectError(401);
        }
        Person employee = newAccount(Role.EMPLOYEE);
        Http.Response throttled = login(emailOf(employee.id()), PASSWORD);
        throttled.expectError(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
    }

    @Test
    void authResponsesCarryTheSecurityHeaders() {
        Person employee = newAccount(Role.EMPLOYEE);
        for (Http.Response response : new Http.Response[]{
                login(emailOf(employee.id()), PASSWORD),
                login(emailOf(employee.id()), "nope nope nope"),
                http.withToken(tokenFor(employee)).get("/api/auth/me")}) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(response.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void meWorksForDevelopmentHeaderCallersWithoutAnEmployeeRecord() {
        Person admin = fixtures.newCompanyAdmin();
        JsonNode me = http.as(admin).get("/api/auth/me").expectJson(200);
        assertThat(me.path("user_id").asText()).isEqualTo(admin.id().toString());
        assertThat(me.path("role").asText()).isEqualTo("admin");
        assertThat(me.path("employee").isNull()).isTrue();
        http.get("/api/auth/me").expectError(401);
    }

    @Test
    void passwordsAndTokensNeverReachTheLogs(CapturedOutput output) {
        Person employee = newAccount(Role.EMPLOYEE);
        String secretPassword = "Zq8-unique-" + UUID.randomUUID();
        accounts.setPassword(employee.companyId(), employee.id(), Role.EMPLOYEE, secretPassword);
        String wrongPassword = "Wr0ng-unique-" + UUID.randomUUID();
        login(emailOf(employee.id()), wrongPassword).expectError(401);
        String token = login(emailOf(employee.id()), secretPassword).expectJson(200).path("access_token").asText();
        http.withToken(token).get("/api/auth/me").expect(200);
        http.withToken(token + "tampered").get("/api/auth/me").expectError(401);
        Person invited = newEmployee(Role.EMPLOYEE);
        String invite = http.as(adminOf(invited)).put(accountPath(invited), Map.of("role", "employee"))
                .expectJson(200).path("invite_token").asText();
        http.post("/api/auth/accept-invite", Map.of("token", invite, "password", secretPassword + "-2")).expect(204);

        String logs = output.getAll();
        assertThat(logs).contains("sign-in");
        assertThat(logs).doesNotContain(secretPassword).doesNotContain(wrongPassword)
                .doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1))
                .doesNotContain(invite).doesNotContain("Bearer ").doesNotContain(emailOf(employee.id()));
    }
}
