package com.powerpto.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.ledger.EntryType;
import com.powerpto.platform.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.powerpto.report.ReportData.posting;
import static org.assertj.core.api.Assertions.assertThat;

class SummaryReportApiTest extends ReportApiBase {

    private static final Instant T = Instant.parse("2024-05-01T09:00:00Z");

    @Test
    void figuresMatchTheData() {
        UUID mia = data.employee(cid, "Mia", "Boss", null);
        UUID tom = data.employee(cid, "Tom", "Two", mia);
        UUID sue = data.employee(cid, "Sue", "Three", mia);
        UUID ray = data.employee(cid, "Ray", "Four", admin.id());
        UUID ina = data.employee(cid, UUID.randomUUID(), "Ina", "Inactive", mia, false);
        ReportData.Policy pto = data.policy(cid, "pto", "VACATION", false);
        ReportData.Policy sick = data.policy(cid, "sick", "SICK", true);
        data.policy(cid, "fun", "PERSONAL", false);

        data.post(cid, tom, pto, posting(pto, EntryType.ACCRUAL, 1000, T), posting(pto, EntryType.USAGE, -200, T),
                posting(pto, EntryType.HOLD, -100, T));
        data.post(cid, sue, pto, posting(pto, EntryType.ACCRUAL, 500, T));
        data.post(cid, sue, sick, posting(sick, EntryType.USAGE, -300, T));
        data.post(cid, ray, pto, posting(pto, EntryType.ACCRUAL, 100, T), posting(pto, EntryType.ADJUSTMENT, -20, T));
        data.post(cid, ina, pto, posting(pto, EntryType.ACCRUAL, 999, T), posting(pto, EntryType.USAGE, -9, T));

        data.request(cid, tom, pto, "SUBMITTED");
        data.request(cid, sue, pto, "SUBMITTED");
        data.request(cid, tom, pto, "APPROVED");
        data.request(cid, ray, pto, "DENIED");

        JsonNode s = http.as(admin).get(base() + "/reports/summary").expectJson(200);
        assertThat(s.path("employees").asLong()).isEqualTo(5);
        assertThat(s.path("policies").asLong()).isEqualTo(3);
        assertThat(s.path("pending_requests").asLong()).isEqualTo(2);
        assertThat(s.path("requests_by_status")).isEqualTo(json(
                "{\"DRAFT\":0,\"SUBMITTED\":2,\"APPROVED\":1,\"DENIED\":1,\"CANCELLED\":0}"));
        assertThat(list(s.path("usage_by_category"))).extracting(u -> u.path("category").asText() + "=" + u.path("used_minutes").asLong())
                .containsExactly("PERSONAL=0", "SICK=300", "VACATION=209");
        List<JsonNode> teams = list(s.path("balances_by_team"));
        assertThat(teams).extracting(t -> t.path("manager_name").asText(null) + "/" + t.path("employees").asLong() + "/"
                + t.path("available_minutes").asLong())
                .containsExactly("Ada Admin/1/80", "Mia Boss/2/1200", "null/2/0");
        assertThat(teams.get(0).path("manager_id").asText()).isEqualTo(admin.id().toString());
        assertThat(teams.get(1).path("manager_id").asText()).isEqualTo(mia.toString());
        assertThat(teams.get(2).path("manager_id").isNull()).isTrue();
        assertThat(teams.get(2).path("manager_name").isNull()).isTrue();
    }

    @Test
    void emptyCompanyHasZeroesAndAllStatuses() {
        JsonNode s = http.as(admin).get(base() + "/reports/summary").expectJson(200);
        assertThat(s.path("employees").asLong()).isEqualTo(1);
        assertThat(s.path("policies").asLong()).isZero();
        assertThat(s.path("pending_requests").asLong()).isZero();
        List<String> statuses = new java.util.ArrayList<>();
        s.path("requests_by_status").fieldNames().forEachRemaining(statuses::add);
        assertThat(statuses).containsExactly("DRAFT", "SUBMITTED", "APPROVED", "DENIED", "CANCELLED");
        s.path("requests_by_status").forEach(n -> assertThat(n.asLong()).isZero());
        assertThat(s.path("usage_by_category")).isEmpty();
        assertThat(list(s.path("balances_by_team"))).extracting(t -> t.path("employees").asLong()).containsExactly(1L);
    }

    @Test
    void onlyAdminsOfTheCompany() {
        UUID e = data.employee(cid, "Emp", "Loyee", null);
        http.as(as(e, Role.EMPLOYEE)).get(base() + "/reports/summary").expectError(403);
        http.as(as(e, Role.MANAGER)).get(base() + "/reports/summary").expectError(403);
        http.as(fixtures.newCompanyAdmin()).get(base() + "/reports/summary").expectError(403);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static JsonNode json(String text) {
        try {
            return com.powerpto.support.Http.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
