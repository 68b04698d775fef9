package com.powerpto.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20: audit rows name who did what to whom, and the log exports as CSV. */
class AuditReadableApiTest extends ApiTest {

    World world;
    Person emma;
    UUID vacation;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
        emma = world.employee(UUID.randomUUID(), "Emma", "Employee", null, Map.of());
        Map<String, Object> version = new HashMap<>();
        version.put("effective_from", "2020-01-01");
        version.put("settings", Map.of("type", "ACCRUAL", "accrual_method", "TIME", "accrual_frequency", "YEARLY",
                "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_year", 9600, "proration", "NONE"));
        JsonNode created = world.asAdmin().post(world.base() + "/policies", Map.of("key", "vacation-tiered-a1",
                "category", "VACATION", "name", "Vacation", "version", version)).expectJson(201);
        vacation = UUID.fromString(created.path("id").asText());
        world.assign(vacation, emma, "2020-01-01", null);
        world.adjust(emma, vacation, 4800, "opening balance");
    }

    private List<JsonNode> audit(String query) {
        JsonNode page = world.asAdmin().get(world.base() + "/audit-log?limit=100&" + query).expectJson(200);
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    @Test
    void rowsAreNamedByWhoAndWhat() {
        JsonNode request = world.submit(emma, vacation, "2030-12-23T00:00", "2030-12-28T00:00").expectJson(201);
        world.approve(world.admin, request.path("id").asText());

        JsonNode approved = audit("entity_type=REQUEST&action=APPROVE").get(0);
        assertThat(approved.path("actor_name").asText()).isEqualTo("Ada Admin");
        assertThat(approved.path("entity_label").asText())
                .isEqualTo("Emma Employee's Vacation request, 2030-12-23 – 2030-12-27");
        assertThat(approved.path("summary").asText())
                .isEqualTo("Ada Admin approved Emma Employee's Vacation request, 2030-12-23 – 2030-12-27");
        JsonNode submitted = audit("entity_type=REQUEST&action=SUBMIT").get(0);
        assertThat(submitted.path("actor_name").asText()).isEqualTo("Emma Employee");

        assertThat(audit("entity_type=POLICY&action=CREATE").get(0).path("summary").asText())
                .isEqualTo("Ada Admin created policy Vacation");
        assertThat(audit("entity_type=POLICY_VERSION").get(0).path("entity_label").asText()).isEqualTo("Vacation v1");
        assertThat(audit("entity_type=ASSIGNMENT").get(0).path("entity_label").asText()).isEqualTo("Emma Employee – Vacation");
        assertThat(audit("entity_type=ADJUSTMENT").get(0).path("summary").asText())
                .isEqualTo("Ada Admin created an adjustment for Emma Employee – Vacation");

        // a deleted holiday keeps its name from the row itself
        world.holiday("2030-12-25", "Christmas");
        String holidayId = audit("entity_type=HOLIDAY").get(0).path("entity_id").asText();
        world.asAdmin().delete(world.base() + "/holidays/" + holidayId).expect(204);
        assertThat(audit("entity_type=HOLIDAY&action=DELETE").get(0).path("summary").asText())
                .isEqualTo("Ada Admin deleted holiday Christmas (2030-12-25)");

        // filters still apply, and every row carries the three added fields
        List<JsonNode> all = audit("");
        assertThat(all).allSatisfy(r -> assertThat(r.has("summary") && r.has("entity_label") && r.has("actor_name")).isTrue());
        assertThat(audit("actor_id=" + emma.id())).hasSize(1);
    }

    @Test
    void csvExportHasTheNamesAndHonoursFilters() {
        Http.Response csv = world.asAdmin().get(world.base() + "/audit-log?format=csv").expect(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("audit-log-" + world.companyId());
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", AuditCsv.COLUMNS));
        long rows = world.asAdmin().get(world.base() + "/audit-log").expectJson(200).path("total").asLong();
        assertThat(lines).hasSize((int) rows + 1);
        assertThat(csv.text()).contains(",Ada Admin,CREATE,POLICY,").contains(",Ada Admin created policy Vacation,");

        String filtered = world.asAdmin().header("Accept", "text/csv")
                .get(world.base() + "/audit-log?entity_type=ADJUSTMENT").expect(200).text();
        assertThat(filtered.split("\r\n")).hasSize(2);
        assertThat(filtered).contains("an adjustment for Emma Employee – Vacation");
        world.asAdmin().get(world.base() + "/audit-log?format=xml").expectError(422);
        world.asAdmin().get(world.base() + "/audit-log?format=csv&entity_type=NOPE").expectError(422);
    }

    @Test
    void onlyTheCompanysAdmins() {
        World other = fixtures.newWorld();
        for (Http caller : List.of(world.as(emma), other.asAdmin())) {
            caller.get(world.base() + "/audit-log?format=csv").expectError(403);
            caller.header("Accept", "text/csv").get(world.base() + "/audit-log").expectError(403);
            caller.get(world.base() + "/audit-log").expectError(403);
        }
        // the other company's log names nothing of this one
        String theirs = other.asAdmin().get(other.base() + "/audit-log?format=csv").expect(200).text();
        assertThat(theirs).doesNotContain("Emma").doesNotContain("Vacation");
    }

    /** Issue 26: a preference change or a calendar feed logs as what it is, not as "updated employee". */
    @Test
    void changesThatAreNotEditsOfTheEmployeeRecordSayWhatTheyAre() {
        world.as(emma).put("/api/me/notification-preferences", Map.of("preferences", Map.of("request_approved", false)))
                .expectJson(200);
        JsonNode feed = world.as(emma).post("/api/me/calendar-feeds", Map.of("scope", "mine")).expectJson(201);
        world.as(emma).delete("/api/me/calendar-feeds/" + feed.path("id").asText()).expect(204);
        world.asAdmin().put(world.base() + "/employees/" + emma.id(), Map.of("department", "Sales")).expectJson(200);

        List<JsonNode> rows = audit("entity_type=EMPLOYEE&action=UPDATE");
        List<String> summaries = rows.stream().map(r -> r.path("summary").asText()).toList();
        assertThat(summaries).contains(
                "Emma Employee changed their e-mail notification settings",
                "Emma Employee created a calendar feed",
                "Emma Employee revoked a calendar feed",
                "Ada Admin updated employee Emma Employee");
        assertThat(rows.stream().map(r -> r.path("change").isNull() ? "edit" : r.path("change").asText()).toList())
                .contains("notification_preferences", "calendar_feed_created", "calendar_feed_revoked", "edit");
    }
}
