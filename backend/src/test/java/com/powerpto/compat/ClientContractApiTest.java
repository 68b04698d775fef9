package com.powerpto.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.powerpto.auth.RouteCatalog;
import com.powerpto.payroll.PayrollSignature;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract test against what existing clients read: every route of {@link RouteCatalog} is
 * called with real data, and every answer — success and error — is validated against the
 * checked-in JSON Schemas in {@code src/test/resources/contract} (see its README). A change that
 * removes a field, changes its type or turns {@code detail} into an object fails here.
 */
class ClientContractApiTest extends ApiTest {

    static final String BASE = "https://contract.powerpto.test/";
    static final Path SCHEMAS = Path.of("src/test/resources/contract");
    static SchemaRegistry registry;

    @Autowired
    PtoProperties properties;

    final Set<String> covered = new LinkedHashSet<>();
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void loadSchemas() throws IOException {
        Map<String, String> byId = new TreeMap<>();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                byId.put(BASE + file.getFileName(), Files.readString(file));
            }
        }
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(byId));
    }

    static Schema schema(String name) {
        return registry.getSchema(SchemaLocation.of(BASE + name + ".schema.json"));
    }

    /** Validates one answer; {@code item} also validates each element of {@code items}. */
    JsonNode check(String route, Http.Response response, int status, String shape, String item) {
        covered.add(route);
        String where = route + " → " + response.status();
        if (response.status() != status) {
            violations.add(where + ": expected " + status + ": " + abbreviate(response.text()));
            return null;
        }
        if (shape == null) {
            return null;
        }
        JsonNode body = response.json();
        validate(where, schema(shape), body);
        if (item != null) {
            body.path("items").forEach(element -> validate(where + " item", schema(item), element));
            if (body.path("items").isEmpty()) {
                violations.add(where + ": no items to check (seed data missing)");
            }
        }
        return body;
    }

    JsonNode check(String route, Http.Response response, int status, String shape) {
        return check(route, response, status, shape, null);
    }

    /** An error answer: the contract's error body, whatever the status. */
    void refused(String route, Http.Response response, int status) {
        check(route, response, status, "error");
    }

    void validate(String where, Schema schema, JsonNode body) {
        schema.validate(body).forEach(error -> violations.add(where + ": " + error.getInstanceLocation() + " "
                + error.getMessage() + " in " + abbreviate(body.toString())));
    }

    static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    /** The schemas bite: the answers that broke the original UI are refused. */
    @Test
    void theSchemasRefuseWhatBrokeOldClients() throws Exception {
        assertThat(schema("error").validate(Http.JSON.readTree(
                "{\"error\":\"insufficient balance\",\"detail\":{\"available_minutes\":960},\"status_code\":400}"))).isNotEmpty();
        assertThat(schema("error").validate(Http.JSON.readTree(
                "{\"error\":\"x\",\"detail\":[{\"field\":\"a\",\"message\":\"b\"}],\"status_code\":422}"))).isNotEmpty();
        assertThat(schema("error").validate(Http.JSON.readTree("{\"error\":\"x\",\"status_code\":422}"))).isNotEmpty();
        assertThat(schema("error").validate(Http.JSON.readTree(
                "{\"error\":\"x\",\"detail\":null,\"status_code\":422,\"code\":\"invalid_field\"}"))).isEmpty();
        JsonNode version = Http.JSON.readTree("{\"id\":\"00000000-0000-0000-0000-000000000001\","
                + "\"policy_id\":\"00000000-0000-0000-0000-000000000002\",\"version\":1,\"effective_from\":\"2026-01-01\","
                + "\"effective_to\":null,\"type\":\"ACCRUAL\",\"accrual_method\":\"TIME\",\"settings\":{\"type\":\"ACCRUAL\","
                + "\"accrual_frequency\":\"MONTHLY\",\"accrual_timing\":\"START_OF_PERIOD\",\"rate_minutes_per_month\":800},"
                + "\"created_by\":null,\"change_reason\":null,\"created_at\":\"2026-01-01T00:00:00Z\"}");
        assertThat(schema("policy-version").validate(version)).as("the non-matching rates must be present as null").isNotEmpty();
        assertThat(schema("policy").validate(Http.JSON.readTree("{\"id\":\"x\"}"))).isNotEmpty();
    }

    @Test
    void everyRouteAnswersTheShapesExistingClientsRead() {
        World world = fixtures.newWorld();
        Http admin = world.asAdmin();
        String c = "/api/companies/{cid}";
        String base = world.base();
        Person manager = world.manager("Mia");
        Person emma = world.employee("Emma", manager.id());
        Http asEmma = world.as(emma);
        Http anonymous = http;

        // --- health and documentation ---
        check("GET /health", http.get("/health"), 200, "health");
        check("GET /api/health", http.get("/api/health"), 200, "health");
        check("GET /api/openapi.json", http.get("/api/openapi.json"), 200, null);
        covered.add("GET /api/docs"); // HTML (Swagger UI), not a JSON shape

        // --- policies ---
        Map<String, Object> settings = Map.of("type", "ACCRUAL", "accrual_method", "TIME", "accrual_frequency", "MONTHLY",
                "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_month", 800);
        Map<String, Object> create = Map.of("key", "vacation", "category", "VACATION",
                "version", Map.of("effective_from", "2020-01-01", "settings", settings, "change_reason", "initial"));
        JsonNode policy = check("POST " + c + "/policies", admin.post(base + "/policies", create), 201, "policy");
        String pid = policy.path("id").asText();
        refused("POST " + c + "/policies", admin.post(base + "/policies", create), 409);
        refused("POST " + c + "/policies", asEmma.post(base + "/policies", create), 403);
        check("GET " + c + "/policies", admin.get(base + "/policies"), 200, "page", "policy");
        check("GET " + c + "/policies/{pid}", asEmma.get(base + "/policies/" + pid), 200, "policy");
        refused("GET " + c + "/policies/{pid}", admin.get(base + "/policies/" + UUID.randomUUID()), 404);
        check("PUT " + c + "/policies/{pid}", admin.put(base + "/policies/" + pid, Map.of("version",
                Map.of("effective_from", "2030-01-01", "settings", settings))), 200, "policy");
        refused("PUT " + c + "/policies/{pid}", admin.put(base + "/policies/" + pid, Map.of("version",
                Map.of("effective_from", "2031-01-01", "settings", Map.of("type", "ACCRUAL")))), 422);
        check("GET " + c + "/policies/{pid}/versions", admin.get(base + "/policies/" + pid + "/versions"), 200,
                "page", "policy-version");
        UUID unlimited = world.unlimitedPolicy("sick");

        // --- employees ---
        UUID newId = UUID.randomUUID();
        check("PUT " + c + "/employees/{eid}", admin.put(base + "/employees/" + newId, Map.of("first_name", "Noor",
                "last_name", "New", "email", "noor." + newId.toString().substring(0, 8) + "@example.test")), 200, "employee");
        refused("PUT " + c + "/employees/{eid}", admin.put(base + "/employees/" + newId, Map.of("timezone", "Mars/Base")), 422);
        check("GET " + c + "/employees/{eid}", asEmma.get(base + "/employees/" + emma.id()), 200, "employee");
        refused("GET " + c + "/employees/{eid}", admin.get(base + "/employees/not-a-uuid"), 422);
        check("GET " + c + "/employees", admin.get(base + "/employees"), 200, "page", "employee");
        refused("GET " + c + "/employees", asEmma.get(base + "/employees"), 403);

        // --- assignments ---
        JsonNode assignment = check("POST " + c + "/policies/{pid}/assignments", admin.post(base + "/policies/" + pid
                + "/assignments", Map.of("employee_id", emma.id().toString(), "effective_from", "2026-01-01")), 201, "assignment");
        refused("POST " + c + "/policies/{pid}/assignments", admin.post(base + "/policies/" + pid + "/assignments",
                Map.of("employee_id", emma.id().toString(), "effective_from", "2026-06-01")), 409);
        world.assign(unlimited, emma, "2026-01-01", null);
        UUID temp = world.employee("Tom", null).id();
        String aid = admin.post(base + "/policies/" + pid + "/assignments", Map.of("employee_id", temp.toString(),
                "effective_from", "2026-01-01")).expectJson(201).path("id").asText();
        check("GET " + c + "/policies/{pid}/assignments", admin.get(base + "/policies/" + pid + "/assignments"), 200,
                "page", "assignment");
        check("GET " + c + "/employees/{eid}/assignments", asEmma.get(base + "/employees/" + emma.id() + "/assignments"),
                200, "page", "assignment");
        check("DELETE " + c + "/assignments/{aid}", admin.delete(base + "/assignments/" + aid + "?effective_to=2026-06-30"),
                200, "assignment");
        refused("DELETE " + c + "/assignments/{aid}", admin.delete(base + "/assignments/" + UUID.randomUUID()), 404);
        assertThat(assignment).isNotNull();

        // --- balances, adjustments, ledger ---
        Map<String, Object> grant = Map.of("employee_id", emma.id().toString(), "policy_id", pid,
                "amount_minutes", 4800, "reason", "opening balance");
        check("POST " + c + "/adjustments", admin.post(base + "/adjustments", grant), 201, "ledger-entry");
        refused("POST " + c + "/adjustments", admin.post(base + "/adjustments", Map.of("employee_id", emma.id().toString(),
                "policy_id", pid, "amount_minutes", -99_999, "reason", "too much")), 400);
        check("GET " + c + "/employees/{eid}/balances", asEmma.get(base + "/employees/" + emma.id() + "/balances"), 200,
                "page", "balance");
        check("GET " + c + "/employees/{eid}/ledger", asEmma.get(base + "/employees/" + emma.id() + "/ledger"), 200,
                "page", "ledger-entry");

        // --- requests ---
        Map<String, Object> day = world.request(emma, UUID.fromString(pid), "2027-03-02T09:00", "2027-03-02T17:00");
        check("POST " + c + "/requests/preview", asEmma.post(base + "/requests/preview", day), 200, "preview");
        JsonNode request = check("POST " + c + "/requests", asEmma.post(base + "/requests", day), 201, "request");
        refused("POST " + c + "/requests", asEmma.post(base + "/requests", day), 409);
        refused("POST " + c + "/requests", asEmma.post(base + "/requests",
                world.request(emma, UUID.fromString(pid), "2027-05-03T00:00", "2027-06-30T00:00")), 400);
        refused("POST " + c + "/requests", asEmma.post(base + "/requests",
                world.request(emma, UUID.fromString(pid), "2027-03-05T17:00", "2027-03-05T09:00")), 422);
        String rid = request.path("id").asText();
        check("GET " + c + "/requests", asEmma.get(base + "/requests"), 200, "page", "request");
        check("GET " + c + "/requests/{rid}", asEmma.get(base + "/requests/" + rid), 200, "request");
        check("POST " + c + "/requests/{rid}/approve", world.as(manager).post(base + "/requests/" + rid + "/approve",
                Map.of("note", "enjoy")), 200, "request");
        refused("POST " + c + "/requests/{rid}/approve", admin.post(base + "/requests/" + rid + "/approve", Map.of()), 409);
        String second = asEmma.post(base + "/requests", world.request(emma, UUID.fromString(pid), "2027-03-03T09:00",
                "2027-03-03T17:00")).expectJson(201).path("id").asText();
        check("POST " + c + "/requests/{rid}/deny", admin.post(base + "/requests/" + second + "/deny", null), 200, "request");
        String third = asEmma.post(base + "/requests", world.request(emma, UUID.fromString(pid), "2027-03-04T09:00",
                "2027-03-04T17:00")).expectJson(201).path("id").asText();
        check("POST " + c + "/requests/{rid}/cancel", asEmma.post(base + "/requests/" + third + "/cancel", null), 200, "request");
        refused("POST " + c + "/requests/{rid}/cancel", asEmma.post(base + "/requests/" + third + "/cancel", null), 409);
        world.submit(emma, unlimited, "2027-04-01T09:00", "2027-04-01T17:00").expectJson(201);

        // --- holidays ---
        JsonNode holiday = check("POST " + c + "/holidays", admin.post(base + "/holidays",
                Map.of("date", "2027-12-24", "name", "Christmas Eve")), 201, "holiday");
        refused("POST " + c + "/holidays", admin.post(base + "/holidays", Map.of("date", "2027-12-24", "name", "Again")), 409);
        refused("POST " + c + "/holidays", admin.send("POST", base + "/holidays", "{\"date\":", "application/json"), 422);
        check("GET " + c + "/holidays", asEmma.get(base + "/holidays?year=2027"), 200, "page", "holiday");
        check("DELETE " + c + "/holidays/{hid}", admin.delete(base + "/holidays/" + holiday.path("id").asText()), 204, null);
        refused("DELETE " + c + "/holidays/{hid}", admin.delete(base + "/holidays/" + holiday.path("id").asText()), 404);

        // --- accruals and payroll ---
        check("POST " + c + "/accruals/trigger", admin.post(base + "/accruals/trigger?target_date=2026-11-01", null), 200,
                "accrual-run");
        refused("POST " + c + "/accruals/trigger", admin.post(base + "/accruals/trigger?target_date=nope", null), 422);
        check("POST " + c + "/accruals/carryover", admin.post(base + "/accruals/carryover?target_date=2026-11-01", null),
                200, "carryover-run");
        check("POST " + c + "/accruals/expiration", admin.post(base + "/accruals/expiration?target_date=2026-11-01", null),
                200, "carryover-run");
        String payroll = "{\"payroll_run_id\":\"2026-11-B2\",\"company_id\":\"" + world.companyId()
                + "\",\"period_start\":\"2026-11-01\",\"period_end\":\"2026-11-15\",\"entries\":[{\"employee_id\":\""
                + emma.id() + "\",\"worked_minutes\":4800}]}";
        String signature = PayrollSignature.sign(payroll.getBytes(StandardCharsets.UTF_8), properties.payrollWebhookSecret());
        check("POST /api/webhooks/payroll_processed", http.header(PayrollSignature.HEADER, signature)
                .post("/api/webhooks/payroll_processed", payroll), 200, "payroll-result");
        refused("POST /api/webhooks/payroll_processed", http.post("/api/webhooks/payroll_processed", payroll), 401);
        // Slack's interactivity route (issue 29): unsigned → 401 with the error body (the signed path: SlackApprovalApiTest).
        refused("POST /api/integrations/slack/interactions", http.send("POST", "/api/integrations/slack/interactions?company_id="
                + world.companyId(), "payload=%7B%7D", "application/x-www-form-urlencoded"), 401);

        // --- audit, reports, operations ---
        check("GET " + c + "/audit-log", admin.get(base + "/audit-log"), 200, "page", "audit-entry");
        refused("GET " + c + "/audit-log", admin.get(base + "/audit-log?limit=101"), 422);
        check("GET " + c + "/reports/balances", admin.get(base + "/reports/balances"), 200, "page", "balance-report-row");
        check("GET " + c + "/reports/ledger", admin.get(base + "/reports/ledger"), 200, "page", "ledger-entry");
        check("GET " + c + "/reports/summary", admin.get(base + "/reports/summary"), 200, "summary");
        check("GET " + c + "/reconciliation", admin.get(base + "/reconciliation"), 200, "reconciliation");

        // --- auth and accounts (extensions) ---
        Person ada = world.admin;
        String email = admin.get(base + "/employees/" + ada.id()).expectJson(200).path("email").asText();
        check("PUT " + c + "/employees/{eid}/account", admin.put(base + "/employees/" + ada.id() + "/account",
                Map.of("password", "contract password 1", "role", "admin")), 200, "account");
        refused("PUT " + c + "/employees/{eid}/account", admin.put(base + "/employees/" + ada.id() + "/account",
                Map.of("password", "short", "role", "admin")), 422);
        check("GET " + c + "/employees/{eid}/account", admin.get(base + "/employees/" + ada.id() + "/account"), 200, "account");
        refused("GET " + c + "/employees/{eid}/account", admin.get(base + "/employees/" + emma.id() + "/account"), 404);
        check("POST /api/auth/login", http.post("/api/auth/login", Map.of("email", email, "password",
                "contract password 1")), 200, "login");
        refused("POST /api/auth/login", http.post("/api/auth/login", Map.of("email", email, "password", "wrong password!")), 401);
        check("GET /api/auth/me", admin.get("/api/auth/me"), 200, "me");
        check("POST /api/auth/change-password", admin.post("/api/auth/change-password", Map.of("current_password",
                "contract password 1", "new_password", "contract password 2")), 204, null);
        refused("POST /api/auth/change-password", admin.post("/api/auth/change-password", Map.of("current_password",
                "not the password", "new_password", "contract password 3")), 400);
        String invite = admin.put(base + "/employees/" + emma.id() + "/account", Map.of("role", "employee"))
                .expectJson(200).path("invite_token").asText();
        check("POST /api/auth/accept-invite", http.post("/api/auth/accept-invite", Map.of("token", invite,
                "password", "emma's new password")), 204, null);
        refused("POST /api/auth/accept-invite", http.post("/api/auth/accept-invite", Map.of("token", invite,
                "password", "emma's new password")), 400);

        // Every signed-in route refuses an anonymous caller with the error body.
        for (RouteCatalog.Route route : RouteCatalog.callerRoutes()) {
            Map<String, Object> ids = new HashMap<>(Map.of("cid", world.companyId(), "eid", emma.id(), "pid", pid,
                    "aid", aid, "rid", rid, "hid", UUID.randomUUID()));
            // Variables of routes added later (notifications, feeds, …): any id, the call is anonymous.
            java.util.regex.Matcher variable = java.util.regex.Pattern.compile("\\{([a-z_]+)}").matcher(route.path());
            while (variable.find()) {
                ids.putIfAbsent(variable.group(1), UUID.randomUUID());
            }
            refused(route.method() + " " + route.path(), anonymous.send(route.method(), route.expand(ids),
                    route.method().equals("GET") || route.method().equals("DELETE") ? null : Map.of(),
                    "application/json"), 401);
        }

        // Every route of the published contract is checked with real data (extensions at least by their error body).
        Set<String> catalog = new LinkedHashSet<>();
        RouteCatalog.ROUTES.stream().filter(r -> r.source().contains("shared/spec/api.md"))
                .forEach(r -> catalog.add(r.method() + " " + r.path()));
        assertThat(covered).as("every contract route is checked against the contract").containsAll(catalog);
        assertThat(violations).as("answers that break the shapes existing clients read").isEmpty();
        assertThat(Role.values()).isNotEmpty();
    }
}
