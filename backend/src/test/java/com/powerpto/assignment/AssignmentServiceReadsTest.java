package com.powerpto.assignment;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What other features read from assignments, and overlap under concurrent writers. */
class AssignmentServiceReadsTest extends ApiTest {

    @Autowired
    AssignmentService service;

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

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void findCoveringNeedsOneAssignmentCoveringEveryDayOfTheRange() {
        UUID first = world.assign(vacation, emma, "2024-01-01", "2024-03-01");
        UUID second = world.assign(vacation, emma, "2024-03-01", null);
        UUID company = world.companyId();

        assertThat(service.findCovering(company, emma.id(), vacation, d("2024-01-01"), d("2024-02-29")))
                .map(Assignment::id).contains(first);
        assertThat(service.findCovering(company, emma.id(), vacation, d("2024-03-01"), d("2030-12-31")))
                .map(Assignment::id).contains(second);
        // half-open: the first one ends before 2024-03-01, so a range crossing the seam has no single cover
        assertThat(service.findCovering(company, emma.id(), vacation, d("2024-02-28"), d("2024-03-02"))).isEmpty();
        assertThat(service.findCovering(company, emma.id(), vacation, d("2023-12-31"), d("2024-01-02"))).isEmpty();
        assertThat(service.findCovering(company, emma.id(), sick, d("2024-01-01"), d("2024-01-02"))).isEmpty();
        assertThat(service.findCovering(UUID.randomUUID(), emma.id(), vacation, d("2024-01-01"), d("2024-01-02"))).isEmpty();
    }

    @Test
    void activeOnListsEveryPolicyInForceThatDay() {
        world.assign(vacation, emma, "2024-01-01", "2024-06-01");
        world.assign(sick, emma, "2024-05-01", null);
        UUID company = world.companyId();
        assertThat(service.activeOn(company, emma.id(), d("2023-12-31"))).isEmpty();
        assertThat(service.activeOn(company, emma.id(), d("2024-01-01"))).extracting(Assignment::policyId).containsExactly(vacation);
        assertThat(service.activeOn(company, emma.id(), d("2024-05-15"))).extracting(Assignment::policyId)
                .containsExactlyInAnyOrder(vacation, sick);
        assertThat(service.activeOn(company, emma.id(), d("2024-06-01"))).extracting(Assignment::policyId).containsExactly(sick);
        assertThat(service.activeOn(UUID.randomUUID(), emma.id(), d("2024-05-15"))).isEmpty();
    }

    @Test
    void anEndedAssignmentMakesRoomForTheNextOne() {
        UUID id = world.assign(vacation, emma, "2024-01-01", null);
        world.asAdmin().delete(world.base() + "/assignments/" + id + "?effective_to=2024-07-01").expectJson(200);
        world.assign(vacation, emma, "2024-07-01", null);
        assertThat(service.activeOn(world.companyId(), emma.id(), d("2024-06-30"))).extracting(Assignment::id).containsExactly(id);
    }

    @Test
    void concurrentOverlappingCreatesYieldExactlyOne201AndNo5xx() throws Exception {
        Http admin = world.asAdmin();
        String path = world.base() + "/policies/" + vacation + "/assignments";
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Http.Response>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Map<String, Object> body = new HashMap<>();
                body.put("employee_id", emma.id().toString());
                body.put("effective_from", "2024-0" + (1 + i) + "-01");
                body.put("effective_to", null);
                results.add(pool.submit(() -> {
                    start.await();
                    return admin.post(path, body);
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Http.Response> result : results) {
                Http.Response response = result.get();
                if (response.status() == 201) {
                    created++;
                } else {
                    JsonNode error = response.expectError(409);
                    assertThat(error.path("error").asText()).contains("assign");
                }
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(admin.get(path).expectJson(200).path("total").asInt()).isEqualTo(1);
    }
}
