package com.powerpto.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.ledger.EntryType;
import com.powerpto.platform.security.Role;
import com.powerpto.support.Http;
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
 * Issue 26: {@code GET …/reports/payroll} — one row per person × policy × pay period, in the policy's
 * unit, with corrections to earlier periods posted during this one in their own column. Every entry
 * here is posted now (the ledger's created_at is the database clock), so the current month is the
 * period they are posted in: entries dated in it are its own, entries dated in the month before are
 * corrections, and the month before — already closed when they were posted — shows none of them.
 */
class PayrollPeriodReportApiTest extends ReportApiBase {

    private UUID emma;
    private ReportData.Policy pto;
    private ReportData.Policy sick;
    private LocalDate monthStart;
    private LocalDate monthEnd;

    private void world() {
        emma = data.employee(cid, "Emma", "Employee", null);
        // 7.5-hour days in Berlin: 23:30 UTC on the last day of last month is already this month for her
        jdbc.sql("UPDATE employees SET workday_minutes = 450, timezone = 'Europe/Berlin' WHERE company_id = :c AND id = :id")
                .param("c", cid).param("id", emma).update();
        pto = data.policy(cid, "vacation", "VACATION", false);
        sick = data.policy(cid, "sick", "SICK", true);
        data.assign(cid, emma, pto);
        data.assign(cid, emma, sick);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        monthStart = today.withDayOfMonth(1);
        monthEnd = monthStart.plusMonths(1).minusDays(1);
        LocalDate previous = monthStart.minusMonths(1);
        data.post(cid, emma, pto,
                posting(pto, EntryType.ADJUSTMENT, 4500, noon(previous.plusDays(9))),
                posting(pto, EntryType.ACCRUAL_CORRECTION, -100, noon(previous.plusDays(14))),
                posting(pto, EntryType.ACCRUAL, 900, noon(monthStart.plusDays(1))),
                posting(pto, EntryType.USAGE, -450, monthStart.minusDays(1).atTime(23, 30).toInstant(ZoneOffset.UTC)),
                posting(pto, EntryType.HOLD, -450, noon(monthStart.plusDays(20))),
                posting(pto, EntryType.EXPIRATION, -200, noon(monthStart.plusDays(3))),
                posting(pto, EntryType.ACCRUAL, 900, noon(monthStart.plusMonths(1))));
        data.post(cid, emma, sick, posting(sick, EntryType.USAGE, -60, noon(monthStart.plusDays(4))));
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private JsonNode report(LocalDate start, LocalDate end) {
        return http.as(admin).get(base() + "/reports/payroll?start_date=" + start + "&end_date=" + end).expectJson(200);
    }

    private JsonNode line(JsonNode report, ReportData.Policy policy) {
        for (JsonNode item : report.path("items")) {
            if (item.path("employee_id").asText().equals(emma.toString()) && item.path("policy_id").asText().equals(policy.id().toString())) {
                return item;
            }
        }
        throw new AssertionError("no line for " + policy.key() + " in " + report);
    }

    @Test
    void aPeriodHoldsWhatWasTakenAccruedAndExpiredInItAndTheCorrectionsPostedDuringIt() {
        world();
        JsonNode month = report(monthStart, monthEnd);
        JsonNode vacation = line(month, pto);
        assertThat(vacation.path("period_start").asText()).isEqualTo(monthStart.toString());
        assertThat(vacation.path("employee_name").asText()).isEqualTo("Emma Employee");
        assertThat(vacation.path("unit").asText()).isEqualTo("DAYS");
        assertThat(vacation.path("opening_balance_minutes").asLong()).isZero();
        assertThat(vacation.path("accrued_minutes").asLong()).isEqualTo(900);
        assertThat(vacation.path("taken_minutes").asLong()).isEqualTo(450); // her local day, not the UTC one
        assertThat(vacation.path("expired_minutes").asLong()).isEqualTo(200);
        assertThat(vacation.path("adjusted_minutes").asLong()).isZero();
        assertThat(vacation.path("prior_period_corrections_minutes").asLong()).isEqualTo(4500 - 100);
        assertThat(vacation.path("balance_minutes").asLong()).isEqualTo(900 - 450 - 200 + 4400);
        assertThat(vacation.path("balance_in_unit").asText()).isEqualTo("10.3333"); // 4,650 / 450
        assertThat(vacation.path("taken_in_unit").asText()).isEqualTo("1");
        assertThat(vacation.path("accrued_in_unit").asText()).isEqualTo("2");
        JsonNode sickLine = line(month, sick);
        assertThat(sickLine.path("is_unlimited").asBoolean()).isTrue();
        assertThat(sickLine.path("taken_minutes").asLong()).isEqualTo(60);
        assertThat(sickLine.path("balance_minutes").isNull()).isTrue();
        assertThat(month.path("total").asInt()).isEqualTo(2);

        // the month before was closed when these were posted: its report does not change
        JsonNode before = report(monthStart.minusMonths(1), monthStart.minusDays(1));
        JsonNode closed = line(before, pto);
        assertThat(closed.path("balance_minutes").asLong()).isZero();
        assertThat(closed.path("prior_period_corrections_minutes").asLong()).isZero();
        // the next period opens with this one's balance and adds its own accrual
        JsonNode next = line(report(monthStart.plusMonths(1), monthStart.plusMonths(2).minusDays(1)), pto);
        assertThat(next.path("opening_balance_minutes").asLong()).isEqualTo(4650);
        assertThat(next.path("accrued_minutes").asLong()).isEqualTo(900);
        assertThat(next.path("balance_minutes").asLong()).isEqualTo(5550);
    }

    @Test
    void theCsvSpeaksThePolicysUnitAndKeepsTheMinutesForReconciliation() {
        world();
        Http.Response csv = http.as(admin).get(base() + "/reports/payroll?format=csv&start_date=" + monthStart
                + "&end_date=" + monthEnd + "&employee_id=" + emma).expect(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("payroll-" + monthStart + "-to-" + monthEnd + ".csv");
        List<List<String>> rows = LedgerReportApiTest.parseCsv(csv.text());
        assertThat(rows.get(0)).isEqualTo(PayrollCsv.COLUMNS);
        assertThat(rows).hasSize(3);
        List<String> vacation = rows.stream().filter(r -> r.contains("vacation")).findFirst().orElseThrow();
        Map<String, String> cells = new java.util.HashMap<>();
        for (int i = 0; i < PayrollCsv.COLUMNS.size(); i++) {
            cells.put(PayrollCsv.COLUMNS.get(i), vacation.get(i));
        }
        assertThat(cells).containsEntry("unit", "DAYS").containsEntry("taken", "1").containsEntry("balance", "10.3333")
                .containsEntry("prior_period_corrections", "9.7778").containsEntry("balance_minutes", "4650")
                .containsEntry("workday_minutes", "450");
        String byAccept = http.as(admin).header("Accept", "text/csv").get(base() + "/reports/payroll?start_date="
                + monthStart + "&end_date=" + monthEnd + "&employee_id=" + emma).expect(200).text();
        assertThat(byAccept).isEqualTo(csv.text());
    }

    @Test
    void theArgumentsAreCheckedAndOnlyAdminsRead() {
        String url = base() + "/reports/payroll";
        http.as(admin).get(url + "?end_date=2026-01-31").expectError(422);
        http.as(admin).get(url + "?start_date=2026-01-01").expectError(422);
        http.as(admin).get(url + "?start_date=2026-02-01&end_date=2026-01-31").expectError(422);
        http.as(admin).get(url + "?start_date=2025-01-01&end_date=2026-01-31").expectError(422);
        http.as(admin).get(url + "?start_date=2026-01-01&end_date=2026-01-31&format=xml").expectError(422);
        http.as(as(admin.id(), Role.MANAGER)).get(url + "?start_date=2026-01-01&end_date=2026-01-31").expectError(403);
        JsonNode empty = http.as(admin).get(url + "?start_date=2026-01-01&end_date=2026-01-31").expectJson(200);
        assertThat(empty.path("total").asInt()).isZero();
    }
}
