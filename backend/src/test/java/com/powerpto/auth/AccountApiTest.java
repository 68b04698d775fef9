package com.powerpto.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts: admin sets a password or invites; invitation accepted; password changed. */
class AccountApiTest extends AuthApiTest {

    private String storedHash(Person person) {
        return jdbc.sql("SELECT password_hash FROM accounts WHERE company_id = :c AND employee_id = :e")
                .param("c", person.companyId()).param("e", person.id()).query(String.class).optional().orElse(null);
    }

    @Test
    void adminSetsAnInitialPasswordAndThePersonSignsIn() {
        Person employee = newEmployee(Role.EMPLOYEE);
        Http admin = http.as(adminOf(employee));
        admin.get(accountPath(employee)).expectError(404);

        JsonNode account = admin.put(accountPath(employee), Map.of("role", "manager", "password", PASSWORD)).expectJson(200);
        assertThat(account.path("employee_id").asText()).isEqualTo(employee.id().toString());
        assertThat(account.path("email").asText()).isEqualTo(emailOf(employee.id()));
        assertThat(account.path("role").asText()).isEqualTo("manager");
        assertThat(account.path("active").asBoolean()).isTrue();
        assertThat(account.path("has_password").asBoolean()).isTrue();
        assertThat(account.has("invite_token")).isFalse();
        assertThat(account.size()).isEqualTo(5);
        assertThat(admin.get(accountPath(employee)).expectJson(200)).isEqualTo(account);

        String hash = storedHash(employee);
        assertThat(hash).startsWith("{bcrypt-sha256}$2a$12$").doesNotContain(PASSWORD);
        String token = login(emailOf(employee.id()), PASSWORD).expectJson(200).path("access_token").asText();
        assertThat(http.withToken(token).get("/api/auth/me").expectJson(200).path("role").asText()).isEqualTo("manager");
    }

    @Test
    void onlyAnAdminOfTheCompanyManagesAccounts() {
        Person employee = newEmployee(Role.EMPLOYEE);
        Map<String, String> body = Map.of("role", "admin", "password", PASSWORD);
        for (Role role : new Role[]{Role.EMPLOYEE, Role.MANAGER}) {
            Person caller = new Person(employee.companyId(), employee.id(), role);
            http.as(caller).put(accountPath(employee), body).expectError(403);
            http.as(caller).get(accountPath(employee)).expectError(403);
        }
        Person foreignAdmin = fixtures.newCompanyAdmin();
        http.as(foreignAdmin).put(accountPath(employee), body).expectError(403);
        http.put(accountPath(employee), body).expectError(401);
        assertThat(storedHash(employee)).isNull();
    }

    @Test
    void accountInputIsValidated() {
        Person employee = newEmployee(Role.EMPLOYEE);
        Http admin = http.as(adminOf(employee));
        assertThat(admin.put(accountPath(employee), Map.of("role", "employee", "password", "short")).expectError(422)
                .path("error").asText()).startsWith("password:");
        admin.put(accountPath(employee), Map.of("role", "employee", "password", "x".repeat(129))).expectError(422);
        admin.put(accountPath(employee), Map.of("role", "boss", "password", PASSWORD)).expectError(422);
        admin.put(accountPath(employee), Map.of("role", "ADMIN", "password", PASSWORD)).expectError(422);
        admin.put(accountPath(employee), Map.of("password", PASSWORD)).expectError(422);
        admin.put(accountPath(employee), Map.of("role", "employee", "active", true)).expectError(422);
        Person nobody = new Person(employee.companyId(), UUID.randomUUID(), Role.EMPLOYEE);
        admin.put(accountPath(nobody), Map.of("role", "employee", "password", PASSWORD)).expectError(404);
        admin.put(accountPath(employee), Map.of("role", "employee", "password", "y".repeat(128))).expect(200);
    }

    @Test
    void longPasswordsAreComparedInFull() {
        Person employee = newEmployee(Role.EMPLOYEE);
        String base = "p".repeat(100);
        accounts.setPassword(employee.companyId(), employee.id(), Role.EMPLOYEE, base + "A");
        login(emailOf(employee.id()), base + "B").expectError(401);
        login(emailOf(employee.id()), base + "A").expect(200);
    }

    @Test
    void anAdminCannotTakeAwayTheirOwnAdminRole() {
        Person admin = newAccount(Role.ADMIN);
        http.as(admin).put(accountPath(admin), Map.of("role", "employee", "password", PASSWORD)).expectError(400);
        http.as(admin).put(accountPath(admin), Map.of("role", "admin", "password", PASSWORD + "2")).expect(200);
    }

    @Test
    void invitationIsShownOnceStoredHashedAndAcceptedOnce() {
        Person employee = newEmployee(Role.EMPLOYEE);
        Http admin = http.as(adminOf(employee));
        JsonNode created = admin.put(accountPath(employee), Map.of("role", "employee")).expectJson(200);
        String invite = created.path("invite_token").asText();
        assertThat(invite).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.path("active").asBoolean()).isFalse();
        assertThat(created.path("has_password").asBoolean()).isFalse();
        JsonNode shown = admin.get(accountPath(employee)).expectJson(200);
        assertThat(shown.has("invite_token")).isFalse();

        Map<String, Object> row = jdbc.sql("SELECT invite_token_hash, invite_expires_at > now() + interval '6 days 23 hours' AS week FROM accounts WHERE company_id = :c AND employee_id = :e")
                .param("c", employee.companyId()).param("e", employee.id()).query().singleRow();
        assertThat(row.get("invite_token_hash")).isEqualTo(AccountService.sha256(invite));
        assertThat(row.get("week")).isEqualTo(true);

        login(emailOf(employee.id()), PASSWORD).expectError(401);
        http.post("/api/auth/accept-invite", Map.of("token", invite, "password", "short")).expectError(422);
        http.post("/api/auth/accept-invite", Map.of("token", invite, "password", PASSWORD)).expect(204);
        JsonNode after = admin.get(accountPath(employee)).expectJson(200);
        assertThat(after.path("active").asBoolean()).isTrue();
        assertThat(after.path("has_password").asBoolean()).isTrue();
        login(emailOf(employee.id()), PASSWORD).expect(200);

        JsonNode reused = http.post("/api/auth/accept-invite", Map.of("token", invite, "password", "another password!"))
                .expectError(400);
        assertThat(reused.path("error").asText()).contains("invitation");
        login(emailOf(employee.id()), PASSWORD).expect(200);
    }

    @Test
    void expiredOrUnknownInvitationsAreRefused() {
        Person employee = newEmployee(Role.EMPLOYEE);
        String invite = accounts.createInvite(employee.companyId(), employee.id(), Role.EMPLOYEE).inviteToken();
        jdbc.sql("UPDATE accounts SET invite_expires_at = now() - interval '1 minute' WHERE company_id = :c AND employee_id = :e")
                .param("c", employee.companyId()).param("e", employee.id()).update();
        http.post("/api/auth/accept-invite", Map.of("token", invite, "password", PASSWORD)).expectError(400);
        http.post("/api/auth/accept-invite", Map.of("token", "made-up-token", "password", PASSWORD)).expectError(400);
        http.post("/api/auth/accept-invite", Map.of("password", PASSWORD)).expectError(422);
        login(emailOf(employee.id()), PASSWORD).expectError(401);
    }

    @Test
    void aNewInvitationReplacesTheOldOneAndAResetClearsTheOldPasswordAndSessions() {
        Person employee = newAccount(Role.EMPLOYEE);
        String token = tokenFor(employee);
        Http admin = http.as(adminOf(employee));
        String first = admin.put(accountPath(employee), Map.of("role", "employee")).expectJson(200).path("invite_token").asText();
        String second = admin.put(accountPath(employee), Map.of("role", "employee")).expectJson(200).path("invite_token").asText();
        assertThat(second).isNotEqualTo(first);
        // Issue 16 (2): a reset by invitation clears the old password and ends the old tokens at once.
        login(emailOf(employee.id()), PASSWORD).expectError(401);
        http.withToken(token).get("/api/auth/me").expectError(401);
        assertThat(admin.get(accountPath(employee)).expectJson(200).path("has_password").asBoolean()).isFalse();
        http.post("/api/auth/accept-invite", Map.of("token", first, "password", "first new password")).expectError(400);
        http.post("/api/auth/accept-invite", Map.of("token", second, "password", "second new password")).expect(204);
        login(emailOf(employee.id()), PASSWORD).expectError(401);
        login(emailOf(employee.id()), "second new password").expect(200);
    }

    @Test
    void signedInPeopleChangeTheirPasswordWithTheCurrentOne() {
        Person employee = newAccount(Role.EMPLOYEE);
        Http me = http.withToken(tokenFor(employee));
        String changed = "a brand new passphrase";
        JsonNode wrong = me.post("/api/auth/change-password",
                Map.of("current_password", "not my password", "new_password", changed)).expectError(400);
        assertThat(wrong.path("error").asText()).contains("current password");
        me.post("/api/auth/change-password", Map.of("current_password", PASSWORD, "new_password", "short")).expectError(422);
        me.post("/api/auth/change-password", Map.of("current_password", PASSWORD, "new_password", PASSWORD)).expectError(422);
        me.post("/api/auth/change-password", Map.of("new_password", changed)).expectError(422);
        me.post("/api/auth/change-password", Map.of("current_password", PASSWORD, "new_password", changed)).expect(204);
        login(emailOf(employee.id()), PASSWORD).expectError(401);
        login(emailOf(employee.id()), changed).expect(200);

        http.post("/api/auth/change-password", Map.of("current_password", PASSWORD, "new_password", changed)).expectError(401);
        Person noAccount = fixtures.newCompanyAdmin();
        http.as(noAccount).post("/api/auth/change-password", Map.of("current_password", PASSWORD, "new_password", changed))
                .expectError(404);
    }

    @Test
    void guessingTheCurrentPasswordIsThrottled() {
        Person employee = newAccount(Role.EMPLOYEE);
        Http me = http.withToken(tokenFor(employee));
        for (int i = 0; i < 5; i++) {
            me.post("/api/auth/change-password", Map.of("current_password", "guess " + i, "new_password", "whatever123")).expectError(400);
        }
        Http.Response throttled = me.post("/api/auth/change-password", Map.of("current_password", PASSWORD, "new_password", "whatever123"));
        throttled.expectError(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
    }

    @Test
    void theAccountEmailFollowsTheEmployeeEmail() {
        Person employee = newAccount(Role.EMPLOYEE);
        String newEmail = "renamed-" + employee.id() + "@example.com";
        jdbc.sql("UPDATE employees SET email = :email WHERE company_id = :c AND id = :id")
                .param("email", newEmail).param("c", employee.companyId()).param("id", employee.id()).update();
        login(newEmail, PASSWORD).expect(200);
        login(emailOf(employee.id()), PASSWORD).expectError(401);
        assertThat(http.as(adminOf(employee)).get(accountPath(employee)).expectJson(200).path("email").asText()).isEqualTo(newEmail);
    }

    @Test
    void oneEmailInTwoCompaniesSignsIntoTheAccountWhosePasswordMatches() {
        Person first = newEmployee(Role.EMPLOYEE);
        Person second = fixtures.newCompanyAdmin();
        UUID secondId = UUID.randomUUID();
        String shared = "shared-" + first.id() + "@example.com";
        jdbc.sql("UPDATE employees SET email = :email WHERE company_id = :c AND id = :id")
                .param("email", shared).param("c", first.companyId()).param("id", first.id()).update();
        insertEmployee(second.companyId(), secondId, shared);
        accounts.setPassword(first.companyId(), first.id(), Role.EMPLOYEE, "first company password");
        accounts.setPassword(second.companyId(), secondId, Role.ADMIN, "second company password");
        String token = login(shared, "second company password").expectJson(200).path("access_token").asText();
        JsonNode me = http.withToken(token).get("/api/auth/me").expectJson(200);
        assertThat(me.path("company_id").asText()).isEqualTo(second.companyId().toString());
        assertThat(me.path("role").asText()).isEqualTo("admin");
    }

    @Test
    void theDemoLoaderEntryPointValidatesAndActivates() {
        Person employee = newEmployee(Role.EMPLOYEE);
        AccountView view = accounts.setPassword(employee.companyId(), employee.id(), Role.ADMIN, PASSWORD);
        assertThat(view.active()).isTrue();
        assertThat(view.role()).isEqualTo("admin");
        String hash = accounts.hashPassword("demo password 1");
        Person other = addEmployee(employee.companyId(), Role.EMPLOYEE);
        accounts.setPasswordHash(other.companyId(), other.id(), Role.EMPLOYEE, hash);
        login(emailOf(other.id()), "demo password 1").expect(200);
    }
}
