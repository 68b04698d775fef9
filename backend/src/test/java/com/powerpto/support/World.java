package com.powerpto.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds a company through the public API, as an admin would: employees, policies,
 * assignments, holidays. Each test makes its own world, so tests never share rows.
 */
public class World {

    public final Http http;
    public final Person admin;

    public World(Http http, Fixtures fixtures) {
        this.http = http;
        this.admin = fixtures.newCompanyAdmin();
        employee(admin.id(), "Ada", "Admin", null, Map.of());
    }

    public UUID companyId() {
        return admin.companyId();
    }

    public String base() {
        return "/api/companies/" + companyId();
    }

    public Http asAdmin() {
        return http.as(admin);
    }

    public Http as(Person person) {
        return http.as(person);
    }

    /** Upserts an employee (UTC, Mon–Fri, 09:00, 480 min unless overridden) and returns them as a person. */
    public Person employee(UUID id, String first, String last, UUID managerId, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("first_name", first);
        body.put("last_name", last);
        body.put("email", first.toLowerCase() + "." + id.toString().substring(0, 8) + "@example.test");
        body.put("manager_id", managerId == null ? null : managerId.toString());
        body.putAll(overrides);
        asAdmin().put(base() + "/employees/" + id, body).expect(200);
        return new Person(companyId(), id, Role.EMPLOYEE);
    }

    public Person employee(String first, UUID managerId) {
        return employee(UUID.randomUUID(), first, "Tester", managerId, Map.of());
    }

    public Person employee(String first, UUID managerId, Map<String, Object> overrides) {
        return employee(UUID.randomUUID(), first, "Tester", managerId, overrides);
    }

    public Person manager(String first) {
        Person p = employee(first, null);
        return new Person(p.companyId(), p.id(), Role.MANAGER);
    }

    public UUID policy(String key, String category, Map<String, Object> settings, String effectiveFrom) {
        Map<String, Object> version = new HashMap<>();
        version.put("effective_from", effectiveFrom);
        version.put("settings", settings);
        JsonNode created = asAdmin().post(base() + "/policies",
                Map.of("key", key, "category", category, "version", version)).expectJson(201);
        return UUID.fromString(created.path("id").asText());
    }

    /** A TIME accrual policy with no accrual schedule that matters to the test (balances come from adjustments). */
    public UUID timePolicy(String key, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "type", "ACCRUAL", "accrual_method", "TIME", "accrual_frequency", "YEARLY",
                "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_year", 9600, "proration", "NONE"));
        settings.putAll(extra);
        return policy(key, "VACATION", settings, "2020-01-01");
    }

    public UUID unlimitedPolicy(String key) {
        return policy(key, "SICK", Map.of("type", "UNLIMITED"), "2020-01-01");
    }

    public UUID assign(UUID policyId, Person employee, String from, String to) {
        Map<String, Object> body = new HashMap<>();
        body.put("employee_id", employee.id().toString());
        body.put("effective_from", from);
        body.put("effective_to", to);
        JsonNode created = asAdmin().post(base() + "/policies/" + policyId + "/assignments", body).expectJson(201);
        return UUID.fromString(created.path("id").asText());
    }

    public void holiday(String date, String name) {
        asAdmin().post(base() + "/holidays", Map.of("date", date, "name", name)).expect(201);
    }

    public JsonNode adjust(Person employee, UUID policyId, long minutes, String reason) {
        return asAdmin().post(base() + "/adjustments", Map.of("employee_id", employee.id().toString(),
                "policy_id", policyId.toString(), "amount_minutes", minutes, "reason", reason)).expectJson(201);
    }

    public Map<String, Object> request(Person employee, UUID policyId, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("employee_id", employee.id().toString());
        body.put("policy_id", policyId.toString());
        body.put("start_at", start);
        body.put("end_at", end);
        return body;
    }

    public Http.Response submit(Person employee, UUID policyId, String start, String end) {
        return as(employee).post(base() + "/requests", request(employee, policyId, start, end));
    }

    /** Approves a request as {@code approver} (a manager of the requester, a delegate or an admin); expects 200. */
    public JsonNode approve(Person approver, String requestId) {
        return as(approver).post(base() + "/requests/" + requestId + "/approve", null).expectJson(200);
    }

    public JsonNode balance(Person employee, UUID policyId) {
        JsonNode items = asAdmin().get(base() + "/employees/" + employee.id() + "/balances").expectJson(200).path("items");
        for (JsonNode item : items) {
            if (item.path("policy_id").asText().equals(policyId.toString())) {
                return item;
            }
        }
        throw new AssertionError("no balance for policy " + policyId + " in " + items);
    }

    public List<JsonNode> ledger(Person employee, UUID policyId) {
        JsonNode items = asAdmin().get(base() + "/employees/" + employee.id() + "/ledger?limit=100&policy_id=" + policyId)
                .expectJson(200).path("items");
        List<JsonNode> list = new java.util.ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}
