package com.powerpto.employee;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit-log query over the mutations of policies, employees, assignments and holidays. */
class AuditLogApiTest extends ApiTest {

    World world;
    Person secondAdmin;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
        Person p = world.employee("Sam", null);
        secondAdmin = new Person(p.companyId(), p.id(), Role.ADMIN);
    }

    String auditLog() {
        return world.base() + "/audit-log";
    }

    List<JsonNode> rows(String query) {
        JsonNode page = world.asAdmin().get(auditLog() + "?limit=100" + (query.isEmpty() ? "" : "&" + query)).expectJson(200);
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        assertThat(page.path("total").asInt()).isEqualTo(items.size());
        return items;
    }

    @Test
    void everyMutationIsLoggedAndTheFiltersNarrowIt() {
        var policy = world.timePolicy("vacation", Map.of());
        Person emma = world.employee("Emma", null);
        world.assign(policy, emma, "2026-01-01", null);
        world.as(secondAdmin).post(world.base() + "/holidays", Map.of("date", "2026-12-25", "name", "Christmas")).expectJson(201);

        List<JsonNode> all = rows("");
        // admin + Sam + Emma upserts, policy + version, assignment, holiday
        assertThat(all).extracting(r -> r.path("entity_type").asText() + "/" + r.path("action").asText())
                .containsExactlyInAnyOrder("EMPLOYEE/CREATE", "EMPLOYEE/CREATE", "EMPLOYEE/CREATE", "POLICY/CREATE",
                        "POLICY_VERSION/CREATE", "ASSIGNMENT/CREATE", "HOLIDAY/CREATE");
        for (JsonNode row : all) {
            assertThat(row.path("id").asText()).isNotBlank();
            assertThat(row.path("company_id").asText()).isEqualTo(world.companyId().toString());
            assertThat(row.path("entity_id").asText()).isNotBlank();
            assertThat(row.has("before_json")).isTrue();
            assertThat(row.path("after_json").isObject()).isTrue();
        }
        // newest first
        for (int i = 1; i < all.size(); i++) {
            assertThat(Instant.parse(all.get(i - 1).path("created_at").asText()))
                    .isAfterOrEqualTo(Instant.parse(all.get(i).path("created_at").asText()));
        }

        assertThat(rows("entity_type=EMPLOYEE")).hasSize(3);
        assertThat(rows("entity_type=EMPLOYEE&action=CREATE")).hasSize(3);
        assertThat(rows("entity_type=EMPLOYEE&action=UPDATE")).isEmpty();
        assertThat(rows("action=CREATE")).hasSize(7);
        List<JsonNode> bySecond = rows("actor_id=" + secondAdmin.id());
        assertThat(bySecond).hasSize(1);
        assertThat(bySecond.get(0).path("entity_type").asText()).isEqualTo("HOLIDAY");
        assertThat(rows("actor_id=" + world.admin.id())).hasSize(6);
        assertThat(rows("actor_id=" + emma.id())).isEmpty();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(rows("start_date=" + today + "&end_date=" + today)).hasSize(7);
        assertThat(rows("start_date=" + today.minusDays(3))).hasSize(7);
        assertThat(rows("start_date=" + today.plusDays(1))).isEmpty();
        assertThat(rows("end_date=" + today.minusDays(1))).isEmpty();
        assertThat(rows("entity_type=HOLIDAY&start_date=" + today + "&end_date=" + today.plusDays(1))).hasSize(1);

        JsonNode page = world.asAdmin().get(auditLog() + "?limit=2&offset=1").expectJson(200);
        assertThat(page.path("total").asInt()).isEqualTo(7);
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("items").get(0).path("id").asText()).isEqualTo(all.get(1).path("id").asText());
    }

    @Test
    void badFiltersAre422() {
        for (String query : List.of("entity_type=WIDGET", "action=EAT", "actor_id=someone", "start_date=2026-13-01",
                "end_date=yesterday", "limit=0", "limit=101", "offset=-1")) {
            JsonNode error = world.asAdmin().get(auditLog() + "?" + query).expectError(422);
            assertThat(error.path("fields").path(0).path("field").asText()).as(query)
                    .isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void onlyTheCompanysAdminsReadTheLog() {
        Person mia = world.manager("Mia");
        Person emma = world.employee("Emma", mia.id());
        world.as(mia).get(auditLog()).expectError(403);
        world.as(emma).get(auditLog()).expectError(403);
        world.as(emma).get(auditLog() + "?actor_id=" + emma.id()).expectError(403);
        World other = fixtures.newWorld();
        other.asAdmin().get(auditLog()).expectError(403);
        // their own log does not show our rows
        assertThat(other.asAdmin().get(other.base() + "/audit-log?entity_type=EMPLOYEE&limit=100").expectJson(200)
                .path("total").asInt()).isEqualTo(1);
        http.get(auditLog()).expectError(401);
    }
}
