package com.powerpto.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The review fixes of issue 14 (fix 2, a date with row errors, is in AccrualWorkerTest; 4 and 8 in PayrollWebhookApiTest). */
class AccrualReviewFixesApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private record Setup(Person admin, AccrualData data, Http asAdmin, String base) {
        JsonNode run(String what, String date) {
            return asAdmin.post(base + "/accruals/" + what + "?target_date=" + date, null).expectJson(200);
        }
    }

    private Setup setup() {
        Person admin = fixtures.newCompanyAdmin();
        AccrualData data = new AccrualData(jdbc, admin.companyId());
        data.employee(admin.id(), "Ada", null);
        return new Setup(admin, data, http.as(admin), "/api/companies/" + admin.companyId());
    }

    /** Fix 1: a January day booked in December neither shelters minutes above the cap nor counts as old-year usage. */
    @Test
    void carryoverIgnoresNewYearUsageAndHolds() {
        Setup s = setup();
        var policy = s.data.policy("cap", AccrualData.time("MONTHLY", "START_OF_PERIOD", 800, "NONE",
                Map.of("carryover", Map.of("enabled", true, "cap_minutes", 480))), d("2020-01-01"));
        UUID eve = s.data.employee("Eve", null);
        s.data.assign(policy, eve, d("2025-11-01"), null);
        s.run("trigger", "2025-11-01");
        s.run("trigger", "2025-12-01");
        Http asEve = http.as(s.admin.companyId(), eve, Role.EMPLOYEE);
        JsonNode approved = asEve.post(s.base + "/requests", Map.of("employee_id", eve.toString(), "policy_id", policy.id().toString(),
                "start_at", "2026-01-05T00:00", "end_at", "2026-01-06T00:00")).expectJson(201);
        s.asAdmin.post(s.base + "/requests/" + approved.path("id").asText() + "/approve", null).expectJson(200);
        asEve.post(s.base + "/requests", Map.of("employee_id", eve.toString(), "policy_id", policy.id().toString(),
                "start_at", "2026-01-06T00:00", "end_at", "2026-01-07T00:00")).expectJson(201); // pending: a HOLD

        s.run("carryover", "2026-01-01");

        // Old year: 1,600 available → 480 carried, 1,120 expire (the January usage and hold do not shelter any).
        assertThat(s.data.sum(eve, policy.id(), "EXPIRATION")).isEqualTo(-1120);
        String meta = jdbc.sql("SELECT metadata_json::text FROM ledger_entries WHERE company_id = :c AND employee_id = :e AND entry_type = 'CARRYOVER'")
                .param("c", s.admin.companyId()).param("e", eve).query(String.class).single();
        assertThat(meta).contains("\"carried_minutes\": 480").contains("\"used_minutes_at_carryover\": 0");
    }

    /** Fix 3: a date that has not begun yet cannot be run. */
    @Test
    void futureTargetDatesAre422() {
        Setup s = setup();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        for (String what : List.of("trigger", "carryover", "expiration")) {
            JsonNode error = s.asAdmin.post(s.base + "/accruals/" + what + "?target_date=" + tomorrow, null).expectError(422);
            assertThat(error.toString()).contains("future");
        }
        s.run("trigger", LocalDate.now(ZoneOffset.UTC).toString());
    }

    /** Fix 5: carried minutes expire even when expires_after_days reaches past the following year. */
    @Test
    void carriedMinutesExpireAfterMoreThanTwoYears() {
        Setup s = setup();
        var policy = s.data.policy("long", AccrualData.time("MONTHLY", "START_OF_PERIOD", 800, "NONE",
                Map.of("carryover", Map.of("enabled", true, "cap_minutes", 1000, "expires_after_days", 800))), d("2020-01-01"));
        UUID eve = s.data.employee("Eve", null);
        s.data.assign(policy, eve, d("2023-11-01"), null);
        s.run("trigger", "2023-11-01");
        s.run("trigger", "2023-12-01");
        s.run("carryover", "2024-01-01"); // 1,600 → 1,000 carried until 2024-01-01 + 800 days = 2026-03-11
        assertThat(s.data.sum(eve, policy.id(), "EXPIRATION")).isEqualTo(-600);
        s.run("expiration", "2026-03-10");
        assertThat(s.data.sum(eve, policy.id(), "EXPIRATION")).isEqualTo(-600);
        JsonNode due = s.run("expiration", "2026-03-11");
        assertThat(due.path("expirations_processed").asInt()).isEqualTo(1);
        assertThat(s.data.sum(eve, policy.id(), "EXPIRATION")).isEqualTo(-1600);
        assertThat(s.data.entries(eve, policy.id())).anySatisfy(e ->
                assertThat(e.sourceId()).isEqualTo("carryover-expiry:" + policy.id() + ":" + eve + ":2024"));
        assertThat(s.run("expiration", "2026-03-12").path("expirations_processed").asInt()).isZero();
    }

    /** Fix 6: the cap is applied as of the posting's day, so later usage does not unlock a re-run. */
    @Test
    void rerunningACappedDateDoesNotGrantAgainLater() {
        Setup s = setup();
        var policy = s.data.policy("capped", AccrualData.time("DAILY", "END_OF_PERIOD", 20, "NONE",
                Map.of("bank_cap_minutes", 100)), d("2020-01-01"));
        UUID eve = s.data.employee("Eve", null);
        s.data.assign(policy, eve, d("2026-03-01"), null);
        for (int day = 1; day <= 6; day++) {
            s.run("trigger", "2026-03-0" + day);
        }
        assertThat(s.data.snapshot(eve, policy.id())[0]).isEqualTo(100); // day 6 capped to nothing
        s.asAdmin.post(s.base + "/adjustments", Map.of("employee_id", eve.toString(), "policy_id", policy.id().toString(),
                "amount_minutes", -60, "reason", "correction")).expectJson(201); // effective now, long after March
        JsonNode rerun = s.run("trigger", "2026-03-06");
        assertThat(rerun.path("accrued").asInt()).isZero();
        assertThat(s.data.snapshot(eve, policy.id())[0]).isEqualTo(40);
    }

    /** Fix 7: approve/cancel tag the version in force on the employee's local first day, as submit does. */
    @Test
    void transitionsTagTheVersionByTheEmployeesLocalDate() {
        World world = fixtures.newWorld();
        UUID policy = world.timePolicy("tz", Map.of());
        Map<String, Object> v2 = Map.of("type", "ACCRUAL", "accrual_method", "TIME", "accrual_frequency", "YEARLY",
                "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_year", 9000, "proration", "NONE");
        world.asAdmin().put(world.base() + "/policies/" + policy,
                Map.of("version", Map.of("effective_from", "2026-06-01", "settings", v2))).expectJson(200);
        Person kiri = world.employee("Kiri", null, Map.of("timezone", "Pacific/Auckland"));
        world.assign(policy, kiri, "2026-01-01", null);
        world.adjust(kiri, policy, 2000, "start");
        // June 1 in Auckland is May 31 12:00 UTC: version 2 by the local date, version 1 by the UTC date.
        JsonNode request = world.submit(kiri, policy, "2026-06-01T09:00", "2026-06-01T17:00").expectJson(201);
        world.approve(world.admin, request.path("id").asText());
        List<String> versions = world.ledger(kiri, policy).stream()
                .filter(e -> List.of("HOLD", "HOLD_RELEASE", "USAGE").contains(e.path("entry_type").asText()))
                .map(e -> e.path("policy_version_id").asText()).distinct().toList();
        assertThat(versions).hasSize(1);
        String version2 = jdbc.sql("SELECT id::text FROM policy_versions WHERE company_id = :c AND policy_id = :p AND version = 2")
                .param("c", world.companyId()).param("p", policy).query(String.class).single();
        assertThat(versions.get(0)).isEqualTo(version2);
    }
}
