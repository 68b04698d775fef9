package com.powerpto.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.accrual.AccrualData;
import com.powerpto.ledger.LedgerService;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PayrollWebhookApiTest extends ApiTest {

    static final String PATH = "/api/webhooks/payroll_processed";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerService ledger;
    @Autowired
    PtoProperties properties;
    @Autowired
    com.powerpto.accrual.JobProgressRepository progress;

    Person admin;
    AccrualData data;
    AccrualData.Policy hourly;
    UUID worker;
    UUID salaried;

    @BeforeEach
    void company() {
        admin = fixtures.newCompanyAdmin();
        data = new AccrualData(jdbc, admin.companyId());
        hourly = data.policy("hourly", AccrualData.hours(60, 1440, Map.of("bank_cap_minutes", 1000,
                "tenure_tiers", List.of(Map.of("min_months", 120, "accrual_rate_minutes", 90)))), LocalDate.parse("2024-01-01"));
        worker = data.employee("Hana", LocalDate.parse("2024-06-01"));
        salaried = data.employee("Sal", null);
        data.assign(hourly, worker, LocalDate.parse("2025-01-01"), null);
    }

    @AfterEach
    void reconciles() {
        assertThat(ledger.reconcile(admin.companyId()).mismatches()).isEmpty();
    }

    private String body(UUID runId, Object entries, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("payroll_run_id", runId.toString());
        body.put("company_id", admin.companyId().toString());
        body.put("period_start", "2025-03-01");
        body.put("period_end", "2025-03-15");
        body.put("entries", entries);
        body.putAll(overrides);
        try {
            return Http.JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Http.Response send(String raw) {
        String signature = PayrollSignature.sign(raw.getBytes(StandardCharsets.UTF_8), properties.payrollWebhookSecret());
        return http.header("X-Payroll-Signature", signature).post(PATH, raw);
    }

    private long payrollRuns() {
        return jdbc.sql("SELECT count(*) FROM accrual_runs WHERE company_id = :c AND job = 'PAYROLL'")
                .param("c", admin.companyId()).query(Long.class).single();
    }

    @Test
    void accruesOncePerRunEmployeeAndPolicy() {
        UUID runId = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        String raw = body(runId, List.of(Map.of("employee_id", worker.toString(), "worked_minutes", 4800),
                Map.of("employee_id", salaried.toString(), "worked_minutes", 100),
                Map.of("employee_id", stranger.toString(), "worked_minutes", 50)), Map.of());
        JsonNode first = send(raw).expectJson(200);
        assertThat(first.path("payroll_run_id").asText()).isEqualTo(runId.toString());
        assertThat(first.path("processed").asInt()).isEqualTo(3);
        assertThat(first.path("accrued").asInt()).isEqualTo(1);
        assertThat(first.path("skipped").asInt()).isEqualTo(1);
        assertThat(first.path("errors").asInt()).isEqualTo(1);
        assertThat(data.entries(worker, hourly.id())).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(200);
            assertThat(e.sourceType()).isEqualTo("PAYROLL");
            assertThat(e.sourceId()).isEqualTo(runId + ":" + worker + ":" + hourly.id());
        });

        JsonNode replay = send(raw).expectJson(200);
        assertThat(replay.path("accrued").asInt()).isZero();
        assertThat(replay.path("skipped").asInt()).isEqualTo(2);
        assertThat(data.ledgerCount()).isEqualTo(1);

        // Bank cap: a second run of 30,000 worked minutes earns 1250 but only 800 fit under the 1000 cap.
        JsonNode capped = send(body(UUID.randomUUID(), List.of(Map.of("employee_id", worker.toString(),
                "worked_minutes", 30_000)), Map.of())).expectJson(200);
        assertThat(capped.path("accrued").asInt()).isEqualTo(1);
        assertThat(data.snapshot(worker, hourly.id())[0]).isEqualTo(1000);
        assertThat(data.auditCount("ACCRUAL")).isEqualTo(3);
    }

    /** Providers send their own ids ("2026-11-B2"): any string of 1–255 characters, idempotent as before. */
    @Test
    void providerRunIdsAreAnyStringOf1To255Characters() {
        List<Map<String, Object>> entries = List.of(Map.of("employee_id", worker.toString(), "worked_minutes", 4800));
        String raw = body(UUID.randomUUID(), entries, Map.of("payroll_run_id", "2026-11-B2"));
        JsonNode first = send(raw).expectJson(200);
        assertThat(first.path("payroll_run_id").asText()).isEqualTo("2026-11-B2");
        assertThat(first.path("accrued").asInt()).isEqualTo(1);
        assertThat(send(raw).expectJson(200).path("accrued").asInt()).isZero();
        assertThat(data.entries(worker, hourly.id())).singleElement()
                .satisfies(e -> assertThat(e.sourceId()).isEqualTo("2026-11-B2:" + worker + ":" + hourly.id()));

        // The longest id (255 characters, some outside the BMP) still makes a ledger source id that fits.
        String longest = "é".repeat(200) + "\uD83D\uDE00".repeat(55);
        JsonNode longRun = send(body(UUID.randomUUID(), entries, Map.of("payroll_run_id", longest))).expectJson(200);
        assertThat(longRun.path("payroll_run_id").asText()).isEqualTo(longest);
        assertThat(longRun.path("accrued").asInt()).isEqualTo(1);
        assertThat(send(body(UUID.randomUUID(), entries, Map.of("payroll_run_id", longest))).expectJson(200)
                .path("accrued").asInt()).isZero();
        JsonNode tooLong = send(body(UUID.randomUUID(), entries, Map.of("payroll_run_id", longest + "x"))).expectError(422);
        assertThat(tooLong.path("fields").get(0).path("field").asText()).isEqualTo("payroll_run_id");
        assertThat(data.ledgerCount()).isEqualTo(2);
    }

    @Test
    void missingOrWrongSignatureIs401AndWritesNothing() {
        String raw = body(UUID.randomUUID(), List.of(Map.of("employee_id", worker.toString(), "worked_minutes", 4800)), Map.of());
        http.post(PATH, raw).expectError(401);
        http.header("X-Payroll-Signature", "sha256=" + "0".repeat(64)).post(PATH, raw).expectError(401);
        http.header("X-Payroll-Signature", "sha256=zz").post(PATH, raw).expectError(401);
        String otherSecret = PayrollSignature.sign(raw.getBytes(StandardCharsets.UTF_8), "not-the-secret");
        http.header("X-Payroll-Signature", otherSecret).post(PATH, raw).expectError(401);
        // Signed, then altered in transit: the raw body no longer matches.
        String signature = PayrollSignature.sign(raw.getBytes(StandardCharsets.UTF_8), properties.payrollWebhookSecret());
        http.header("X-Payroll-Signature", signature).post(PATH, raw.replace("4800", "9800")).expectError(401);
        // Without the prefix.
        http.header("X-Payroll-Signature", signature.substring("sha256=".length())).post(PATH, raw).expectError(401);
        assertThat(data.ledgerCount()).isZero();
        assertThat(payrollRuns()).isZero();
        // The same bytes with whitespace differences are a different body: sign what you send.
        String spaced = raw.replace(",", ", ");
        send(spaced).expectJson(200);
        assertThat(data.ledgerCount()).isEqualTo(1);
    }

    @Test
    void malformedBodiesAre422() {
        List<Map<String, Object>> ok = List.of(Map.of("employee_id", worker.toString(), "worked_minutes", 60));
        send(body(UUID.randomUUID(), ok, Map.of("surprise", 1))).expectError(422);
        send(body(UUID.randomUUID(), List.of(Map.of("employee_id", worker.toString(), "worked_minutes", 60, "x", 1)),
                Map.of())).expectError(422);
        send(body(UUID.randomUUID(), ok, Map.of("period_end", "2025-02-28"))).expectError(422);
        send(body(UUID.randomUUID(), List.of(), Map.of())).expectError(422);
        send(body(UUID.randomUUID(), List.of(Map.of("employee_id", worker.toString(), "worked_minutes", 0)), Map.of()))
                .expectError(422);
        send(body(UUID.randomUUID(), List.of(Map.of("employee_id", "not-a-uuid", "worked_minutes", 10)), Map.of()))
                .expectError(422);
        send(body(UUID.randomUUID(), ok, Map.of("payroll_run_id", ""))).expectError(422);
        send(body(UUID.randomUUID(), ok, Map.of("payroll_run_id", "r".repeat(256)))).expectError(422);
        send(body(UUID.randomUUID(), ok, Map.of("payroll_run_id", 2026))).expectError(422);
        send(body(UUID.randomUUID(), ok, Map.of("payroll_run_id", "run\u0000id"))).expectError(422);
        send(body(UUID.randomUUID(), ok, Map.of("period_start", "2025-02-30"))).expectError(422);
        Map<String, Object> noCompany = new HashMap<>();
        noCompany.put("company_id", null);
        send(body(UUID.randomUUID(), ok, noCompany)).expectError(422);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            tooMany.add(Map.of("employee_id", worker.toString(), "worked_minutes", 1));
        }
        send(body(UUID.randomUUID(), tooMany, Map.of())).expectError(422);
        send("{not json").expectError(422);
        assertThat(data.ledgerCount()).isZero();
        assertThat(payrollRuns()).isZero();
    }

    /**
     * Review fix 4: eligibility by overlap and the remainder carried to the next run. Issue 24: the hours
     * are what payroll paid for the days employed, so they are not prorated again by days covered.
     */
    @Test
    void overlapProrationAndCarriedRemainder() {
        var plain = data.policy("plain", AccrualData.hours(60, 1440, Map.of()), LocalDate.parse("2024-01-01"));
        UUID leaver = data.employee("Enda", null);
        data.assign(plain, leaver, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-09")); // last day Mar 8
        data.assign(plain, worker, LocalDate.parse("2025-01-01"), null);
        Map<String, Object> march = Map.of("period_start", "2025-03-01", "period_end", "2025-03-16");
        // Enda: not assigned on Mar 16 but on 8 of the 16 days, paid for those: 4,812 ÷ 24 = 200.5 → 200.
        // Hana: 4,812 ÷ 24 = 200.5 → 200, half a minute carried.
        send(body(UUID.randomUUID(), List.of(Map.of("employee_id", leaver.toString(), "worked_minutes", 4812),
                Map.of("employee_id", worker.toString(), "worked_minutes", 4812)), march)).expectJson(200);
        assertThat(data.sum(leaver, plain.id(), "ACCRUAL")).isEqualTo(200);
        assertThat(data.sum(worker, plain.id(), "ACCRUAL")).isEqualTo(200);
        // Next run: 200.5 + the carried 0.5 = 201.
        UUID second = UUID.randomUUID();
        String raw = body(second, List.of(Map.of("employee_id", worker.toString(), "worked_minutes", 4812)),
                Map.of("period_start", "2025-03-17", "period_end", "2025-04-01"));
        send(raw).expectJson(200);
        assertThat(data.sum(worker, plain.id(), "ACCRUAL")).isEqualTo(401);
        assertThat(send(raw).expectJson(200).path("accrued").asInt()).as("replay").isZero();
        assertThat(data.sum(worker, plain.id(), "ACCRUAL")).isEqualTo(401);
    }

    /**
     * Review fix 8: a late run for an old-year period, after that year's carryover, only adds what fits
     * under its cap. Issue 24: the carryover is corrected (the worker had run past it: its horizon is
     * mid-2025), so what exceeds the cap is forfeited by a correction of that carryover.
     */
    @Test
    void lateOldYearRunAfterCarryoverIsCapped() {
        var horizon = com.powerpto.support.WorkerHorizon.save(progress, jdbc);
        progress.set(com.powerpto.accrual.worker.WorkerCycle.DEFAULT_JOB, LocalDate.parse("2025-06-30"));
        try {
            lateRuns();
        } finally {
            horizon.restore();
        }
    }

    private void lateRuns() {
        var carried = data.policy("carried", AccrualData.hours(60, 1440, Map.of("carryover",
                Map.of("enabled", true, "cap_minutes", 300))), LocalDate.parse("2024-01-01"));
        UUID lena = data.employee("Lena", null);
        data.assign(carried, lena, LocalDate.parse("2024-01-01"), null);
        Map<String, Object> december = Map.of("period_start", "2024-12-01", "period_end", "2024-12-31");
        send(body(UUID.randomUUID(), List.of(Map.of("employee_id", lena.toString(), "worked_minutes", 4800)), december))
                .expectJson(200); // 200
        http.as(admin).post("/api/companies/" + admin.companyId() + "/accruals/carryover?target_date=2025-01-01", null)
                .expectJson(200); // 200 carried, nothing over the 300 cap
        // Late: another 200 for December; only 100 fit under the cap at the carryover, 100 expire at once.
        send(body(UUID.randomUUID(), List.of(Map.of("employee_id", lena.toString(), "worked_minutes", 4800)), december))
                .expectJson(200);
        assertThat(data.sum(lena, carried.id(), "ACCRUAL")).isEqualTo(400);
        assertThat(data.sum(lena, carried.id(), "EXPIRATION")).isEqualTo(-100);
        // A second late run: the cap is full, everything expires.
        send(body(UUID.randomUUID(), List.of(Map.of("employee_id", lena.toString(), "worked_minutes", 2400)), december))
                .expectJson(200);
        assertThat(data.sum(lena, carried.id(), null)).isEqualTo(300);
        // A run for the new year is not affected.
        send(body(UUID.randomUUID(), List.of(Map.of("employee_id", lena.toString(), "worked_minutes", 2400)),
                Map.of("period_start", "2025-01-01", "period_end", "2025-01-31"))).expectJson(200);
        assertThat(data.sum(lena, carried.id(), null)).isEqualTo(400);
    }
}
