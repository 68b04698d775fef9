package com.powerpto.auth;

import com.powerpto.platform.security.Role;
import com.powerpto.platform.security.TokenService;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: every signed-in route × every role × the session states an account can be in. A
 * bearer token of an active session gets what the contract says (as in {@link RouteAccessMatrixTest});
 * a token issued before the password changed, before the account was deactivated, before
 * "sign out everywhere", or before the employee's termination took effect (issue 15: access ends
 * after the last day) is 401 on every route, at the very next request.
 * <p>
 * Terminated is the last column and runs for every role after all the others: a termination is
 * not undone by a new password (the other states are), and it changes the team around the person.
 * <p>
 * Reuses the world and the call helpers of {@link RouteAccessMatrixTest}; its two tests are
 * overridden here without {@code @Test} so that they run once, in their own class.
 */
class SessionStateMatrixTest extends RouteAccessMatrixTest {

    static final String PASSWORD = "session state password";

    enum State { ACTIVE, PASSWORD_CHANGED, DEACTIVATED, SIGNED_OUT_EVERYWHERE, TERMINATED }

    @Autowired
    AccountService accounts;
    @Autowired
    TokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LoginThrottle throttle;

    @Override
    void everyRoleGetsWhatTheContractSays() {
        // Runs in RouteAccessMatrixTest.
    }

    @Override
    void outsidersAre403AndAnonymousCallersAre401() {
        // Runs in RouteAccessMatrixTest.
    }

    @Test
    void everyRouteEveryRoleEverySessionState() {
        String hash = accounts.hashPassword(PASSWORD);
        List<String> failures = new ArrayList<>();
        for (State state : State.values()) {
            for (Role role : new Role[]{Role.EMPLOYEE, Role.MANAGER, Role.ADMIN}) {
                Person person = as(role);
                accounts.setPasswordHash(person.companyId(), person.id(), role, hash);
                String token = activeToken(person);
                enter(state, person);
                for (RouteCatalog.Route route : RouteCatalog.callerRoutes()) {
                    if (state == State.ACTIVE) {
                        // A fresh session per call: some routes end the caller's own session or change accounts.
                        accounts.setPasswordHash(person.companyId(), person.id(), role, hash);
                        token = activeToken(person);
                    }
                    boolean selfOnly = role == Role.MANAGER && !route.who().contains("manager");
                    int status = call(http.withToken(token), route, selfOnly ? managersOwn : own).status();
                    String problem = judge(state, route.access(role), status);
                    if (problem != null) {
                        failures.add(role + " " + state + " " + route + ": " + status + " (" + problem + ")");
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private String judge(State state, RouteCatalog.Access access, int status) {
        if (state != State.ACTIVE) {
            return status == 401 ? null : "a token of an ended session must be 401";
        }
        return switch (access) {
            case DENY -> status == 403 ? null : "expected 403";
            case ALLOW, FILTERED, OWN -> status != 401 && status != 403 && status < 500 ? null : "expected access";
            case SIGNATURE -> null;
        };
    }

    /** A token of the account's current session generation, as sign-in would issue (without the bcrypt cost). */
    private String activeToken(Person person) {
        long generation = jdbc.sql("SELECT session_generation FROM accounts WHERE company_id = :c AND employee_id = :e")
                .param("c", person.companyId()).param("e", person.id()).query(Long.class).single();
        return tokens.issue(person.id(), person.companyId(), person.role(), generation).value();
    }

    private void enter(State state, Person person) {
        switch (state) {
            case ACTIVE -> { }
            case PASSWORD_CHANGED -> {
                // Changed on another device: that device's own token is used for the change.
                throttle.reset();
                http.withToken(activeToken(person)).post("/api/auth/change-password",
                        Map.of("current_password", PASSWORD, "new_password", PASSWORD + " 2")).expect(204);
            }
            case DEACTIVATED -> accounts.setActive(person.companyId(), person.id(), false);
            case SIGNED_OUT_EVERYWHERE -> http.withToken(activeToken(person)).post("/api/auth/sign-out-everywhere", null)
                    .expect(204);
            case TERMINATED -> {
                // By another admin of the company (nobody terminates themselves), with a last day two
                // days ago so that access has ended in every time zone.
                http.as(person.companyId(), UUID.randomUUID(), Role.ADMIN)
                        .post("/api/companies/" + person.companyId() + "/employees/" + person.id() + "/terminate",
                                Map.of("termination_date", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString(),
                                        "reason", "session state matrix"))
                        .expect(200);
            }
        }
    }

}
