package com.powerpto.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.LedgerPosting;
import com.powerpto.ledger.SourceType;
import com.powerpto.platform.security.Role;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.powerpto.report.ReportData.posting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: the exports payroll reads — the ledger in the payroll layout, today's balances as CSV,
 * and balances as of a past day (from the ledger by effective time, in the employee's time zone).
 */
class PayrollReportApiTest extends ReportApiBase {

    private static final String STANDARD = "id,employee_id,policy_id,policy_version_id,entry_type,amount_minutes,"
            + "effective_at,source_type,source_id,metadata_json,created_at";

    private UUID emma;
    private ReportData.Policy pto;
    private ReportData.Policy sick;

    /** Emma works 7.5-hour days in Berlin; 23:30 UTC on 15 Feb is already 16 Feb for her. */
    private void world() {
        emma = data.employee(cid, "Emma", "Employee", null);
        jdbc.sql("UPDATE employees SET workday_minutes = 450, timezone = 'Europe/Berlin' WHERE company_id = :c AND id = :id")
                .param("c", cid).param("id", emma).update();
        pto = data.policy(cid, "vacation-tiered-a1", "VACATION", false);
        sick = data.policy(cid, "sick", "SICK", true);
        http.as(admin).put(base() + "/policies/" + pto.id(), Map.of("name", "Vacation", "description", "Paid leave"))
                .expectJson(200);
        data.post(cid, emma, pto, posting(pto, EntryType.ACCRUAL, 4800, Instant.parse("2024-01-10T12:00:00Z")));
        data.post(cid, emma, pto, posting(pto, EntryType.ADJUSTMENT, -675, Instant.parse("2024-02-15T23:30:00Z"),
                UUID.randomUUID().toString(), Map.of("reason", "=SUM(A1) correction")));
        data.post(cid, emma, pto, posting(pto, EntryType.USAGE, -450, Instant.parse("2024-03-20T08:00:00Z")));
        data.post(cid, emma, sick, posting(sick, EntryType.USAGE, -60, Instant.parse("2024-03-21T08:00:00Z")));
    }

    private JsonNode asOf(String date) {
        return http.as(admin).get(base() + "/reports/balances-as-of?date=" + date).expectJson(200);
    }

    private static List<List<String>> csv(String text) {
        return LedgerReportApiTest.parseCsv(text);
    }

    @Test
    void payrollLayoutKeepsTheStandardColumnsAndAddsNamesUnitsAndReason() {
        world();
        Http.Response response = http.as(admin).get(base() + "/reports/ledger?format=csv&layout=payroll&policy_id=" + pto.id())
                .expect(200);
        assertThat(response.header("Content-Disposition")).contains("payroll-ledger-" + cid);
        List<List<String>> rows = csv(response.text());
        assertThat(String.join(",", rows.get(0))).isEqualTo(STANDARD
                + ",employee_name,employee_email,policy_key,policy_name,unit,amount_in_unit,workday_minutes,reason");
        assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r).hasSize(19));
        List<String> accrual = rows.get(1);
        assertThat(accrual.get(4)).isEqualTo("ACCRUAL");
        assertThat(accrual.get(5)).isEqualTo("4800");
        assertThat(accrual.subList(11, 19)).containsExactly("Emma Employee", accrual.get(12), "vacation-tiered-a1",
                "Vacation", "DAYS", "10.6667", "450", "admin");
        assertThat(accrual.get(12)).startsWith("emma.").endsWith("@example.test");
        // -675 minutes of a 450-minute day is -1.5 days; the typed reason is guarded against formulas
        assertThat(rows.get(2).subList(5, 6)).containsExactly("-675");
        assertThat(rows.get(2).subList(16, 19)).containsExactly("-1.5", "450", "'=SUM(A1) correction");
        assertThat(rows.get(3).get(16)).isEqualTo("-1");

        // the same through the Accept header; the standard layout is unchanged
        String byHeader = http.as(admin).header("Accept", "text/csv")
                .get(base() + "/reports/ledger?layout=payroll&policy_id=" + pto.id()).expect(200).text();
        assertThat(byHeader).isEqualTo(response.text());
        String standard = http.as(admin).get(base() + "/reports/ledger?format=csv&layout=standard").expect(200).text();
        assertThat(standard.split("\r\n")[0]).isEqualTo(STANDARD);
        assertThat(csv(standard)).allSatisfy(r -> assertThat(r).hasSize(11));
    }

    @Test
    void badLayoutIs422InEveryRepresentation() {
        for (String query : List.of("?layout=bogus", "?format=csv&layout=bogus")) {
            JsonNode error = http.as(admin).get(base() + "/reports/ledger" + query).expectError(422);
            assertThat(error.path("fields").path(0).path("field").asText()).isEqualTo("layout");
        }
        http.as(admin).header("Accept", "text/csv").get(base() + "/reports/ledger?layout=x").expectError(422);
    }

    @Test
    void balanceSummaryCsvHasOneRowPerEmployeeAndPolicy() {
        world();
        Http.Response response = http.as(admin).get(base() + "/reports/balances?format=csv").expect(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("balances-" + cid);
        List<List<String>> rows = csv(response.text());
        assertThat(String.join(",", rows.get(0))).isEqualTo(String.join(",", BalanceCsv.COLUMNS));
        assertThat(rows).hasSize(3);
        List<String> vacation = rows.stream().filter(r -> r.get(5).equals("vacation-tiered-a1")).findFirst().orElseThrow();
        assertThat(vacation).containsExactly(LocalDate.now(ZoneOffset.UTC).toString(), emma.toString(), "Emma Employee",
                vacation.get(3), pto.id().toString(), "vacation-tiered-a1", "Vacation", "VACATION", "DAYS", "450",
                "4125", "450", "0", "3675", "8.1667", "false");
        List<String> sickRow = rows.stream().filter(r -> r.get(5).equals("sick")).findFirst().orElseThrow();
        assertThat(sickRow.subList(10, 16)).containsExactly("0", "60", "0", "", "", "true");
        // the filters of the JSON report apply; the Accept header works too
        String filtered = http.as(admin).header("Accept", "text/csv").get(base() + "/reports/balances?policy_id=" + sick.id())
                .expect(200).text();
        assertThat(csv(filtered)).hasSize(2);
        // the JSON report names the policy too (an added field)
        JsonNode page = http.as(admin).get(base() + "/reports/balances").expectJson(200);
        assertThat(items(page)).extracting(r -> r.path("policy_name").asText(null)).containsExactlyInAnyOrder("Vacation", null);
    }

    @Test
    void balancesAsOfAPastDaySumTheLedgerByEffectiveTimeInTheEmployeesZone() {
        world();
        // A correction of a grant counts in accrued like the grant (issue 24: corrections are everyday entries).
        data.post(cid, emma, pto, posting(pto, EntryType.ACCRUAL_CORRECTION, -200, Instant.parse("2024-03-01T00:00:00Z")));
        JsonNode before = asOf("2024-02-15");
        assertThat(before.path("total").asInt()).isEqualTo(1);
        JsonNode row = before.path("items").path(0);
        assertThat(row.path("employee_name").asText()).isEqualTo("Emma Employee");
        assertThat(row.path("policy_name").asText()).isEqualTo("Vacation");
        assertThat(row.path("accrued_minutes").asLong()).isEqualTo(4800);
        assertThat(row.path("available_minutes").asLong()).isEqualTo(4800);
        assertThat(row.path("available_in_unit").asText()).isEqualTo("10.6667");
        assertThat(row.path("unit").asText()).isEqualTo("DAYS");

        // 23:30 UTC on 15 Feb is 16 Feb in Berlin
        JsonNode next = asOf("2024-02-16").path("items").path(0);
        assertThat(next.path("accrued_minutes").asLong()).isEqualTo(4125);
        assertThat(next.path("used_minutes").asLong()).isZero();

        JsonNode march = asOf("2024-03-31");
        assertThat(march.path("total").asInt()).isEqualTo(2);
        JsonNode vac = items(march).stream().filter(r -> r.path("policy_key").asText().equals("vacation-tiered-a1"))
                .findFirst().orElseThrow();
        assertThat(vac.path("used_minutes").asLong()).isEqualTo(450);
        assertThat(vac.path("available_minutes").asLong()).isEqualTo(3675 - 200);
        JsonNode unlimited = items(march).stream().filter(r -> r.path("policy_key").asText().equals("sick"))
                .findFirst().orElseThrow();
        assertThat(unlimited.path("available_minutes").isNull()).isTrue();
        assertThat(unlimited.path("is_unlimited").asBoolean()).isTrue();

        assertThat(asOf("2023-12-31").path("total").asInt()).isZero();
        JsonNode paged = http.as(admin).get(base() + "/reports/balances-as-of?date=2024-03-31&limit=1&offset=1")
                .expectJson(200);
        assertThat(paged.path("total").asInt()).isEqualTo(2);
        assertThat(items(paged)).hasSize(1);

        // CSV, by parameter and by Accept header, with the same figures
        Http.Response csv = http.as(admin).get(base() + "/reports/balances-as-of?date=2024-02-16&format=csv").expect(200);
        assertThat(csv.header("Content-Disposition")).contains("balances-as-of-2024-02-16");
        List<List<String>> rows = csv(csv.text());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo("2024-02-16");
        assertThat(rows.get(1).subList(10, 15)).containsExactly("4125", "0", "0", "4125", "9.1667");
        assertThat(http.as(admin).header("Accept", "text/csv").get(base() + "/reports/balances-as-of?date=2024-02-16")
                .expect(200).text()).isEqualTo(csv.text());
    }

    @Test
    void asOfDateIsRequiredAndNotInTheFuture() {
        for (String query : List.of("", "?date=" + LocalDate.now(ZoneOffset.UTC).plusDays(2), "?date=1800-01-01")) {
            JsonNode error = http.as(admin).get(base() + "/reports/balances-as-of" + query).expectError(422);
            assertThat(error.path("fields").path(0).path("field").asText()).isEqualTo("date");
            http.as(admin).get(base() + "/reports/balances-as-of" + query + (query.isEmpty() ? "?" : "&") + "format=csv")
                    .expectError(422);
        }
        http.as(admin).get(base() + "/reports/balances-as-of?date=nope").expectError(422);
        http.as(admin).get(base() + "/reports/balances-as-of?date=2024-01-01&format=xml").expectError(422);
        http.as(admin).get(base() + "/reports/balances-as-of?date=" + LocalDate.now(ZoneOffset.UTC).minusDays(1))
                .expectJson(200);
    }

    @Test
    void onlyAdminsOfTheCompany() {
        world();
        Person employee = as(emma, Role.EMPLOYEE);
        Person manager = as(emma, Role.MANAGER);
        Person foreign = fixtures.newCompanyAdmin();
        for (Person p : List.of(employee, manager, foreign)) {
            for (String path : List.of("/reports/balances?format=csv", "/reports/balances-as-of?date=2024-02-01",
                    "/reports/balances-as-of?date=2024-02-01&format=csv", "/reports/ledger?format=csv&layout=payroll")) {
                http.as(p).get(base() + path).expectError(403);
            }
            http.as(p).header("Accept", "text/csv").get(base() + "/reports/balances").expectError(403);
        }
        // the foreign admin's own company has none of these rows
        assertThat(http.as(foreign).get("/api/companies/" + foreign.companyId() + "/reports/balances-as-of?date=2024-03-31")
                .expectJson(200).path("total").asInt()).isZero();
        assertThat(csv(http.as(foreign).get("/api/companies/" + foreign.companyId()
                + "/reports/ledger?format=csv&layout=payroll").expect(200).text())).hasSize(1);
    }

    @Test
    void payrollRowsOfARequestCarryTheRequestsReasonOrItsDates() {
        world();
        UUID typed = data.request(cid, emma, pto, "APPROVED");
        UUID blank = data.request(cid, emma, pto, "APPROVED");
        jdbc.sql("UPDATE requests SET reason = '+Family wedding' WHERE company_id = :c AND id = :id")
                .param("c", cid).param("id", typed).update();
        // no reason typed: the request's first and last day (its end instant is exclusive)
        jdbc.sql("UPDATE requests SET start_at = '2030-02-04T09:00:00Z', end_at = '2030-02-06T17:00:00Z' WHERE company_id = :c AND id = :id")
                .param("c", cid).param("id", blank).update();
        data.post(cid, emma, pto, new LedgerPosting(EntryType.USAGE, -480, pto.versionId(), Instant.parse("2024-04-02T08:00:00Z"),
                SourceType.REQUEST, typed.toString(), null));
        data.post(cid, emma, pto, new LedgerPosting(EntryType.USAGE, -960, pto.versionId(), Instant.parse("2024-04-03T08:00:00Z"),
                SourceType.REQUEST, blank.toString(), null));
        data.post(cid, emma, pto, new LedgerPosting(EntryType.USAGE, -60, pto.versionId(), Instant.parse("2024-04-04T08:00:00Z"),
                SourceType.REQUEST, UUID.randomUUID().toString(), null));

        List<List<String>> rows = csv(http.as(admin).get(base() + "/reports/ledger?format=csv&layout=payroll&policy_id=" + pto.id())
                .expect(200).text());
        assertThat(rows).hasSize(7);
        // the employee's reason (guarded against formulas), the request's days in her zone, and a row whose request is gone
        assertThat(rows.subList(4, 7)).extracting(r -> r.get(18))
                .containsExactly("'+Family wedding", "time-off request 2030-02-04 to 2030-02-06", "time-off request");
    }

    @Test
    void employeeBalancesAndForecastNameThePolicy() {
        world();
        data.assign(cid, emma, pto);
        JsonNode balances = http.as(admin).get(base() + "/employees/" + emma + "/balances").expectJson(200);
        JsonNode vac = items(balances).stream().filter(b -> b.path("policy_key").asText().equals("vacation-tiered-a1"))
                .findFirst().orElseThrow();
        assertThat(vac.path("policy_name").asText()).isEqualTo("Vacation");
        assertThat(vac.path("policy_description").asText()).isEqualTo("Paid leave");
        assertThat(vac.path("available_minutes").asLong()).isEqualTo(3675); // existing fields unchanged
        JsonNode sickRow = items(balances).stream().filter(b -> b.path("policy_key").asText().equals("sick"))
                .findFirst().orElseThrow();
        assertThat(sickRow.has("policy_name")).isTrue();
        assertThat(sickRow.path("policy_name").isNull()).isTrue();

        JsonNode forecast = http.as(admin).get(base() + "/employees/" + emma + "/balances/forecast?date="
                + LocalDate.now(ZoneOffset.UTC).plusDays(10)).expectJson(200);
        assertThat(items(forecast)).extracting(i -> i.path("policy_name").asText(null)).contains("Vacation");
        JsonNode statement = http.as(admin).get(base() + "/employees/" + emma + "/final-statement").expectJson(200);
        assertThat(items(statement)).extracting(i -> i.path("policy_name").asText(null)).contains("Vacation");
    }

    @Test
    void unitConversion() {
        assertThat(Units.inUnit(720, "DAYS", 480)).isEqualTo("1.5");
        assertThat(Units.inUnit(720, "HOURS", 480)).isEqualTo("12");
        assertThat(Units.inUnit(-45, "MINUTES", 480)).isEqualTo("-45");
        assertThat(Units.inUnit(0, "DAYS", 480)).isEqualTo("0");
        assertThat(Units.inUnit(1, "DAYS", 480)).isEqualTo("0.0021");
        assertThat(Units.inUnit(4800000, null, 480)).isEqualTo("10000");
    }
}
