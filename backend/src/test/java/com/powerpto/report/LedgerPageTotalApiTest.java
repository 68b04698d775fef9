package com.powerpto.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.ledger.EntryType;
import com.powerpto.platform.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.powerpto.report.ReportData.posting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27: a ledger page no longer runs a separate count(*) beside it (a window count for one
 * employee; the page itself, or a count only when the page cannot tell, company-wide). The
 * contract's {@code total} stays exact on every page: first, middle, last, exactly full, past the
 * end, and for an empty ledger — on the employee's ledger and on the ledger report.
 */
class LedgerPageTotalApiTest extends ReportApiBase {

    private static final Instant START = Instant.parse("2024-01-01T09:00:00Z");

    @Test
    void totalIsExactOnEveryPageOfTheEmployeesLedgerAndTheReport() {
        UUID ann = data.employee(cid, "Ann", "Able", null);
        UUID bob = data.employee(cid, "Bob", "Baker", null);
        UUID cid2 = data.employee(cid, "Cid", "Empty", null);
        ReportData.Policy pto = data.policy(cid, "pto", "VACATION", false);
        ReportData.Policy sick = data.policy(cid, "sick", "SICK", false);
        post(ann, pto, 7);
        post(ann, sick, 5);       // Ann: 12 entries over two policies
        post(bob, pto, 3);        // company: 15 entries

        String annLedger = base() + "/employees/" + ann + "/ledger";
        for (int limit : new int[] {1, 5, 12, 13, 50}) {
            for (int offset : new int[] {0, 1, 5, 11, 12, 13, 40}) {
                JsonNode page = http.as(as(ann, Role.EMPLOYEE)).get(annLedger + "?offset=" + offset + "&limit=" + limit)
                        .expectJson(200);
                assertThat(page.path("total").asLong()).as("employee ledger offset %d limit %d", offset, limit).isEqualTo(12);
                assertThat(page.path("items").size()).isEqualTo(Math.max(0, Math.min(limit, 12 - offset)));

                JsonNode report = http.as(admin).get(base() + "/reports/ledger?offset=" + offset + "&limit=" + limit)
                        .expectJson(200);
                assertThat(report.path("total").asLong()).as("report offset %d limit %d", offset, limit).isEqualTo(15);
                assertThat(report.path("items").size()).isEqualTo(Math.max(0, Math.min(limit, 15 - offset)));
            }
        }
        JsonNode onePolicy = http.as(as(ann, Role.EMPLOYEE)).get(annLedger + "?policy_id=" + sick.id() + "&offset=2&limit=2")
                .expectJson(200);
        assertThat(onePolicy.path("total").asLong()).isEqualTo(5);
        assertThat(items(onePolicy)).hasSize(2);

        for (int offset : new int[] {0, 3}) {
            JsonNode empty = http.as(as(cid2, Role.EMPLOYEE))
                    .get(base() + "/employees/" + cid2 + "/ledger?offset=" + offset + "&limit=5").expectJson(200);
            assertThat(empty.path("total").asLong()).isZero();
            assertThat(items(empty)).isEmpty();
        }
        JsonNode bobReport = http.as(admin).get(base() + "/reports/ledger?employee_id=" + bob + "&offset=1&limit=1")
                .expectJson(200);
        assertThat(bobReport.path("total").asLong()).isEqualTo(3);
    }

    private void post(UUID employee, ReportData.Policy policy, int count) {
        List<com.powerpto.ledger.LedgerPosting> postings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            postings.add(posting(policy, EntryType.ACCRUAL, 60 + i, START.plusSeconds(86_400L * i),
                    "page-total:" + employee + ":" + policy.id() + ":" + i, null));
        }
        data.post(cid, employee, policy, postings);
    }
}
