package com.powerpto.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.accrual.worker.WorkerCycle;
import com.powerpto.ledger.LedgerService;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole year through the worker: a DAILY, a MONTHLY and a YEARLY policy, 365 dates run in two
 * catch-up cycles with approved and denied requests in between; totals computed by hand.
 */
class AccrualYearApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    AccrualService accruals;
    @Autowired
    JobProgressRepository progress;
    @Autowired
    LedgerService ledger;

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void aYearOfAccrualsWithRequestsInBetween() {
        Person admin = fixtures.newCompanyAdmin();
        UUID cid = admin.companyId();
        AccrualData data = new AccrualData(jdbc, cid);
        data.employee(admin.id(), "Ada", null);
        var daily = data.policy("daily", AccrualData.time("DAILY", "END_OF_PERIOD", 20, "NONE", Map.of()), d("2024-01-01"));
        var monthly = data.policy("monthly", AccrualData.time("MONTHLY", "START_OF_PERIOD", 800, "DAYS_ACTIVE", Map.of()), d("2024-01-01"));
        var yearly = data.policy("yearly", AccrualData.time("YEARLY", "START_OF_PERIOD", 9600, "DAYS_ACTIVE", Map.of()), d("2024-01-01"));
        UUID eve = data.employee("Eve", d("2024-05-01"));
        UUID fin = data.employee("Fin", null);
        data.assign(daily, eve, d("2025-01-01"), null);
        data.assign(monthly, eve, d("2025-01-01"), null);
        data.assign(yearly, eve, d("2025-01-01"), null);
        data.assign(daily, fin, d("2025-02-10"), d("2025-02-20"));
        data.assign(monthly, fin, d("2025-03-16"), null);
        data.assign(yearly, fin, d("2025-07-01"), null);

        String job = "year-" + UUID.randomUUID();
        progress.set(job, d("2024-12-31"));
        long lockKey = UUID.randomUUID().getLeastSignificantBits();
        Http asEve = http.as(cid, eve, Role.EMPLOYEE);
        Http asAdmin = http.as(admin);
        String requests = "/api/companies/" + cid + "/requests";

        assertThat(new WorkerCycle(dataSource, accruals, progress, () -> d("2025-03-31"), job, cid, lockKey)
                .runOnce(BatchGate.OPEN)).isEqualTo(WorkerCycle.Outcome.DONE);
        // Two full days off on the DAILY policy, one on the MONTHLY policy; both approved.
        JsonNode r1 = asEve.post(requests, Map.of("employee_id", eve.toString(), "policy_id", daily.id().toString(),
                "start_at", "2025-03-03T09:00:00Z", "end_at", "2025-03-04T17:00:00Z")).expectJson(201);
        assertThat(r1.path("requested_minutes").asInt()).isEqualTo(960);
        asAdmin.post(requests + "/" + r1.path("id").asText() + "/approve", null).expect(200);
        JsonNode r2 = asEve.post(requests, Map.of("employee_id", eve.toString(), "policy_id", monthly.id().toString(),
                "start_at", "2025-04-07T09:00:00Z", "end_at", "2025-04-07T17:00:00Z")).expectJson(201);
        asAdmin.post(requests + "/" + r2.path("id").asText() + "/approve", null).expect(200);
        // A denied request leaves no usage.
        JsonNode r3 = asEve.post(requests, Map.of("employee_id", eve.toString(), "policy_id", yearly.id().toString(),
                "start_at", "2025-05-05T09:00:00Z", "end_at", "2025-05-05T17:00:00Z")).expectJson(201);
        asAdmin.post(requests + "/" + r3.path("id").asText() + "/deny", null).expect(200);

        assertThat(new WorkerCycle(dataSource, accruals, progress, () -> d("2025-12-31"), job, cid, lockKey)
                .runOnce(BatchGate.OPEN)).isEqualTo(WorkerCycle.Outcome.DONE);
        assertThat(progress.lastCompleted(job)).contains(d("2025-12-31"));

        // Eve: 365 × 20; 12 × 800; 9600 on Jan 1.
        assertThat(data.snapshot(eve, daily.id())).containsExactly(7300, 960, 0);
        assertThat(data.snapshot(eve, monthly.id())).containsExactly(9600, 480, 0);
        assertThat(data.snapshot(eve, yearly.id())).containsExactly(9600, 0, 0);
        assertThat(data.entries(eve, daily.id()).stream().filter(e -> e.type().equals("ACCRUAL")).count()).isEqualTo(365);
        // Fin: 10 days (Feb 10–19); March prorated 800 × 16 ÷ 31 = 412, then 9 × 800; 9600 × 184 ÷ 365 = 4839 on Jul 1.
        assertThat(data.sum(fin, daily.id(), "ACCRUAL")).isEqualTo(200);
        assertThat(data.sum(fin, monthly.id(), "ACCRUAL")).isEqualTo(412 + 7200);
        assertThat(data.entries(fin, yearly.id())).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(4839);
            assertThat(e.effectiveDate()).isEqualTo(d("2025-07-01"));
        });
        JsonNode balances = asAdmin.get("/api/companies/" + cid + "/employees/" + eve + "/balances").expectJson(200);
        for (JsonNode b : balances.path("items")) {
            if (b.path("policy_id").asText().equals(monthly.id().toString())) {
                assertThat(b.path("available_minutes").asLong()).isEqualTo(9120);
            }
        }
        long runs = jdbc.sql("SELECT count(DISTINCT target_date) FROM accrual_runs WHERE company_id = :c AND job = 'TIME_ACCRUAL'")
                .param("c", cid).query(Long.class).single();
        assertThat(runs).isEqualTo(365);
        assertThat(ledger.reconcile(cid).clean()).isTrue();
    }
}
