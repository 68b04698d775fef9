package com.powerpto.request;

import com.powerpto.support.Http;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Races on a real database: the snapshot row lock and the request row lock decide, never both writers. */
class RequestConcurrencyTest extends LedgerCheckedTest {

    static List<Integer> race(int n, java.util.function.IntFunction<Http.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return call.apply(index).status();
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyParallelSubmitsAgainstABalanceForFiveGiveExactlyFive() throws Exception {
        Person emma = world.employee("Emma", null);
        UUID vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 5 * 480, "five days");
        LocalDate monday = LocalDate.of(2027, 3, 1);
        List<Integer> statuses = race(20, i -> {
            LocalDate day = monday.plusWeeks(i / 5).plusDays(i % 5);
            return world.submit(emma, vacation, day + "T00:00", day.plusDays(1) + "T00:00");
        });
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
        assertThat(statuses).filteredOn(s -> s != 201).allMatch(s -> s == 400);
        assertThat(world.balance(emma, vacation).path("available_minutes").asLong()).isZero();
        assertThat(world.balance(emma, vacation).path("held_minutes").asLong()).isEqualTo(2400);
    }

    @Test
    void tenParallelApprovalsOfOneRequestGiveOneApproval() throws Exception {
        Person emma = world.employee("Emma", null);
        UUID vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 480, "one day");
        String id = world.submit(emma, vacation, "2027-03-02T00:00", "2027-03-03T00:00").expectJson(201).path("id").asText();
        List<Integer> statuses = race(10, i -> world.asAdmin().post(world.base() + "/requests/" + id + "/approve", null));
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 409);
        assertThat(world.ledger(emma, vacation)).filteredOn(e -> e.path("entry_type").asText().equals("USAGE")).hasSize(1);
    }

    @Test
    void approveRacingCancelHasOneOutcome() throws Exception {
        // Past requests: once approved they can no longer be cancelled, so exactly one call may win.
        Person emma = world.employee("Emma", null);
        UUID vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2020-01-01", null);
        world.adjust(emma, vacation, 4800, "ten days");
        for (int round = 0; round < 5; round++) {
            LocalDate day = LocalDate.of(2025, 3, 3).plusDays(round);
            String id = world.submit(emma, vacation, day + "T00:00", day.plusDays(1) + "T00:00").expectJson(201).path("id").asText();
            List<Integer> statuses = race(2, i -> i == 0
                    ? world.asAdmin().post(world.base() + "/requests/" + id + "/approve", null)
                    : world.as(emma).post(world.base() + "/requests/" + id + "/cancel", null));
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            String status = world.asAdmin().get(world.base() + "/requests/" + id).expectJson(200).path("status").asText();
            assertThat(status).isEqualTo(statuses.get(0) == 200 ? "APPROVED" : "CANCELLED");
        }
        assertThat(world.balance(emma, vacation).path("held_minutes").asLong()).isZero();
        long usages = world.ledger(emma, vacation).stream().filter(e -> e.path("entry_type").asText().equals("USAGE")).count();
        long approved = world.asAdmin().get(world.base() + "/requests?status=APPROVED").expectJson(200).path("total").asLong();
        assertThat(usages).isEqualTo(approved);
    }

    @Test
    void replayingOneKeyFiveTimesConcurrentlyCreatesOneRequest() throws Exception {
        Person emma = world.employee("Emma", null);
        UUID vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 4800, "ten days");
        Map<String, Object> body = world.request(emma, vacation, "2027-03-02T09:00", "2027-03-02T17:00");
        body.put("idempotency_key", "same-key");
        List<Integer> statuses = race(5, i -> world.as(emma).post(world.base() + "/requests", body));
        assertThat(statuses).containsOnly(201);
        assertThat(world.as(emma).get(world.base() + "/requests").expectJson(200).path("total").asLong()).isEqualTo(1);
    }
}
