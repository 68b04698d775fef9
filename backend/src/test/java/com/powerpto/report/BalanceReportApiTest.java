package com.powerpto.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.ledger.EntryType;
import com.powerpto.platform.security.Role;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.powerpto.report.ReportData.posting;
import static org.assertj.core.api.Assertions.assertThat;

class BalanceReportApiTest extends ReportApiBase {

    private static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

    private UUID young;
    private UUID brown;
    private UUID gone;
    private ReportData.Policy pto;
    private ReportData.Policy sick;

    /** Brown (pto + sick), Young (pto, future assignment, no ledger), Gone (assignment ended, no ledger). */
    private void world() {
        brown = data.employee(cid, "Amy", "Brown", admin.id());
        young = data.employee(cid, "Zed", "Young", admin.id());
        gone = data.employee(cid, "Old", "Gone", null);
        pto = data.policy(cid, "pto", "VACATION", false);
        sick = data.policy(cid, "sick", "SICK", true);
        data.assign(cid, brown, pto);
        data.assign(cid, brown, sick);
        data.assign(cid, young, pto, LocalDate.now().plusDays(30), null);
        data.assign(cid, gone, pto, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
        data.post(cid, brown, pto,
                posting(pto, EntryType.ACCRUAL, 960, T),
                posting(pto, EntryType.ADJUSTMENT, -60, T),
                posting(pto, EntryType.HOLD, -120, T),
                posting(pto, EntryType.USAGE, -240, T));
        data.post(cid, brown, sick, posting(sick, EntryType.USAGE, -480, T));
    }

    @Test
    void oneRowPerEmployeeAndAssignedPolicyOrderedByLastNameThenKey() {
        world();
        JsonNode page = http.as(admin).get(base() + "/reports/balances").expectJson(200);
        assertThat(page.path("total").asLong()).isEqualTo(3);
        List<JsonNode> rows = items(page);
        assertThat(rows).extracting(r -> r.path("employee_name").asText() + "/" + r.path("policy_key").asText())
                .containsExactly("Amy Brown/pto", "Amy Brown/sick", "Zed Young/pto");

        JsonNode brownPto = rows.get(0);
        Set<String> fields = new java.util.TreeSet<>();
        brownPto.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("employee_id", "employee_name", "policy_id", "policy_key",
                "policy_category", "accrued_minutes", "used_minutes", "held_minutes", "available_minutes",
                "is_unlimited", "updated_at", "policy_name"); // policy_name: added by issue 20
        assertThat(brownPto.path("employee_id").asText()).isEqualTo(brown.toString());
        assertThat(brownPto.path("policy_id").asText()).isEqualTo(pto.id().toString());
        assertThat(brownPto.path("policy_category").asText()).isEqualTo("VACATION");
        assertThat(brownPto.path("accrued_minutes").asLong()).isEqualTo(900);
        assertThat(brownPto.path("used_minutes").asLong()).isEqualTo(240);
        assertThat(brownPto.path("held_minutes").asLong()).isEqualTo(120);
        assertThat(brownPto.path("available_minutes").asLong()).isEqualTo(540);
        assertThat(brownPto.path("is_unlimited").asBoolean()).isFalse();
        assertThat(Instant.parse(brownPto.path("updated_at").asText())).isNotNull();

        JsonNode brownSick = rows.get(1);
        assertThat(brownSick.path("is_unlimited").asBoolean()).isTrue();
        assertThat(brownSick.path("available_minutes").isNull()).isTrue();
        assertThat(brownSick.path("used_minutes").asLong()).isEqualTo(480);

        JsonNode youngPto = rows.get(2);
        assertThat(youngPto.path("accrued_minutes").asLong()).isZero();
        assertThat(youngPto.path("available_minutes").asLong()).isZero();
    }

    @Test
    void agreesWithTheEmployeeBalancesEndpoint() {
        world();
        JsonNode own = http.as(admin).get(base() + "/employees/" + brown + "/balances").expectJson(200);
        JsonNode report = http.as(admin).get(base() + "/reports/balances?employee_id=" + brown).expectJson(200);
        assertThat(report.path("total").asLong()).isEqualTo(own.path("total").asLong());
        for (int i = 0; i < own.path("items").size(); i++) {
            JsonNode a = own.path("items").get(i);
            JsonNode b = report.path("items").get(i);
            for (String field : List.of("policy_id", "policy_key", "policy_category", "accrued_minutes",
                    "used_minutes", "held_minutes", "available_minutes", "is_unlimited", "updated_at")) {
                assertThat(b.path(field)).as(field).isEqualTo(a.path(field));
            }
        }
    }

    @Test
    void unlimitedFollowsTheVersionInForceToday() {
        ReportData.Policy flex = data.policy(cid, "flex", "OTHER", true, LocalDate.of(2020, 1, 1));
        data.version(cid, flex.id(), 2, LocalDate.of(2021, 1, 1), false);
        data.version(cid, flex.id(), 3, LocalDate.now().plusYears(1), true);
        UUID e = data.employee(cid, "Flo", "Flex", null);
        data.assign(cid, e, flex);
        JsonNode row = items(http.as(admin).get(base() + "/reports/balances?policy_id=" + flex.id()).expectJson(200)).get(0);
        assertThat(row.path("is_unlimited").asBoolean()).isFalse();
        assertThat(row.path("available_minutes").asLong()).isZero();
    }

    @Test
    void filtersAndPagination() {
        world();
        List<JsonNode> byEmployee = items(http.as(admin).get(base() + "/reports/balances?employee_id=" + brown).expectJson(200));
        assertThat(byEmployee).extracting(r -> r.path("policy_key").asText()).containsExactly("pto", "sick");

        JsonNode byPolicy = http.as(admin).get(base() + "/reports/balances?policy_id=" + pto.id()).expectJson(200);
        assertThat(byPolicy.path("total").asLong()).isEqualTo(2);
        assertThat(items(byPolicy)).extracting(r -> r.path("employee_id").asText())
                .containsExactly(brown.toString(), young.toString());

        JsonNode both = http.as(admin).get(base() + "/reports/balances?policy_id=" + sick.id() + "&employee_id=" + young)
                .expectJson(200);
        assertThat(both.path("total").asLong()).isZero();
        assertThat(both.path("items")).isEmpty();

        JsonNode second = http.as(admin).get(base() + "/reports/balances?offset=1&limit=1").expectJson(200);
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(items(second)).extracting(r -> r.path("policy_key").asText()).containsExactly("sick");

        JsonNode beyond = http.as(admin).get(base() + "/reports/balances?offset=10").expectJson(200);
        assertThat(beyond.path("total").asLong()).isEqualTo(3);
        assertThat(beyond.path("items")).isEmpty();

        http.as(admin).get(base() + "/reports/balances?limit=101").expectError(422);
        http.as(admin).get(base() + "/reports/balances?employee_id=nope").expectError(422);
    }

    @Test
    void onlyAdminsOfTheCompany() {
        world();
        http.as(as(brown, Role.EMPLOYEE)).get(base() + "/reports/balances").expectError(403);
        http.as(as(admin.id(), Role.MANAGER)).get(base() + "/reports/balances").expectError(403);
        Person otherAdmin = fixtures.newCompanyAdmin();
        http.as(otherAdmin).get(base() + "/reports/balances").expectError(403);
        // and the other company's own report does not see these rows
        JsonNode other = http.as(otherAdmin).get("/api/companies/" + otherAdmin.companyId() + "/reports/balances")
                .expectJson(200);
        assertThat(other.path("total").asLong()).isZero();
    }
}
