package com.powerpto.auth;

import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every signed-in route of {@link RouteCatalog} as each role, as an outsider and
 * anonymously, and checks the contract's "who" column. A route added to the application but not
 * to the catalog fails {@link RouteCatalogTest}; a catalog entry is exercised here.
 */
class RouteAccessMatrixTest extends ApiTest {

    World world;
    Person manager;
    Person emma;
    Person stranger;
    Map<String, Object> own;
    Map<String, Object> others;
    Map<String, Object> managersOwn;

    @BeforeEach
    void seed() {
        world = fixtures.newWorld();
        manager = world.manager("Mia");
        emma = world.employee("Emma", manager.id());
        stranger = world.employee("Xavier", null);
        UUID policy = world.timePolicy("vacation", Map.of());
        UUID emmaAssignment = world.assign(policy, emma, "2026-01-01", null);
        world.assign(policy, stranger, "2026-01-01", null);
        world.adjust(emma, policy, 4800, "grant");
        world.adjust(stranger, policy, 4800, "grant");
        String emmaRequest = world.submit(emma, policy, "2027-03-02T09:00", "2027-03-02T17:00").expectJson(201).path("id").asText();
        String strangerRequest = world.submit(stranger, policy, "2027-03-03T09:00", "2027-03-03T17:00").expectJson(201).path("id").asText();
        world.holiday("2027-12-24", "Christmas Eve");
        String holiday = world.asAdmin().get(world.base() + "/holidays?year=2027").expectJson(200).path("items").get(0).path("id").asText();
        own = new HashMap<>(Map.of("cid", world.companyId(), "eid", emma.id(), "pid", policy, "aid", emmaAssignment,
                "rid", emmaRequest, "hid", holiday));
        own.put("nid", UUID.randomUUID()); // issue 17: unknown outbox row / feed ids answer 404, never 403 to admins
        own.put("fid", UUID.randomUUID());
        own.put("lid", world.asAdmin().post(world.base() + "/locations", Map.of("name", "Matrix office")).expectJson(201).path("id").asText());
        world.assign(policy, manager, "2026-01-01", null);
        world.adjust(manager, policy, 4800, "grant");
        String managerRequest = world.submit(manager, policy, "2027-03-04T09:00", "2027-03-04T17:00").expectJson(201).path("id").asText();
        // Delegations: the admin (an admin account) is a valid delegate for Mia and for a second manager.
        world.asAdmin().put(world.base() + "/employees/" + world.admin.id() + "/account",
                Map.of("role", "admin", "password", "matrix-password-1")).expect(200);
        Person otherManager = world.manager("Otto");
        own.put("did", delegation(manager));
        String othersDelegation = delegation(otherManager);
        managersOwn = new HashMap<>(own);
        managersOwn.put("eid", manager.id());
        managersOwn.put("rid", managerRequest);
        others = new HashMap<>(own);
        others.put("eid", stranger.id());
        others.put("rid", strangerRequest);
        others.put("did", othersDelegation);
    }

    String delegation(Person delegator) {
        return world.asAdmin().post(world.base() + "/delegations", Map.of("delegator_id", delegator.id().toString(),
                        "delegate_id", world.admin.id().toString(), "start_date", "2027-01-01", "end_date", "2027-01-31"))
                .expectJson(201).path("id").asText();
    }

    Person as(Role role) {
        return switch (role) {
            case ADMIN -> world.admin;
            case MANAGER -> manager;
            case EMPLOYEE -> emma;
        };
    }

    Http.Response call(Http client, RouteCatalog.Route route, Map<String, Object> values) {
        String path = route.expand(values);
        if (path.endsWith("/accruals/trigger") || path.endsWith("/carryover") || path.endsWith("/expiration")) {
            path += "?target_date=2027-01-01";
        }
        Object body = switch (route.method()) {
            case "POST", "PUT" -> body(route, values);
            default -> null;
        };
        Http.Response response = client.send(route.method(), path, body, body == null ? null : "application/json");
        if (response.status() >= 400) {
            response.expectError(response.status()); // the contract's shape: detail a string or null, a code
        }
        return response;
    }

    Object body(RouteCatalog.Route route, Map<String, Object> values) {
        String path = route.path();
        if (path.endsWith("/requests") || path.endsWith("/requests/preview")) {
            return Map.of("employee_id", values.get("eid").toString(), "policy_id", values.get("pid").toString(),
                    "start_at", "2027-04-06T09:00", "end_at", "2027-04-06T10:00");
        }
        if (path.endsWith("/adjustments")) {
            return Map.of("employee_id", values.get("eid").toString(), "policy_id", values.get("pid").toString(),
                    "amount_minutes", 60, "reason", "matrix");
        }
        if (path.endsWith("/holidays")) {
            return Map.of("date", "2027-12-31", "name", "New Year's Eve");
        }
        if (path.endsWith("/holidays/import")) {
            return Map.of("country", "DE", "region", "BY", "year", 2031, "location", "Matrix office");
        }
        if (path.endsWith("/locations")) {
            return Map.of("name", "Office " + UUID.randomUUID());
        }
        return Map.of();
    }

    @Test
    void everyRoleGetsWhatTheContractSays() {
        List<String> failures = new ArrayList<>();
        for (Role role : new Role[]{Role.EMPLOYEE, Role.MANAGER, Role.ADMIN}) {
            Http client = http.as(as(role));
            for (RouteCatalog.Route route : RouteCatalog.callerRoutes()) {
                RouteCatalog.Access access = route.access(role);
                if (access == RouteCatalog.Access.OWN) {
                    int foreign = call(client, route, others).status();
                    if (foreign != 403 && foreign != 404) {
                        failures.add(role + " " + route + " on someone else's data: " + foreign);
                    }
                }
                // "self"/"owner" routes: a manager's own data is their own, not their reports'.
                boolean selfOnly = role == Role.MANAGER && !route.who().contains("manager");
                int status = call(client, route, selfOnly ? managersOwn : own).status();
                boolean ok = switch (access) {
                    case DENY -> status == 403;
                    case ALLOW, FILTERED, OWN -> status != 401 && status != 403 && status < 500;
                    case SIGNATURE -> true;
                };
                if (!ok) {
                    failures.add(role + " " + route + " (" + access + "): " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void outsidersAre403AndAnonymousCallersAre401() {
        Person outsider = fixtures.newCompanyAdmin();
        List<String> failures = new ArrayList<>();
        for (RouteCatalog.Route route : RouteCatalog.callerRoutes()) {
            if (route.companyScoped()) {
                int status = call(http.as(outsider), route, own).status();
                if (status != 403) {
                    failures.add("outsider " + route + ": " + status);
                }
            }
            Http.Response anonymous = call(http, route, own);
            if (anonymous.status() != 401) {
                failures.add("anonymous " + route + ": " + anonymous.status());
            } else {
                anonymous.expectError(401);
            }
        }
        assertThat(failures).isEmpty();
    }
}
