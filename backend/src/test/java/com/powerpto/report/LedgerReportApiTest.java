package com.powerpto.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.LedgerEntry;
import com.powerpto.platform.security.Role;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.powerpto.report.ReportData.posting;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerReportApiTest extends ReportApiBase {

    private static final Instant JAN = Instant.parse("2024-01-10T12:00:00Z");
    private static final Instant FEB = Instant.parse("2024-02-15T23:30:00Z");
    private static final Instant MAR = Instant.parse("2024-03-20T08:00:00Z");

    private UUID ann;
    private UUID bob;
    private ReportData.Policy pto;
    private ReportData.Policy sick;

    private void world() {
        ann = data.employee(cid, "Ann", "Able", null);
        bob = data.employee(cid, "Bob", "Baker", null);
        pto = data.policy(cid, "pto", "VACATION", false);
        sick = data.policy(cid, "sick", "SICK", true);
        data.post(cid, ann, pto, posting(pto, EntryType.ACCRUAL, 480, JAN));
        data.post(cid, ann, pto, posting(pto, EntryType.HOLD, -120, FEB));
        data.post(cid, ann, sick, posting(sick, EntryType.USAGE, -60, MAR));
        data.post(cid, bob, pto, posting(pto, EntryType.ACCRUAL, 240, FEB.minusSeconds(3600)));
    }

    private JsonNode json(String query) {
        return http.as(admin).get(base() + "/reports/ledger" + query).expectJson(200);
    }

    @Test
    void jsonPageNewestFirstWithTheLedgerEntryShape() {
        world();
        JsonNode page = json("");
        assertThat(page.path("total").asLong()).isEqualTo(4);
        List<JsonNode> rows = items(page);
        assertThat(rows).extracting(r -> r.path("entry_type").asText() + " " + r.path("amount_minutes").asLong())
                .containsExactly("USAGE -60", "HOLD -120", "ACCRUAL 240", "ACCRUAL 480");
        JsonNode first = rows.get(0);
        java.util.Set<String> fields = new java.util.HashSet<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "employee_id", "policy_id", "policy_version_id",
                "entry_type", "amount_minutes", "effective_at", "source_type", "source_id", "metadata_json",
                "created_at");
        assertThat(first.path("employee_id").asText()).isEqualTo(ann.toString());
        assertThat(first.path("policy_id").asText()).isEqualTo(sick.id().toString());
        assertThat(Instant.parse(first.path("effective_at").asText())).isEqualTo(MAR);

        JsonNode paged = json("?offset=1&limit=2");
        assertThat(paged.path("total").asLong()).isEqualTo(4);
        assertThat(items(paged)).extracting(r -> r.path("entry_type").asText()).containsExactly("HOLD", "ACCRUAL");
        json("?format=json");
    }

    @Test
    void filtersByEmployeePolicyAndInclusiveDates() {
        world();
        assertThat(json("?employee_id=" + ann).path("total").asLong()).isEqualTo(3);
        assertThat(json("?policy_id=" + pto.id()).path("total").asLong()).isEqualTo(3);
        assertThat(json("?employee_id=" + ann + "&policy_id=" + pto.id()).path("total").asLong()).isEqualTo(2);
        JsonNode feb = json("?start_date=2024-02-15&end_date=2024-02-15");
        assertThat(items(feb)).extracting(r -> r.path("amount_minutes").asLong()).containsExactlyInAnyOrder(-120L, 240L);
        assertThat(json("?start_date=2024-02-16").path("total").asLong()).isEqualTo(1);
        assertThat(json("?end_date=2024-01-10").path("total").asLong()).isEqualTo(1);
        assertThat(json("?start_date=2024-01-10&end_date=2024-01-10&employee_id=" + bob).path("total").asLong()).isZero();
    }

    @Test
    void badFiltersAre422InBothRepresentations() {
        Http csv = http.as(admin).header("Accept", "text/csv");
        for (String query : List.of("?start_date=2024-13-01", "?end_date=yesterday", "?start_date=2024-03-02&end_date=2024-03-01",
                "?employee_id=42", "?policy_id=x")) {
            http.as(admin).get(base() + "/reports/ledger" + query).expectError(422);
            csv.get(base() + "/reports/ledger" + query).expectError(422);
            http.as(admin).get(base() + "/reports/ledger" + query + "&format=csv").expectError(422);
        }
        JsonNode inverted = http.as(admin).get(base() + "/reports/ledger?start_date=2024-03-02&end_date=2024-03-01").expectError(422);
        assertThat(inverted.path("error").asText()).contains("end_date");
        http.as(admin).get(base() + "/reports/ledger?format=xml").expectError(422);
        http.as(admin).get(base() + "/reports/ledger?limit=0").expectError(422);
    }

    @Test
    void onlyAdminsOfTheCompanyInBothRepresentations() {
        world();
        Person employee = as(ann, Role.EMPLOYEE);
        Person manager = as(bob, Role.MANAGER);
        Person otherAdmin = fixtures.newCompanyAdmin();
        for (Person p : List.of(employee, manager, otherAdmin)) {
            http.as(p).get(base() + "/reports/ledger").expectError(403);
            http.as(p).header("Accept", "text/csv").get(base() + "/reports/ledger").expectError(403);
            http.as(p).get(base() + "/reports/ledger?format=csv").expectError(403);
        }
        JsonNode foreign = http.as(otherAdmin).get("/api/companies/" + otherAdmin.companyId() + "/reports/ledger?employee_id=" + ann)
                .expectJson(200);
        assertThat(foreign.path("total").asLong()).isZero();
    }

    @Test
    void csvByAcceptHeaderAndByFormatParameter() {
        world();
        Http.Response byHeader = http.as(admin).header("Accept", "text/csv").get(base() + "/reports/ledger?employee_id=" + ann)
                .expect(200);
        Http.Response byParam = http.as(admin).get(base() + "/reports/ledger?format=csv&employee_id=" + ann).expect(200);
        for (Http.Response response : List.of(byHeader, byParam)) {
            assertThat(response.header("Content-Type")).startsWith("text/csv");
            assertThat(response.header("Content-Disposition")).isEqualTo(
                    "attachment; filename=\"ledger-" + cid + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
            assertThat(response.text()).endsWith("\r\n");
            String[] lines = response.text().split("\r\n");
            assertThat(lines[0]).isEqualTo("id,employee_id,policy_id,policy_version_id,entry_type,amount_minutes,"
                    + "effective_at,source_type,source_id,metadata_json,created_at");
            assertThat(lines).hasSize(4);
        }
        assertThat(byParam.text()).isEqualTo(byHeader.text());

        // oldest first; every column in order
        List<LedgerEntry> entries = ledgerEntries();
        String[] lines = byHeader.text().split("\r\n");
        LedgerEntry jan = entries.stream().filter(e -> e.amountMinutes() == 480).findFirst().orElseThrow();
        String[] cols = lines[1].split(",", -1);
        assertThat(Arrays.asList(cols).subList(0, 10)).containsExactly(jan.id().toString(), ann.toString(),
                pto.id().toString(), pto.versionId().toString(), "ACCRUAL", "480", "2024-01-10T12:00:00Z", "ADMIN",
                jan.sourceId(), "");
        assertThat(java.time.OffsetDateTime.parse(cols[10]).isEqual(jan.createdAt())).isTrue();
        assertThat(lines[2]).contains(",HOLD,-120,2024-02-15T23:30:00Z,");
        assertThat(lines[3]).contains(",USAGE,-60,2024-03-20T08:00:00Z,");
    }

    @Test
    void csvQuotesPerRfc4180AndNeutralisesFormulas() {
        UUID e = data.employee(cid, "Eve", "Evil", null);
        ReportData.Policy p = data.policy(cid, "pto", "VACATION", false);
        data.post(cid, e, p,
                posting(p, EntryType.ACCRUAL, 600, JAN, "=HYPERLINK(\"http://evil\",\"x\")", Map.of("note", "a, \"b\"")),
                posting(p, EntryType.ADJUSTMENT, -30, FEB, "+1+2", Map.of("reason", "line1\nline2")),
                posting(p, EntryType.ADJUSTMENT, 15, MAR, "@SUM(A1)", Map.of()),
                posting(p, EntryType.ADJUSTMENT, -5, MAR.plusSeconds(1), "-2+3", Map.of("k", "=cmd|' /C calc'!A0")),
                posting(p, EntryType.ADJUSTMENT, 7, MAR.plusSeconds(2), "plain,comma", Map.of()));
        String text = http.as(admin).get(base() + "/reports/ledger?format=csv").expect(200).text();
        List<List<String>> rows = parseCsv(text);
        assertThat(rows).hasSize(6);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(11));
        List<String> sourceIds = rows.subList(1, 6).stream().map(r -> r.get(8)).toList();
        assertThat(sourceIds).containsExactly("'=HYPERLINK(\"http://evil\",\"x\")", "'+1+2", "'@SUM(A1)", "'-2+3",
                "plain,comma");
        // numeric amounts are never prefixed, negative ones included
        assertThat(rows.subList(1, 6).stream().map(r -> r.get(5)).toList()).containsExactly("600", "-30", "15", "-5", "7");
        // JSON metadata: quotes doubled inside a quoted cell; the raw newline is escaped by JSON
        assertThat(rows.get(1).get(9)).isEqualTo("{\"note\":\"a, \\\"b\\\"\"}");
        assertThat(rows.get(2).get(9)).isEqualTo("{\"reason\":\"line1\\nline2\"}");
        assertThat(rows.get(3).get(9)).isEmpty();
        assertThat(rows.get(4).get(9)).isEqualTo("{\"k\":\"=cmd|' /C calc'!A0\"}");
        // the raw lines: a formula cell is quoted only when RFC 4180 needs it
        String[] lines = text.split("\r\n");
        assertThat(lines[1]).contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",");
        assertThat(lines[2]).contains(",'+1+2,");
        assertThat(lines[4]).contains(",-5,");
        assertThat(lines[5]).contains(",\"plain,comma\",");
    }

    @Test
    void cellRules() {
        assertThat(LedgerCsv.cell(null)).isEmpty();
        assertThat(LedgerCsv.cell("abc")).isEqualTo("abc");
        assertThat(LedgerCsv.cell("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(LedgerCsv.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(LedgerCsv.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
        assertThat(LedgerCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(LedgerCsv.cell("-1")).isEqualTo("'-1");
        assertThat(LedgerCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(LedgerCsv.cell("@a,b")).isEqualTo("\"'@a,b\"");
    }

    @Test
    void largeExportStreamsEveryRow() throws Exception {
        int count = 20_000;
        UUID e = data.employee(cid, "Big", "Bulk", null);
        ReportData.Policy p = data.policy(cid, "bulk", "VACATION", false);
        data.bulkAccruals(cid, e, p, count, JAN);
        UUID other = data.employee(cid, "Not", "Exported", null);
        data.post(cid, other, p, posting(p, EntryType.ACCRUAL, 1, JAN));

        HttpRequest request = HttpRequest.newBuilder(URI.create(http.baseUrl() + base() + "/reports/ledger?employee_id=" + e))
                .header("X-Company-Id", cid.toString()).header("X-User-Id", admin.id().toString())
                .header("X-Role", "admin").header("Accept", "text/csv").timeout(Duration.ofSeconds(120)).GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        // streamed (chunked), not buffered into one sized body
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        long lines = 0;
        long sum = 0;
        String last = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (lines > 0) {
                    sum += Long.parseLong(line.split(",")[5]);
                }
                lines++;
                last = line;
            }
        }
        assertThat(lines).isEqualTo(count + 1);
        assertThat(sum).isEqualTo(count);
        assertThat(last).contains("bulk-" + e + "-" + (count - 1));
        assertThat(http.as(admin).get(base() + "/reports/ledger?employee_id=" + e).expectJson(200).path("total").asLong())
                .isEqualTo(count);
    }

    private List<LedgerEntry> ledgerEntries() {
        List<LedgerEntry> all = new java.util.ArrayList<>();
        ledgerService.streamEntries(cid, new com.powerpto.ledger.LedgerFilter(ann, null, null, null), all::add);
        return all;
    }

    /** A strict RFC 4180 reader, for the assertions. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare CR/LF or quote outside a quoted cell at " + i).isNotIn('\r', '\n', '"');
                cell.append(c);
            }
        }
        assertThat(cell.isEmpty() && row.isEmpty()).as("the file ends with CRLF").isTrue();
        return rows;
    }
}
