package com.powerpto.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
import com.powerpto.platform.security.TokenService;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 (2, 3, 4): every event that must end a person's sessions ends every token at the next
 * request; setting a password needs re-authentication; one e-mail normalisation everywhere.
 */
class SessionsApiTest extends AuthApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    SessionsEndedRecorder recorder;

    private static final String NEW_PASSWORD = "a completely new passphrase";

    private int me(String token) {
        return http.withToken(token).get("/api/auth/me").status();
    }

    private Person colleagueOf(Person admin) {
        Person person = addEmployee(admin.companyId(), Role.EMPLOYEE);
        accounts.setPassword(person.companyId(), person.id(), Role.EMPLOYEE, PASSWORD);
        return person;
    }

    /** A valid token of this account's current generation, issued {@code secondsAgo} ago. */
    private String tokenIssuedAgo(Person person, long secondsAgo) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", person.id().toString());
        claims.put("company_id", person.companyId().toString());
        claims.put("role", person.role().claim());
        claims.put("iat", now - secondsAgo);
        claims.put("exp", now + 600);
        claims.put("iss", TokenService.issuerFor(properties.environment()));
        claims.put("aud", TokenService.audienceFor(properties.environment()));
        claims.put("sgen", jdbc.sql("SELECT session_generation FROM accounts WHERE company_id = :c AND employee_id = :e")
                .param("c", person.companyId()).param("e", person.id()).query(Long.class).single());
        return TokenApiTest.Jwts.hmac("HS256", properties.jwtSecret(), claims);
    }

    @Test
    void aPasswordChangeEndsEveryTokenOfTheAccount() {
        Person employee = newAccount(Role.EMPLOYEE);
        String laptop = tokenFor(employee);
        String phone = tokenFor(employee);
        http.withToken(laptop).post("/api/auth/change-password",
                Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD)).expect(204);
        assertThat(me(phone)).isEqualTo(401);
        assertThat(me(laptop)).isEqualTo(401);
        String fresh = login(emailOf(employee.id()), NEW_PASSWORD).expectJson(200).path("access_token").asText();
        assertThat(me(fresh)).isEqualTo(200);
        assertThat(recorder.all().stream()).anyMatch(e -> e.employeeId().equals(employee.id())
                && e.reason() == SessionsEnded.Reason.PASSWORD_CHANGED && e.actorId().equals(employee.id()));
    }

    @Test
    void signOutEverywhereEndsEveryTokenIncludingTheCurrentOne() {
        Person employee = newAccount(Role.EMPLOYEE);
        String laptop = tokenFor(employee);
        String phone = tokenFor(employee);
        http.withToken(phone).post("/api/auth/sign-out-everywhere", null).expect(204);
        assertThat(me(phone)).isEqualTo(401);
        assertThat(me(laptop)).isEqualTo(401);
        assertThat(me(tokenFor(employee))).isEqualTo(200);
        http.post("/api/auth/sign-out-everywhere", null).expectError(401);
    }

    @Test
    void anAdminSignsSomeoneOutEverywhereAudited() {
        Person admin = newAccount(Role.ADMIN);
        Person employee = colleagueOf(admin);
        String token = tokenFor(employee);
        Http asAdmin = http.withToken(tokenFor(admin));
        asAdmin.post(accountPath(employee) + "/sign-out-everywhere", null).expect(204);
        assertThat(me(token)).isEqualTo(401);
        assertThat(recorder.all().stream()).anyMatch(e -> e.employeeId().equals(employee.id())
                && e.reason() == SessionsEnded.Reason.SIGNED_OUT_EVERYWHERE && e.actorId().equals(admin.id()));
        JsonNode audit = asAdmin.get("/api/companies/" + admin.companyId() + "/audit-log?entity_type=EMPLOYEE&entity_id="
                + employee.id()).expectJson(200);
        assertThat(audit.toString()).contains("\"sessions\":\"ended\"");
        http.withToken(tokenFor(employee)).post(accountPath(admin) + "/sign-out-everywhere", null).expectError(403);
    }

    @Test
    void deactivationEndsTokensAtTheNextRequestWithdrawsInvitesAndReactivationDoesNotReviveThem() {
        Person admin = newAccount(Role.ADMIN);
        Person employee = colleagueOf(admin);
        String token = tokenFor(employee);
        Http asAdmin = http.withToken(tokenFor(admin));
        JsonNode off = asAdmin.post(accountPath(employee) + "/deactivate", null).expectJson(200);
        assertThat(off.path("active").asBoolean()).isFalse();
        assertThat(me(token)).isEqualTo(401);
        login(emailOf(employee.id()), PASSWORD).expectError(401);
        JsonNode on = asAdmin.post(accountPath(employee) + "/reactivate", null).expectJson(200);
        assertThat(on.path("active").asBoolean()).isTrue();
        assertThat(me(token)).isEqualTo(401);
        assertThat(me(tokenFor(employee))).isEqualTo(200);

        // A pending invitation is withdrawn by a deactivation.
        Person invited = addEmployee(admin.companyId(), Role.EMPLOYEE);
        String invite = asAdmin.put(accountPath(invited), Map.of("role", "employee")).expectJson(200).path("invite_token").asText();
        asAdmin.post(accountPath(invited) + "/deactivate", null).expect(200);
        http.post("/api/auth/accept-invite", Map.of("token", invite, "password", NEW_PASSWORD)).expectError(400);

        JsonNode audit = asAdmin.get("/api/companies/" + admin.companyId() + "/audit-log?entity_type=EMPLOYEE&entity_id="
                + employee.id()).expectJson(200);
        assertThat(audit.toString()).contains("\"active\":false").contains("\"active\":true");
        asAdmin.post(accountPath(admin) + "/deactivate", null).expectError(400);
        asAdmin.post(accountPath(addEmployee(admin.companyId(), Role.EMPLOYEE)) + "/deactivate", null).expectError(404);
    }

    @Test
    void settingSomeonesPasswordNeedsARecentSignInOrTheAdminsCurrentPassword() {
        Person admin = newAccount(Role.ADMIN);
        Person employee = colleagueOf(admin);
        String employeeToken = tokenFor(employee);
        Map<String, Object> body = Map.of("role", "employee", "password", NEW_PASSWORD);

        Http stale = http.withToken(tokenIssuedAgo(admin, 6 * 60));
        JsonNode refused = stale.put(accountPath(employee), body).expectError(403);
        assertThat(refused.path("error").asText()).contains("current_password");
        assertThat(me(employeeToken)).as("nothing changed").isEqualTo(200);
        stale.put(accountPath(employee), Map.of("role", "employee", "password", NEW_PASSWORD, "current_password", "wrong one!"))
                .expectError(400);
        stale.put(accountPath(employee), Map.of("role", "employee", "password", NEW_PASSWORD, "current_password", PASSWORD))
                .expect(200);
        assertThat(me(employeeToken)).as("an admin-set password ends the person's tokens").isEqualTo(401);
        login(emailOf(employee.id()), NEW_PASSWORD).expect(200);
        assertThat(recorder.all().stream()).anyMatch(e -> e.employeeId().equals(employee.id())
                && e.reason() == SessionsEnded.Reason.PASSWORD_SET);

        Http recent = http.withToken(tokenIssuedAgo(admin, 4 * 60));
        recent.put(accountPath(employee), Map.of("role", "employee", "password", PASSWORD)).expect(200);
        // Role changes and invitations need it too since issue 25 (StepUpApiTest).
        stale.put(accountPath(employee), Map.of("role", "manager")).expectError(403);
    }

    @Test
    void oneNormalisationForStorageLookupAndThrottling() {
        Person admin = fixtures.newCompanyAdmin();
        java.util.UUID id = java.util.UUID.randomUUID();
        String stored = "İnci." + id + "@Example.com";
        insertEmployee(admin.companyId(), id, stored);
        accounts.setPassword(admin.companyId(), id, Role.EMPLOYEE, PASSWORD);
        // Locale.ROOT lower case of İ is i + U+0307; NFKC folds the full-width letters.
        String lower = "i\u0307nci." + id + "@example.com";
        String fullWidth = "\uFF29\u0307NCI." + id + "@\uFF25XAMPLE.COM";
        for (String spelling : new String[]{stored, stored.toUpperCase(java.util.Locale.ROOT), lower, fullWidth}) {
            login(spelling, PASSWORD).expect(200);
        }
        login("inci." + id + "@example.com", PASSWORD).expectError(401);
        // Every spelling that signs in shares one throttle bucket: five failures in any mix lock all.
        String[] spellings = {stored, lower, fullWidth, stored.toUpperCase(java.util.Locale.ROOT), " " + lower + " "};
        for (String spelling : spellings) {
            login(spelling, "wrong password!").expectError(401);
        }
        login(lower, PASSWORD).expectError(429);
        login(fullWidth, PASSWORD).expectError(429);
    }
}
