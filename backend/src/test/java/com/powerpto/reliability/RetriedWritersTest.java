package com.powerpto.reliability;

import com.powerpto.accrual.AccrualData;
import com.powerpto.payroll.PayrollSignature;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every writer, sent five times at once (a client's or a load balancer's retries), has one effect:
 * exactly the ledger entries (and audit rows) of one call, whatever the other four answer.
 */
class RetriedWritersTest extends ReliabilityApiTest {

    static final int TIMES = 5;

    @Autowired
    PtoProperties properties;

    /**
     * @param allowed  statuses the repeats may answer
     * @param winners  how many calls may report the effect (null = any number: replays answer like the first)
     * @param ledger   ledger entries the five calls add together, by entry type
     * @param audit    audit rows they add together
     */
    record Effect(IntFunction<Http.Response> call, Set<Integer> allowed, Integer winners, Map<String, Integer> ledger,
                  int audit) {
    }

    record Writer(String name, BiFunction<RetriedWritersTest, Ctx, Effect> setup) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A company with Emma (manager Max) and a vacation balance of 20 days. */
    record Ctx(World world, Person emma, Person max, UUID vacation) {
        String submitted(String day) {
            return world.submit(emma, vacation, day + "T00:00", day + "T23:59").expectJson(201).path("id").asText();
        }

        Http.Response act(String requestId, String action) {
            return world.asAdmin().post(world.base() + "/requests/" + requestId + "/" + action, Map.of("note", "retried"));
        }
    }

    static Stream<Arguments> writers() {
        return Stream.of(
                new Writer("submit with idempotency_key", (t, c) -> {
                    Map<String, Object> body = c.world().request(c.emma(), c.vacation(), "2027-03-02T09:00", "2027-03-02T17:00");
                    body.put("idempotency_key", "retry-" + UUID.randomUUID());
                    return new Effect(i -> c.world().as(c.emma()).post(c.world().base() + "/requests", body),
                            Set.of(201), null, Map.of("HOLD", 1), 1);
                }),
                new Writer("approve", (t, c) -> {
                    String id = c.submitted("2027-03-03");
                    return new Effect(i -> c.act(id, "approve"), Set.of(200, 409), 1,
                            Map.of("HOLD_RELEASE", 1, "USAGE", 1), 1);
                }),
                new Writer("deny", (t, c) -> {
                    String id = c.submitted("2027-03-04");
                    return new Effect(i -> c.act(id, "deny"), Set.of(200, 409), 1, Map.of("HOLD_RELEASE", 1), 1);
                }),
                new Writer("cancel a pending request", (t, c) -> {
                    String id = c.submitted("2027-03-05");
                    return new Effect(i -> c.world().as(c.emma()).post(c.world().base() + "/requests/" + id + "/cancel", null),
                            Set.of(200, 409), 1, Map.of("HOLD_RELEASE", 1), 1);
                }),
                new Writer("cancel an approved future request", (t, c) -> {
                    String id = c.submitted("2027-03-08");
                    c.act(id, "approve").expect(200);
                    return new Effect(i -> c.world().asAdmin().post(c.world().base() + "/requests/" + id + "/cancel", null),
                            Set.of(200, 409), 1, Map.of("USAGE_REVERSAL", 1), 1);
                }),
                new Writer("adjustment with idempotency_key", (t, c) -> {
                    Map<String, Object> body = Map.of("employee_id", c.emma().id().toString(),
                            "policy_id", c.vacation().toString(), "amount_minutes", 240, "reason", "retried grant",
                            "idempotency_key", "adj-" + UUID.randomUUID());
                    return new Effect(i -> c.world().asAdmin().post(c.world().base() + "/adjustments", body),
                            Set.of(200, 201), null, Map.of("ADJUSTMENT", 1), 1);
                }),
                new Writer("payroll webhook replay", (t, c) -> {
                    UUID hourly = c.world().policy("hourly", "OTHER", AccrualData.hours(60, 1440, Map.of()), "2024-01-01");
                    c.world().assign(hourly, c.emma(), "2025-01-01", null);
                    Map<String, Object> body = new HashMap<>();
                    body.put("payroll_run_id", UUID.randomUUID().toString());
                    body.put("company_id", c.world().companyId().toString());
                    body.put("period_start", "2025-03-01");
                    body.put("period_end", "2025-03-15");
                    body.put("entries", List.of(Map.of("employee_id", c.emma().id().toString(), "worked_minutes", 4800)));
                    String raw = json(body);
                    String signature = PayrollSignature.sign(raw.getBytes(StandardCharsets.UTF_8), t.properties.payrollWebhookSecret());
                    return new Effect(i -> t.http.header(PayrollSignature.HEADER, signature).post("/api/webhooks/payroll_processed", raw),
                            Set.of(200, 409), null, Map.of("ACCRUAL", 1), -1);
                }),
                new Writer("accrual trigger for a date", (t, c) -> new Effect(
                        i -> c.world().asAdmin().post(c.world().base() + "/accruals/trigger?target_date=2026-01-01", null),
                        Set.of(200, 409), null, Map.of("ACCRUAL", 1), -1))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void fiveConcurrentRepeatsHaveOneEffect(Writer writer) throws Exception {
        World world = fixtures.newWorld();
        Person max = world.manager("Max");
        Person emma = world.employee("Emma", max.id());
        UUID vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 20 * 480, "twenty days");
        Effect effect = writer.setup().apply(this, new Ctx(world, emma, max, vacation));

        Map<String, Long> ledgerBefore = ledgerByType(world.companyId());
        long auditBefore = audit(world.companyId());
        List<Http.Response> responses = Checks.race(TIMES, effect.call());
        Map<String, Long> ledgerAfter = ledgerByType(world.companyId());
        long auditAfter = audit(world.companyId());

        List<Integer> statuses = responses.stream().map(Http.Response::status).toList();
        System.out.printf("[retries] %-35s statuses %s, ledger +%s, audit +%d%n", writer, statuses,
                delta(ledgerBefore, ledgerAfter), auditAfter - auditBefore);
        assertThat(statuses).as(writer + " answers").allMatch(effect.allowed()::contains);
        responses.stream().filter(r -> r.status() >= 400).forEach(r -> assertThat(Checks.errorShapeProblem(r)).isNull());
        if (effect.winners() != null) {
            assertThat(statuses).filteredOn(s -> s < 300).hasSize(effect.winners());
        } else {
            assertThat(statuses).filteredOn(s -> s < 300).isNotEmpty();
        }
        Map<String, Long> expected = new HashMap<>();
        effect.ledger().forEach((type, n) -> expected.put(type, (long) n));
        assertThat(delta(ledgerBefore, ledgerAfter)).as(writer + " ledger entries added").isEqualTo(expected);
        if (effect.audit() >= 0) {
            assertThat(auditAfter - auditBefore).as(writer + " audit rows added").isEqualTo(effect.audit());
        }
        // A sixth, later repeat adds nothing either.
        effect.call().apply(TIMES);
        assertThat(ledgerByType(world.companyId())).isEqualTo(ledgerAfter);
        assertThat(ledgerService.reconcile(world.companyId()).mismatches()).isEmpty();
        assertThat(Checks.partialRequests(jdbc, world.companyId())).isEmpty();
    }

    private Map<String, Long> ledgerByType(UUID companyId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT entry_type, count(*) FROM ledger_entries WHERE company_id = :c GROUP BY entry_type")
                .param("c", companyId).query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private long audit(UUID companyId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE company_id = :c").param("c", companyId).query(Long.class).single();
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((type, n) -> {
            long d = n - before.getOrDefault(type, 0L);
            if (d != 0) {
                delta.put(type, d);
            }
        });
        return delta;
    }

    private static String json(Object body) {
        try {
            return Http.JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
