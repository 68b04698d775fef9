package com.powerpto.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.ledger.LedgerService;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccrualTriggerApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerService ledger;

    Person admin;
    Http asAdmin;
    AccrualData data;

    @BeforeEach
    void company() {
        admin = fixtures.newCompanyAdmin();
        asAdmin = http.as(admin);
        data = new AccrualData(jdbc, admin.companyId());
        data.employee(admin.id(), "Ada", null);
    }

    @AfterEach
    void reconciles() {
        assertThat(ledger.reconcile(admin.companyId()).mismatches()).isEmpty();
    }

    private String base() {
        return "/api/companies/" + admin.companyId() + "/accruals";
    }

    private JsonNode trigger(String day) {
        return asAdmin.post(base() + "/trigger?target_date=" + day, null).expectJson(200);
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void monthlyRunPostsOncePerDateWithTenureAndProration() {
        var policy = data.policy("monthly", AccrualData.time("MONTHLY", "START_OF_PERIOD", 800, "DAYS_ACTIVE",
                Map.of("tenure_tiers", List.of(Map.of("min_months", 12, "accrual_rate_minutes", 1000)))), d("2024-01-01"));
        UUID veteran = data.employee("Vera", d("2020-01-01"));
        UUID newcomer = data.employee("Neil", null);
        UUID midMonth = data.employee("Mia", null);
        UUID gone = data.employee("Gus", null);
        data.assign(policy, veteran, d("2025-01-01"), null);
        data.assign(policy, newcomer, d("2025-02-01"), null);
        data.assign(policy, midMonth, d("2025-03-16"), null);
        data.assign(policy, gone, d("2024-01-01"), d("2025-02-15"));

        JsonNode first = trigger("2025-03-01");
        assertThat(first.path("target_date").asText()).isEqualTo("2025-03-01");
        assertThat(first.path("processed").asInt()).isEqualTo(2);
        assertThat(first.path("accrued").asInt()).isEqualTo(2);
        assertThat(first.path("skipped").asInt()).isZero();
        assertThat(first.path("errors").asInt()).isZero();

        JsonNode rerun = trigger("2025-03-01");
        assertThat(rerun.path("processed").asInt()).isEqualTo(2);
        assertThat(rerun.path("accrued").asInt()).isZero();
        assertThat(rerun.path("skipped").asInt()).isEqualTo(2);

        JsonNode mid = trigger("2025-03-16");
        assertThat(mid.path("accrued").asInt()).isEqualTo(1);
        assertThat(trigger("2025-03-17").path("processed").asInt()).isZero();

        assertThat(data.entries(veteran, policy.id())).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(1000); // tier: 62 months since hire
            assertThat(e.type()).isEqualTo("ACCRUAL");
            assertThat(e.sourceType()).isEqualTo("SYSTEM");
            assertThat(e.sourceId()).isEqualTo("accrual:" + policy.id() + ":" + veteran + ":2025-03-01");
            assertThat(e.effectiveDate()).isEqualTo(d("2025-03-01"));
        });
        assertThat(data.sum(newcomer, policy.id(), "ACCRUAL")).isEqualTo(800); // 1 month since assignment start
        assertThat(data.sum(midMonth, policy.id(), "ACCRUAL")).isEqualTo(800L * 16 / 31);
        assertThat(data.entries(gone, policy.id())).isEmpty();
        assertThat(data.snapshot(veteran, policy.id())).containsExactly(1000, 0, 0);
        assertThat(data.auditCount("ACCRUAL")).isEqualTo(4);
        assertThat(data.runCount("TIME_ACCRUAL")).isEqualTo(4);
        JsonNode metadata = jdbc.sql("SELECT metadata_json::text FROM ledger_entries WHERE company_id = :c AND employee_id = :e")
                .param("c", admin.companyId()).param("e", midMonth).query((rs, i) -> {
                    try {
                        return Http.JSON.readTree(rs.getString(1));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).single();
        assertThat(metadata.path("prorated").asBoolean()).isTrue();
        assertThat(metadata.path("active_days").asInt()).isEqualTo(16);
        assertThat(metadata.path("rate_minutes").asInt()).isEqualTo(800);
    }

    @Test
    void bankCapGrantsOnlyTheHeadroomAndResumesAfterABalanceDrop() {
        // Dates end today: the adjustment below takes effect now, and the cap is applied as of the
        // posting's day (a drop dated later does not unlock an earlier date, issue 14 review fix 6).
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        var policy = data.policy("capped", AccrualData.time("DAILY", "END_OF_PERIOD", 100, "NONE",
                Map.of("bank_cap_minutes", 250)), d("2024-01-01"));
        UUID e = data.employee("Cap", null);
        data.assign(policy, e, today.minusDays(4), null);
        assertThat(trigger(today.minusDays(4).toString()).path("accrued").asInt()).isEqualTo(1);
        trigger(today.minusDays(3).toString());
        trigger(today.minusDays(2).toString());
        JsonNode full = trigger(today.minusDays(1).toString());
        assertThat(full.path("processed").asInt()).isEqualTo(1);
        assertThat(full.path("accrued").asInt()).isZero();
        assertThat(full.path("skipped").asInt()).isEqualTo(1);
        assertThat(data.entries(e, policy.id())).extracting(AccrualData.Entry::amount).containsExactly(100L, 100L, 50L);
        asAdmin.post("/api/companies/" + admin.companyId() + "/adjustments", Map.of("employee_id", e.toString(),
                "policy_id", policy.id().toString(), "amount_minutes", -200, "reason", "paid out")).expect(201);
        assertThat(trigger(today.minusDays(1).toString()).path("accrued").asInt()).as("as of yesterday: still full").isZero();
        assertThat(trigger(today.toString()).path("accrued").asInt()).isEqualTo(1);
        assertThat(data.snapshot(e, policy.id())[0]).isEqualTo(250 - 200 + 100);
    }

    @Test
    void carryoverAndExpirationEndpoints() {
        var yearly = data.policy("yearly", AccrualData.time("YEARLY", "START_OF_PERIOD", 9600, "NONE",
                Map.of("carryover", Map.of("enabled", true, "cap_minutes", 2400, "expires_after_days", 90))), d("2024-01-01"));
        var monthly = data.policy("use-it", AccrualData.time("MONTHLY", "START_OF_PERIOD", 800, "NONE",
                Map.of("expiration", Map.of("enabled", true, "expires_on_month", 3, "expires_on_day", 31))), d("2024-01-01"));
        UUID e = data.employee("Carl", null);
        data.assign(yearly, e, d("2024-01-01"), null);
        data.assign(monthly, e, d("2025-01-01"), null);
        trigger("2024-01-01");
        // New-year accrual posted before the carryover run must not be carried or expired.
        trigger("2025-01-01");

        JsonNode carry = asAdmin.post(base() + "/carryover?target_date=2025-01-01", null).expectJson(200);
        assertThat(carry.path("target_date").asText()).isEqualTo("2025-01-01");
        assertThat(carry.path("carryovers_processed").asInt()).isEqualTo(1);
        assertThat(carry.path("expirations_processed").asInt()).isEqualTo(1);
        assertThat(carry.path("errors").asInt()).isZero();
        assertThat(data.snapshot(e, yearly.id())[0]).isEqualTo(2400 + 9600);
        assertThat(data.entries(e, yearly.id())).extracting(AccrualData.Entry::type, AccrualData.Entry::amount)
                .contains(org.assertj.core.groups.Tuple.tuple("EXPIRATION", -7200L),
                        org.assertj.core.groups.Tuple.tuple("CARRYOVER", 0L));
        JsonNode again = asAdmin.post(base() + "/carryover?target_date=2025-01-01", null).expectJson(200);
        assertThat(again.path("carryovers_processed").asInt()).isZero();
        assertThat(again.path("skipped").asInt()).isEqualTo(1);
        JsonNode notJan1 = asAdmin.post(base() + "/carryover?target_date=2025-06-01", null).expectJson(200);
        assertThat(notJan1.path("carryovers_processed").asInt()).isZero();

        trigger("2025-02-01");
        trigger("2025-03-01");
        // Carried minutes unused 90 days after Jan 1 expire on Apr 1; fixed-date expiration on Mar 31.
        JsonNode march31 = asAdmin.post(base() + "/expiration?target_date=2025-03-31", null).expectJson(200);
        assertThat(march31.path("expirations_processed").asInt()).isEqualTo(1);
        assertThat(data.snapshot(e, monthly.id())[0]).isZero();
        JsonNode april1 = asAdmin.post(base() + "/expiration?target_date=2025-04-01", null).expectJson(200);
        assertThat(april1.path("expirations_processed").asInt()).isEqualTo(1);
        assertThat(data.snapshot(e, yearly.id())[0]).isEqualTo(9600);
        JsonNode replay = asAdmin.post(base() + "/expiration?target_date=2025-04-01", null).expectJson(200);
        assertThat(replay.path("expirations_processed").asInt()).isZero();
        assertThat(data.snapshot(e, yearly.id())[0]).isEqualTo(9600);
        assertThat(data.auditCount("ACCRUAL")).isGreaterThanOrEqualTo(9);
    }

    /**
     * Accrual stops while the balance sits at its 600 bank cap (1 Feb grants nothing), so 45 days after
     * the last accrual (1 Jan) the balance expires on 15 Feb; the 1 Mar grant starts it again.
     */
    @Test
    void expirationAfterDaysSinceLastAccrual() {
        var policy = data.policy("stale", AccrualData.time("MONTHLY", "START_OF_PERIOD", 600, "NONE",
                Map.of("bank_cap_minutes", 600, "expiration", Map.of("enabled", true, "expires_after_days", 45))),
                d("2024-01-01"));
        UUID e = data.employee("Stan", null);
        data.assign(policy, e, d("2025-01-01"), null);
        trigger("2025-01-01");
        assertThat(asAdmin.post(base() + "/expiration?target_date=2025-02-14", null).expectJson(200)
                .path("expirations_processed").asInt()).isZero();
        assertThat(asAdmin.post(base() + "/expiration?target_date=2025-02-15", null).expectJson(200)
                .path("expirations_processed").asInt()).isEqualTo(1);
        assertThat(data.snapshot(e, policy.id())[0]).isZero();
        assertThat(asAdmin.post(base() + "/expiration?target_date=2025-02-16", null).expectJson(200)
                .path("expirations_processed").asInt()).isZero();
    }

    @Test
    void refusals() {
        asAdmin.post(base() + "/trigger", null).expectError(422);
        asAdmin.post(base() + "/trigger?target_date=2025-13-01", null).expectError(422);
        asAdmin.post(base() + "/carryover?target_date=tomorrow", null).expectError(422);
        asAdmin.post(base() + "/expiration", null).expectError(422);
        http.as(admin.companyId(), UUID.randomUUID(), Role.EMPLOYEE).post(base() + "/trigger?target_date=2025-01-01", null)
                .expectError(403);
        http.as(UUID.randomUUID(), admin.id(), Role.ADMIN).post(base() + "/trigger?target_date=2025-01-01", null)
                .expectError(403);
        http.post(base() + "/trigger?target_date=2025-01-01", null).expectError(401);
    }
}
