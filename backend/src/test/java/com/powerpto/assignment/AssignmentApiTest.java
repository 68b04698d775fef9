package com.powerpto.assignment;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Assignments over real HTTP: create, overlap rules, listing, ending (never deleting), audit, tenancy. */
class AssignmentApiTest extends ApiTest {

    World world;
    Person emma;
    UUID vacation;
    UUID sick;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
        emma = world.employee("Emma", null);
        vacation = world.timePolicy("vacation", Map.of());
        sick = world.unlimitedPolicy("sick");
    }

    String assignments(UUID policyId) {
        return world.base() + "/policies/" + policyId + "/assignments";
    }

    String ofEmployee(Person person) {
        return world.base() + "/employees/" + person.id() + "/assignments";
    }

    static Map<String, Object> body(Object employeeId, String from, String to) {
        Map<String, Object> body = new HashMap<>();
        body.put("employee_id", employeeId == null ? null : employeeId.toString());
        body.put("effective_from", from);
        body.put("effective_to", to);
        return body;
    }

    Http.Response post(UUID policyId, Person person, String from, String to) {
        return world.asAdmin().post(assignments(policyId), body(person.id(), from, to));
    }

    static String field(JsonNode error) {
        return error.path("fields").path(0).path("field").asText();
    }

    List<JsonNode> audit(String query) {
        JsonNode page = world.asAdmin().get(world.base() + "/audit-log?limit=100&" + query).expectJson(200);
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    @Test
    void createAnswers201WithTheAssignment() {
        JsonNode a = post(vacation, emma, "2026-01-01", "2027-01-01").expectJson(201);
        assertThat(a.path("id").asText()).isNotBlank();
        assertThat(a.path("company_id").asText()).isEqualTo(world.companyId().toString());
        assertThat(a.path("employee_id").asText()).isEqualTo(emma.id().toString());
        assertThat(a.path("policy_id").asText()).isEqualTo(vacation.toString());
        assertThat(a.path("effective_from").asText()).isEqualTo("2026-01-01");
        assertThat(a.path("effective_to").asText()).isEqualTo("2027-01-01");
        assertThat(a.path("created_by").asText()).isEqualTo(world.admin.id().toString());
        assertThat(a.path("created_at").asText()).isNotBlank();

        JsonNode open = post(sick, emma, "2026-01-01", null).expectJson(201);
        assertThat(open.has("effective_to") && open.path("effective_to").isNull()).isTrue();
        // the same dates on another policy, or for another employee, are independent
        post(vacation, world.employee("Ella", null), "2026-01-01", null).expectJson(201);
    }

    @Test
    void overlappingAssignmentsOfTheSameEmployeeAndPolicyAre409() {
        post(vacation, emma, "2026-01-01", "2026-07-01").expectJson(201);
        post(vacation, emma, "2026-03-01", "2026-04-01").expectError(409);   // inside
        post(vacation, emma, "2025-12-01", "2026-01-02").expectError(409);   // overlaps the start
        post(vacation, emma, "2026-06-30", "2026-08-01").expectError(409);   // overlaps the end
        post(vacation, emma, "2025-01-01", null).expectError(409);           // open-ended covering all
        // adjacent ranges are fine: [2026-07-01, ...) starts where [.., 2026-07-01) ends
        post(vacation, emma, "2026-07-01", "2026-09-01").expectJson(201);
        post(vacation, emma, "2025-06-01", "2026-01-01").expectJson(201);
        // an open-ended assignment conflicts with any later one
        post(vacation, emma, "2027-01-01", null).expectJson(201);
        post(vacation, emma, "2030-05-05", "2030-05-06").expectError(409);
        post(vacation, emma, "2028-01-01", null).expectError(409);
        assertThat(world.asAdmin().get(ofEmployee(emma)).expectJson(200).path("total").asInt()).isEqualTo(4);
    }

    @Test
    void invalidBodiesAre422() {
        assertThat(field(post(vacation, emma, "2026-01-01", "2026-01-01").expectError(422))).isEqualTo("effective_to");
        assertThat(field(post(vacation, emma, "2026-01-02", "2026-01-01").expectError(422))).isEqualTo("effective_to");
        assertThat(field(world.asAdmin().post(assignments(vacation), body(null, "2026-01-01", null)).expectError(422)))
                .isEqualTo("employee_id");
        assertThat(field(post(vacation, emma, null, null).expectError(422))).isEqualTo("effective_from");
        assertThat(field(post(vacation, emma, "2026-02-30", null).expectError(422))).isEqualTo("effective_from");
        assertThat(field(post(vacation, emma, "1850-01-01", null).expectError(422))).isEqualTo("effective_from");
        assertThat(field(world.asAdmin().post(assignments(vacation), body("nope", "2026-01-01", null)).expectError(422)))
                .isEqualTo("employee_id");
        Map<String, Object> extra = body(emma.id(), "2026-01-01", null);
        extra.put("priority", 1);
        assertThat(field(world.asAdmin().post(assignments(vacation), extra).expectError(422))).isEqualTo("priority");
        world.asAdmin().send("POST", assignments(vacation), "{", "application/json").expectError(422);
        world.asAdmin().post(world.base() + "/policies/not-a-uuid/assignments", body(emma.id(), "2026-01-01", null)).expectError(422);
        assertThat(world.asAdmin().get(ofEmployee(emma)).expectJson(200).path("total").asInt()).isZero();
    }

    @Test
    void unknownEmployeeOrPolicyIs404() {
        world.asAdmin().post(assignments(vacation), body(UUID.randomUUID(), "2026-01-01", null)).expectError(404);
        world.asAdmin().post(assignments(UUID.randomUUID()), body(emma.id(), "2026-01-01", null)).expectError(404);
        world.asAdmin().get(assignments(UUID.randomUUID())).expectError(404);
        world.asAdmin().get(world.base() + "/employees/" + UUID.randomUUID() + "/assignments").expectError(404);
        world.asAdmin().delete(world.base() + "/assignments/" + UUID.randomUUID()).expectError(404);
    }

    @Test
    void onlyAdminsCreateAndEnd() {
        UUID id = UUID.fromString(post(vacation, emma, "2026-01-01", null).expectJson(201).path("id").asText());
        Person manager = world.manager("Mia");
        world.as(emma).post(assignments(sick), body(emma.id(), "2026-01-01", null)).expectError(403);
        world.as(manager).post(assignments(sick), body(emma.id(), "2026-01-01", null)).expectError(403);
        world.as(emma).delete(world.base() + "/assignments/" + id).expectError(403);
        world.as(manager).delete(world.base() + "/assignments/" + id).expectError(403);
        assertThat(world.asAdmin().get(ofEmployee(emma)).expectJson(200).path("items").get(0).path("effective_to").isNull()).isTrue();
    }

    @Test
    void listByPolicyIsForAdminsAndPaginated() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person p = world.employee("P" + i, null);
            created.add(post(vacation, p, "2026-0" + (i + 1) + "-01", null).expectJson(201).path("id").asText());
        }
        post(sick, emma, "2026-01-01", null).expectJson(201);
        JsonNode all = world.asAdmin().get(assignments(vacation)).expectJson(200);
        assertThat(all.path("total").asInt()).isEqualTo(3);
        List<String> ids = new ArrayList<>();
        all.path("items").forEach(a -> ids.add(a.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(created);
        all.path("items").forEach(a -> assertThat(a.path("policy_id").asText()).isEqualTo(vacation.toString()));
        JsonNode page = world.asAdmin().get(assignments(vacation) + "?limit=2&offset=2").expectJson(200);
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("total").asInt()).isEqualTo(3);
        world.asAdmin().get(assignments(vacation) + "?limit=0").expectError(422);
        world.as(emma).get(assignments(vacation)).expectError(403);
        world.as(world.manager("Mia")).get(assignments(vacation)).expectError(403);
    }

    @Test
    void listByEmployeeIsForAdminsAndSelf() {
        post(vacation, emma, "2026-01-01", null).expectJson(201);
        post(sick, emma, "2026-01-01", null).expectJson(201);
        Person mia = world.manager("Mia");
        Person ella = world.employee("Ella", mia.id());
        post(vacation, ella, "2026-01-01", null).expectJson(201);

        JsonNode mine = world.as(emma).get(ofEmployee(emma)).expectJson(200);
        assertThat(mine.path("total").asInt()).isEqualTo(2);
        mine.path("items").forEach(a -> assertThat(a.path("employee_id").asText()).isEqualTo(emma.id().toString()));
        assertThat(world.asAdmin().get(ofEmployee(emma) + "?limit=1").expectJson(200).path("items")).hasSize(1);
        world.as(ella).get(ofEmployee(emma)).expectError(403);
        world.as(emma).get(ofEmployee(ella)).expectError(403);
        world.asAdmin().get(ofEmployee(emma) + "?offset=-1").expectError(422);
    }

    @Test
    void deleteEndDatesAndNeverDeletes() {
        JsonNode open = post(vacation, emma, "2020-01-01", null).expectJson(201);
        String id = open.path("id").asText();
        JsonNode ended = world.asAdmin().delete(world.base() + "/assignments/" + id).expectJson(200);
        assertThat(ended.path("id").asText()).isEqualTo(id);
        assertThat(ended.path("effective_to").asText()).isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(ended.path("effective_from").asText()).isEqualTo("2020-01-01");

        JsonNode listed = world.asAdmin().get(ofEmployee(emma)).expectJson(200);
        assertThat(listed.path("total").asInt()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("id").asText()).isEqualTo(id);
        assertThat(listed.path("items").get(0).path("effective_to").asText()).isEqualTo(ended.path("effective_to").asText());
        assertThat(world.asAdmin().get(assignments(vacation)).expectJson(200).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void deleteWithAnExplicitEndDate() {
        String id = post(vacation, emma, "2026-01-01", "2026-12-01").expectJson(201).path("id").asText();
        String path = world.base() + "/assignments/" + id;
        // before (or on) the start → 422
        assertThat(field(world.asAdmin().delete(path + "?effective_to=2026-01-01").expectError(422))).isEqualTo("effective_to");
        assertThat(field(world.asAdmin().delete(path + "?effective_to=2025-12-31").expectError(422))).isEqualTo("effective_to");
        // beyond the current end → 422
        assertThat(field(world.asAdmin().delete(path + "?effective_to=2026-12-02").expectError(422))).isEqualTo("effective_to");
        assertThat(field(world.asAdmin().delete(path + "?effective_to=bogus").expectError(422))).isEqualTo("effective_to");
        JsonNode ended = world.asAdmin().delete(path + "?effective_to=2026-06-15").expectJson(200);
        assertThat(ended.path("effective_to").asText()).isEqualTo("2026-06-15");
        // ending on the current end is allowed; extending again is not
        world.asAdmin().delete(path + "?effective_to=2026-06-15").expectJson(200);
        world.asAdmin().delete(path + "?effective_to=2026-09-01").expectError(422);
        // the freed range can take a new assignment (half-open: starts on the end date)
        post(vacation, emma, "2026-06-15", null).expectJson(201);
        JsonNode listed = world.asAdmin().get(ofEmployee(emma)).expectJson(200);
        assertThat(listed.path("total").asInt()).isEqualTo(2);
    }

    @Test
    void createAndEndAreAudited() {
        String id = post(vacation, emma, "2020-01-01", null).expectJson(201).path("id").asText();
        post(vacation, emma, "2020-01-01", null).expectError(409);
        world.asAdmin().delete(world.base() + "/assignments/" + id + "?effective_to=2024-01-01").expectJson(200);
        world.asAdmin().delete(world.base() + "/assignments/" + id + "?effective_to=2019-01-01").expectError(422);

        List<JsonNode> rows = audit("entity_type=ASSIGNMENT");
        assertThat(rows).hasSize(2);
        JsonNode create = audit("entity_type=ASSIGNMENT&action=CREATE").get(0);
        assertThat(create.path("entity_id").asText()).isEqualTo(id);
        assertThat(create.path("actor_id").asText()).isEqualTo(world.admin.id().toString());
        assertThat(create.path("before_json").isNull()).isTrue();
        assertThat(create.path("after_json").path("effective_from").asText()).isEqualTo("2020-01-01");
        JsonNode end = audit("entity_type=ASSIGNMENT&action=DELETE").get(0);
        assertThat(end.path("entity_id").asText()).isEqualTo(id);
        assertThat(end.path("before_json").path("effective_to").isNull()).isTrue();
        assertThat(end.path("after_json").path("effective_to").asText()).isEqualTo("2024-01-01");
    }

    @Test
    void anotherCompanysAdminCanNeitherReadNorChangeAssignments() {
        String id = post(vacation, emma, "2026-01-01", null).expectJson(201).path("id").asText();
        World other = fixtures.newWorld();
        Http intruder = other.asAdmin();
        // by path: 403
        intruder.post(assignments(vacation), body(emma.id(), "2030-01-01", null)).expectError(403);
        intruder.get(assignments(vacation)).expectError(403);
        intruder.get(ofEmployee(emma)).expectError(403);
        intruder.delete(world.base() + "/assignments/" + id).expectError(403);
        // by id inside their own path: 404
        intruder.post(other.base() + "/policies/" + vacation + "/assignments", body(emma.id(), "2030-01-01", null)).expectError(404);
        intruder.get(other.base() + "/policies/" + vacation + "/assignments").expectError(404);
        intruder.get(other.base() + "/employees/" + emma.id() + "/assignments").expectError(404);
        intruder.delete(other.base() + "/assignments/" + id).expectError(404);
        intruder.delete(other.base() + "/assignments/" + id + "?effective_to=2026-02-01").expectError(404);
        // their own policy with my employee, and my policy with their employee: 404
        UUID theirPolicy = other.unlimitedPolicy("theirs");
        Person theirEmployee = other.employee("Olga", null);
        intruder.post(other.base() + "/policies/" + theirPolicy + "/assignments", body(emma.id(), "2026-01-01", null)).expectError(404);
        intruder.post(other.base() + "/policies/" + vacation + "/assignments", body(theirEmployee.id(), "2026-01-01", null)).expectError(404);
        // nothing changed
        JsonNode mine = world.asAdmin().get(ofEmployee(emma)).expectJson(200);
        assertThat(mine.path("total").asInt()).isEqualTo(1);
        assertThat(mine.path("items").get(0).path("effective_to").isNull()).isTrue();
    }

    @Test
    void everyAssignmentRouteNeedsAnIdentity() {
        String id = post(vacation, emma, "2026-01-01", null).expectJson(201).path("id").asText();
        http.post(assignments(vacation), body(emma.id(), "2030-01-01", null)).expectError(401);
        http.get(assignments(vacation)).expectError(401);
        http.get(ofEmployee(emma)).expectError(401);
        http.delete(world.base() + "/assignments/" + id).expectError(401);
        http.withToken("not-a-jwt").delete(world.base() + "/assignments/" + id).expectError(401);
        assertThat(world.asAdmin().get(ofEmployee(emma)).expectJson(200).path("items").get(0).path("effective_to").isNull()).isTrue();
    }
}
