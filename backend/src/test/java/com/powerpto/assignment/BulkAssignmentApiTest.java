package com.powerpto.assignment;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST …/policies/{pid}/assignments/bulk}: one policy to all, a department, a manager's reports or a list. */
class BulkAssignmentApiTest extends ApiTest {

    World world;
    Person mia;
    Person emma;
    Person liam;
    Person olga;
    UUID vacation;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
        mia = world.manager("Mia");
        emma = world.employee("Emma", mia.id(), Map.of("department", "Sales"));
        liam = world.employee("Liam", mia.id(), Map.of("department", "Support"));
        olga = world.employee("Olga", null, Map.of("department", "sales"));
        vacation = world.timePolicy("vacation", Map.of());
    }

    JsonNode bulk(Map<String, Object> selector) {
        Map<String, Object> body = new HashMap<>(selector);
        body.put("effective_from", "2026-01-01");
        return world.asAdmin().post(world.base() + "/policies/" + vacation + "/assignments/bulk", body).expectJson(200);
    }

    List<String> assigned(JsonNode result) {
        return result.path("created").findValuesAsText("employee_id");
    }

    @Test
    void byDepartmentByManagerByListThenAllSkippingThoseAlreadyAssigned() {
        assertThat(assigned(bulk(Map.of("department", "SALES"))))
                .containsExactlyInAnyOrder(emma.id().toString(), olga.id().toString());
        JsonNode byManager = bulk(Map.of("manager_id", mia.id().toString()));
        assertThat(assigned(byManager)).containsExactly(liam.id().toString());
        assertThat(byManager.path("skipped").get(0).path("employee_id").asText()).isEqualTo(emma.id().toString());
        assertThat(byManager.path("skipped").get(0).path("reason").asText()).contains("already assigned");
        assertThat(assigned(bulk(Map.of("employee_ids", List.of(mia.id().toString()))))).containsExactly(mia.id().toString());

        JsonNode all = bulk(Map.of("all", true));
        assertThat(assigned(all)).containsExactly(world.admin.id().toString());
        assertThat(all.path("matched").asInt()).isEqualTo(5);
        assertThat(bulk(Map.of("all", true)).path("created").size()).isZero();
        assertThat(world.asAdmin().get(world.base() + "/audit-log?entity_type=ASSIGNMENT&action=CREATE").expectJson(200)
                .path("total").asInt()).isEqualTo(5);
        assertThat(world.asAdmin().get(world.base() + "/policies/" + vacation + "/assignments").expectJson(200)
                .path("items").get(0).path("effective_from").asText()).isEqualTo("2026-01-01");
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.powerpto.accrual.AccrualRecalculation recalculation;
    @org.springframework.beans.factory.annotation.Autowired
    com.powerpto.accrual.JobProgressRepository progress;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * A bulk assignment entered after its start date gets the accruals it missed: a few people at once,
     * many through the worker's durable queue.
     */
    @Test
    void backdatedBulkAssignmentQueuesTheRecalculationOfItsBalances() {
        String job = com.powerpto.accrual.worker.WorkerCycle.DEFAULT_JOB;
        var horizon = com.powerpto.support.WorkerHorizon.save(progress, jdbc);
        progress.set(job, java.time.LocalDate.parse("2026-03-15"));
        try {
            bulk(Map.of("employee_ids", List.of(emma.id().toString())));
            assertThat(recalculation.queued(world.companyId())).isZero();
            // YEARLY, start of period, 9,600 min: the 1 January 2026 grant the worker never posted
            assertThat(world.balance(emma, vacation).path("accrued_minutes").asLong()).isEqualTo(9600);
            // more people than are corrected at once go to the queue the worker works off
            List<String> many = new java.util.ArrayList<>();
            for (int i = 0; i < 51; i++) {
                many.add(world.employee("Many" + i, null).id().toString());
            }
            var other = world.timePolicy("other-" + java.util.UUID.randomUUID().toString().substring(0, 6), Map.of());
            world.asAdmin().post(world.base() + "/policies/" + other + "/assignments/bulk",
                    Map.of("employee_ids", many, "effective_from", "2026-01-01")).expectJson(200);
            assertThat(recalculation.queued(world.companyId())).isEqualTo(51);
            recalculation.processQueue(100, round -> { });
            assertThat(recalculation.queued(world.companyId())).isZero();
            assertThat(world.balance(new com.powerpto.support.Person(world.companyId(),
                    java.util.UUID.fromString(many.get(50)), com.powerpto.platform.security.Role.EMPLOYEE), other).path("accrued_minutes").asLong())
                    .isEqualTo(9600);
        } finally {
            horizon.restore();
        }
    }

    @Test
    void peopleWhoHaveLeftAreNotAssigned() {
        world.asAdmin().post(world.base() + "/employees/" + olga.id() + "/terminate", Map.of("termination_date", "2025-12-31")).expect(200);
        assertThat(assigned(bulk(Map.of("department", "sales")))).containsExactly(emma.id().toString());
        JsonNode listed = bulk(Map.of("employee_ids", List.of(olga.id().toString())));
        assertThat(listed.path("created").size()).isZero();
        assertThat(listed.path("skipped").get(0).path("reason").asText()).isEqualTo("has left the company");
    }

    @Test
    void badSelectorsAre422AndOnlyAdminsOfTheCompanyMayCall() {
        String path = world.base() + "/policies/" + vacation + "/assignments/bulk";
        world.asAdmin().post(path, Map.of("effective_from", "2026-01-01")).expectError(422);
        world.asAdmin().post(path, Map.of("effective_from", "2026-01-01", "all", true, "department", "Sales")).expectError(422);
        world.asAdmin().post(path, Map.of("all", true)).expectError(422);
        world.asAdmin().post(path, Map.of("effective_from", "2026-01-01", "effective_to", "2026-01-01", "all", true)).expectError(422);
        world.asAdmin().post(path, Map.of("effective_from", "2026-01-01", "employee_ids", List.of())).expectError(422);
        assertThat(world.asAdmin().post(path, Map.of("effective_from", "2026-01-01",
                "employee_ids", List.of(UUID.randomUUID().toString()))).expectError(422).path("error").asText()).startsWith("employee_ids:");
        world.asAdmin().post(world.base() + "/policies/" + UUID.randomUUID() + "/assignments/bulk",
                Map.of("effective_from", "2026-01-01", "all", true)).expectError(404);
        Map<String, Object> body = Map.of("effective_from", "2026-01-01", "all", true);
        world.as(mia).post(path, body).expectError(403);
        world.as(new Person(emma.companyId(), emma.id(), Role.EMPLOYEE)).post(path, body).expectError(403);
        fixtures.newWorld().asAdmin().post(path, body).expectError(403);
        assertThat(world.asAdmin().get(world.base() + "/policies/" + vacation + "/assignments").expectJson(200)
                .path("total").asInt()).isZero();
    }
}
