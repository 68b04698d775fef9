package com.powerpto.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
import com.powerpto.report.ReportApiBase;
import com.powerpto.report.ReportData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.powerpto.report.ReportData.posting;
import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationApiTest extends ReportApiBase {

    private static final Instant T = Instant.parse("2024-06-03T09:00:00Z");

    private UUID ann;
    private UUID bob;
    private ReportData.Policy pto;

    private void world() {
        ann = data.employee(cid, "Ann", "Able", null);
        bob = data.employee(cid, "Bob", "Baker", null);
        pto = data.policy(cid, "pto", "VACATION", false);
        ReportData.Policy sick = data.policy(cid, "sick", "SICK", true);
        data.post(cid, ann, pto, posting(pto, EntryType.ACCRUAL, 1000, T), posting(pto, EntryType.HOLD, -120, T),
                posting(pto, EntryType.USAGE, -60, T));
        data.post(cid, bob, pto, posting(pto, EntryType.ACCRUAL, 200, T));
        data.post(cid, ann, sick, posting(sick, EntryType.USAGE, -480, T));
    }

    private JsonNode reconcile() {
        return http.as(admin).get(base() + "/reconciliation").expectJson(200);
    }

    @Test
    void cleanLedgerHasNoMismatches() {
        world();
        JsonNode body = reconcile();
        assertThat(body.path("checked").asLong()).isEqualTo(3);
        assertThat(body.path("mismatches").isArray()).isTrue();
        assertThat(body.path("mismatches")).isEmpty();
    }

    @Test
    void aCorruptedSnapshotIsReportedFieldByField() {
        world();
        assertThat(data.corruptSnapshot(cid, ann, pto.id(), 5, 0, -20)).isEqualTo(1);
        try {
            JsonNode body = reconcile();
            assertThat(body.path("checked").asLong()).isEqualTo(3);
            List<JsonNode> rows = new java.util.ArrayList<>();
            body.path("mismatches").forEach(rows::add);
            assertThat(rows).hasSize(2);
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.path("employee_id").asText()).isEqualTo(ann.toString());
                assertThat(r.path("policy_id").asText()).isEqualTo(pto.id().toString());
                java.util.Set<String> fields = new java.util.HashSet<>();
                r.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).containsExactlyInAnyOrder("employee_id", "policy_id", "field", "snapshot", "ledger");
            });
            assertThat(rows).extracting(r -> r.path("field").asText() + ":" + r.path("snapshot").asLong() + "/"
                    + r.path("ledger").asLong()).containsExactly("accrued:1005/1000", "held:100/120");
            // another company's check does not see it
            var other = fixtures.newCompanyAdmin();
            assertThat(http.as(other).get("/api/companies/" + other.companyId() + "/reconciliation").expectJson(200)
                    .path("mismatches")).isEmpty();
        } finally {
            data.corruptSnapshot(cid, ann, pto.id(), -5, 0, 20);
        }
        assertThat(reconcile().path("mismatches")).isEmpty();
    }

    @Test
    void aMissingSnapshotIsReported() {
        world();
        // the ledger says 200 for Bob; a snapshot that lost its sums disagrees on every field that is not 0
        data.corruptSnapshot(cid, bob, pto.id(), -200, 0, 0);
        try {
            JsonNode rows = reconcile().path("mismatches");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).path("field").asText()).isEqualTo("accrued");
            assertThat(rows.get(0).path("snapshot").asLong()).isZero();
            assertThat(rows.get(0).path("ledger").asLong()).isEqualTo(200);
        } finally {
            data.corruptSnapshot(cid, bob, pto.id(), 200, 0, 0);
        }
    }

    @Test
    void onlyAdminsOfTheCompany() {
        world();
        http.as(as(ann, Role.EMPLOYEE)).get(base() + "/reconciliation").expectError(403);
        http.as(as(bob, Role.MANAGER)).get(base() + "/reconciliation").expectError(403);
        http.as(fixtures.newCompanyAdmin()).get(base() + "/reconciliation").expectError(403);
    }
}
