package com.powerpto.holiday;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Company holidays over real HTTP: create, duplicates, listing by year, delete, audit, tenancy. */
class HolidayApiTest extends ApiTest {

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
    }

    String holidays() {
        return world.base() + "/holidays";
    }

    JsonNode create(String date, String name) {
        return world.asAdmin().post(holidays(), Map.of("date", date, "name", name)).expectJson(201);
    }

    static String field(JsonNode error) {
        return error.path("fields").path(0).path("field").asText();
    }

    static List<String> dates(JsonNode page) {
        List<String> dates = new ArrayList<>();
        page.path("items").forEach(h -> dates.add(h.path("date").asText()));
        return dates;
    }

    List<JsonNode> audit(String query) {
        JsonNode page = world.asAdmin().get(world.base() + "/audit-log?limit=100&" + query).expectJson(200);
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    @Test
    void createAnswers201WithTheHoliday() {
        JsonNode h = create("2026-12-25", "  Christmas Day ");
        assertThat(h.path("id").asText()).isNotBlank();
        assertThat(h.path("company_id").asText()).isEqualTo(world.companyId().toString());
        assertThat(h.path("date").asText()).isEqualTo("2026-12-25");
        assertThat(h.path("name").asText()).isEqualTo("Christmas Day");
        JsonNode listed = world.asAdmin().get(holidays()).expectJson(200);
        assertThat(listed.path("items").get(0)).isEqualTo(h);
    }

    @Test
    void theSameDateTwiceIs409() {
        create("2026-01-01", "New Year");
        JsonNode error = world.asAdmin().post(holidays(), Map.of("date", "2026-01-01", "name", "Again")).expectError(409);
        assertThat(error.path("error").asText()).contains("2026-01-01");
        assertThat(world.asAdmin().get(holidays()).expectJson(200).path("total").asInt()).isEqualTo(1);
        // another company may use the same date
        World other = fixtures.newWorld();
        other.asAdmin().post(other.base() + "/holidays", Map.of("date", "2026-01-01", "name", "New Year")).expectJson(201);
    }

    @Test
    void invalidBodiesAre422() {
        assertThat(field(world.asAdmin().post(holidays(), Map.of("name", "No date")).expectError(422))).isEqualTo("date");
        assertThat(field(world.asAdmin().post(holidays(), Map.of("date", "2026-02-30", "name", "x")).expectError(422))).isEqualTo("date");
        assertThat(field(world.asAdmin().post(holidays(), Map.of("date", "1800-01-01", "name", "x")).expectError(422))).isEqualTo("date");
        assertThat(field(world.asAdmin().post(holidays(), Map.of("date", "2026-03-01")).expectError(422))).isEqualTo("name");
        assertThat(field(world.asAdmin().post(holidays(), Map.of("date", "2026-03-01", "name", "   ")).expectError(422))).isEqualTo("name");
        assertThat(field(world.asAdmin().post(holidays(), Map.of("date", "2026-03-01", "name", "x".repeat(201))).expectError(422))).isEqualTo("name");
        assertThat(field(world.asAdmin().post(holidays(), Map.of("date", "2026-03-01", "name", "a\u0000b")).expectError(422))).isEqualTo("name");
        assertThat(field(world.asAdmin().post(holidays(), Map.of("date", "2026-03-01", "name", "x", "paid", true)).expectError(422))).isEqualTo("paid");
        world.asAdmin().send("POST", holidays(), "", "application/json").expectError(422);
        assertThat(world.asAdmin().get(holidays()).expectJson(200).path("total").asInt()).isZero();
    }

    @Test
    void listFiltersByYearPaginatesAndOrdersByDate() {
        create("2027-01-01", "New Year 2027");
        create("2026-12-25", "Christmas");
        create("2026-01-01", "New Year 2026");
        create("2026-07-04", "Mid-year");
        create("2025-12-31", "Old Year's Eve");

        JsonNode all = world.asAdmin().get(holidays()).expectJson(200);
        assertThat(all.path("total").asInt()).isEqualTo(5);
        assertThat(dates(all)).containsExactly("2025-12-31", "2026-01-01", "2026-07-04", "2026-12-25", "2027-01-01");

        JsonNode year = world.asAdmin().get(holidays() + "?year=2026").expectJson(200);
        assertThat(year.path("total").asInt()).isEqualTo(3);
        assertThat(dates(year)).containsExactly("2026-01-01", "2026-07-04", "2026-12-25");

        JsonNode page = world.asAdmin().get(holidays() + "?year=2026&limit=2&offset=1").expectJson(200);
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(dates(page)).containsExactly("2026-07-04", "2026-12-25");
        assertThat(world.asAdmin().get(holidays() + "?year=2030").expectJson(200).path("total").asInt()).isZero();

        assertThat(field(world.asAdmin().get(holidays() + "?year=1800").expectError(422))).isEqualTo("year");
        assertThat(field(world.asAdmin().get(holidays() + "?year=99999").expectError(422))).isEqualTo("year");
        assertThat(field(world.asAdmin().get(holidays() + "?year=twenty").expectError(422))).isEqualTo("year");
        assertThat(field(world.asAdmin().get(holidays() + "?limit=500").expectError(422))).isEqualTo("limit");
        assertThat(field(world.asAdmin().get(holidays() + "?offset=-2").expectError(422))).isEqualTo("offset");
    }

    @Test
    void anyoneInTheCompanyListsButOnlyAdminsWrite() {
        String id = create("2026-05-01", "Labour Day").path("id").asText();
        Person mia = world.manager("Mia");
        Person emma = world.employee("Emma", mia.id());
        assertThat(dates(world.as(emma).get(holidays()).expectJson(200))).containsExactly("2026-05-01");
        assertThat(dates(world.as(mia).get(holidays() + "?year=2026").expectJson(200))).containsExactly("2026-05-01");
        world.as(emma).post(holidays(), Map.of("date", "2026-05-02", "name", "Mine")).expectError(403);
        world.as(mia).post(holidays(), Map.of("date", "2026-05-02", "name", "Mine")).expectError(403);
        world.as(emma).delete(holidays() + "/" + id).expectError(403);
        world.as(mia).delete(holidays() + "/" + id).expectError(403);
        assertThat(world.asAdmin().get(holidays()).expectJson(200).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void deleteAnswers204ThenUnknownIs404() {
        String id = create("2026-05-01", "Labour Day").path("id").asText();
        Http.Response deleted = world.asAdmin().delete(holidays() + "/" + id).expect(204);
        assertThat(deleted.text()).isEmpty();
        world.asAdmin().delete(holidays() + "/" + id).expectError(404);
        world.asAdmin().delete(holidays() + "/" + UUID.randomUUID()).expectError(404);
        world.asAdmin().delete(holidays() + "/not-a-uuid").expectError(422);
        assertThat(world.asAdmin().get(holidays()).expectJson(200).path("total").asInt()).isZero();
        // the date is free again
        create("2026-05-01", "Labour Day (again)");
    }

    @Test
    void createAndDeleteAreAudited() {
        String id = create("2026-05-01", "Labour Day").path("id").asText();
        world.asAdmin().post(holidays(), Map.of("date", "2026-05-01", "name", "dup")).expectError(409);
        world.asAdmin().delete(holidays() + "/" + id).expect(204);

        assertThat(audit("entity_type=HOLIDAY")).hasSize(2);
        JsonNode create = audit("entity_type=HOLIDAY&action=CREATE").get(0);
        assertThat(create.path("entity_id").asText()).isEqualTo(id);
        assertThat(create.path("actor_id").asText()).isEqualTo(world.admin.id().toString());
        assertThat(create.path("before_json").isNull()).isTrue();
        assertThat(create.path("after_json").path("name").asText()).isEqualTo("Labour Day");
        JsonNode delete = audit("entity_type=HOLIDAY&action=DELETE").get(0);
        assertThat(delete.path("entity_id").asText()).isEqualTo(id);
        assertThat(delete.path("before_json").path("date").asText()).isEqualTo("2026-05-01");
        assertThat(delete.path("after_json").isNull()).isTrue();
    }

    @Test
    void anotherCompanysAdminCanNeitherReadNorChangeHolidays() {
        String id = create("2026-05-01", "Labour Day").path("id").asText();
        World other = fixtures.newWorld();
        Http intruder = other.asAdmin();
        intruder.get(holidays()).expectError(403);
        intruder.post(holidays(), Map.of("date", "2026-05-02", "name", "Evil")).expectError(403);
        intruder.delete(holidays() + "/" + id).expectError(403);
        intruder.delete(other.base() + "/holidays/" + id).expectError(404);
        assertThat(intruder.get(other.base() + "/holidays").expectJson(200).path("total").asInt()).isZero();
        Person stranger = other.employee("Stan", null);
        other.as(stranger).get(holidays()).expectError(403);
        assertThat(dates(world.asAdmin().get(holidays()).expectJson(200))).containsExactly("2026-05-01");
    }

    @Test
    void everyHolidayRouteNeedsAnIdentity() {
        String id = create("2026-05-01", "Labour Day").path("id").asText();
        http.get(holidays()).expectError(401);
        http.post(holidays(), Map.of("date", "2026-05-02", "name", "x")).expectError(401);
        http.delete(holidays() + "/" + id).expectError(401);
        http.header("Authorization", "Basic abc").get(holidays()).expectError(401);
        assertThat(world.asAdmin().get(holidays()).expectJson(200).path("total").asInt()).isEqualTo(1);
    }
}
