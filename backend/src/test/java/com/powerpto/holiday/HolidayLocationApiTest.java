package com.powerpto.holiday;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holidays per location from presets (issue 28), over real HTTP: durations exclude the
 * company-wide holidays and the employee's location's, imports are idempotent and audited,
 * half days halve a day, and the contract of POST /holidays holds.
 */
class HolidayLocationApiTest extends LedgerCheckedTest {

    String holidays() {
        return world.base() + "/holidays";
    }

    JsonNode importPreset(String country, String region, int year, String location) {
        Map<String, Object> body = new HashMap<>(Map.of("country", country, "year", year));
        if (region != null) {
            body.put("region", region);
        }
        if (location != null) {
            body.put("location", location);
        }
        return world.asAdmin().post(holidays() + "/import", body).expectJson(200);
    }

    static List<String> texts(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path(field).asText()));
        return out;
    }

    Person located(String first, String location) {
        return world.employee(first, null, Map.of("location", location));
    }

    UUID policyFor(Person... people) {
        UUID policy = world.timePolicy("vacation", Map.of());
        for (Person p : people) {
            world.assign(policy, p, "2026-01-01", null);
            world.adjust(p, policy, 48_000, "grant");
        }
        return policy;
    }

    @Test
    void aBavarianRequestOverEpiphanyIsOneDayShorterThanAHamburgColleagues() {
        Person anna = located("Anna", "munich"); // any case matches the holidays' location
        Person hans = located("Hans", "Hamburg");
        UUID policy = policyFor(anna, hans);
        assertThat(importPreset("DE", "BY", 2027, "Munich").path("created").asInt()).isEqualTo(12);
        assertThat(importPreset("DE", "HH", 2027, "Hamburg").path("created").asInt()).isEqualTo(10);

        // Monday 4 to Friday 8 January 2027; Wednesday 6 January is Epiphany in Bavaria only.
        JsonNode annas = world.submit(anna, policy, "2027-01-04T00:00", "2027-01-09T00:00").expectJson(201);
        JsonNode hanss = world.submit(hans, policy, "2027-01-04T00:00", "2027-01-09T00:00").expectJson(201);
        assertThat(annas.path("requested_minutes").asLong()).isEqualTo(4 * 480);
        assertThat(hanss.path("requested_minutes").asLong()).isEqualTo(5 * 480);

        // the preview's day-by-day breakdown names the holiday
        JsonNode preview = world.as(anna).post(world.base() + "/requests/preview",
                world.request(anna, policy, "2027-01-11T00:00", "2027-01-12T00:00")).expectJson(200);
        assertThat(preview.path("requested_minutes").asLong()).isEqualTo(480);
        JsonNode days = world.as(anna).post(world.base() + "/requests/preview",
                world.request(anna, policy, "2027-01-05T00:00", "2027-01-08T00:00")).expectJson(200).path("days");
        JsonNode epiphany = days.get(1);
        assertThat(epiphany.path("date").asText()).isEqualTo("2027-01-06");
        assertThat(epiphany.path("reason").asText()).isEqualTo("HOLIDAY");
        assertThat(epiphany.path("minutes").asLong()).isZero();
        assertThat(epiphany.path("holiday").asText()).isEqualTo("Epiphany");
        assertThat(days.get(0).path("holiday").isNull()).isTrue();
        assertThat(days.get(0).path("half_day").asBoolean()).isFalse();
    }

    @Test
    void reImportingAYearCreatesNothingAndSkipsDatesTheCompanyAlreadyHas() {
        world.holiday("2027-01-01", "New Year (company)");
        JsonNode first = importPreset("DE", "BY", 2027, "Munich");
        assertThat(first.path("created").asInt()).isEqualTo(11);
        assertThat(first.path("skipped").asInt()).isEqualTo(1);
        JsonNode again = importPreset("de", "de-by", 2027, "MUNICH");
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("skipped").asInt()).isEqualTo(12);

        JsonNode munich = world.asAdmin().get(holidays() + "?year=2027&location=munich&limit=100").expectJson(200);
        assertThat(munich.path("total").asInt()).isEqualTo(12);
        assertThat(texts(munich.path("items"), "location")).containsOnly("null", "Munich");
        JsonNode companyWide = world.asAdmin().get(holidays() + "?year=2027&company_wide=true").expectJson(200);
        assertThat(texts(companyWide.path("items"), "name")).containsExactly("New Year (company)");

        // the company-wide import skips only company-wide dates: Munich's Epiphany stays Munich's
        JsonNode country = importPreset("DE", null, 2027, null);
        assertThat(country.path("created").asInt()).isEqualTo(8);
        assertThat(country.path("skipped").asInt()).isEqualTo(1);
        assertThat(importPreset("DE", null, 2027, null).path("created").asInt()).isZero();

        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=HOLIDAY&limit=100").expectJson(200);
        assertThat(audit.path("total").asInt()).isEqualTo(1 + 11 + 8);
        JsonNode epiphany = null;
        for (JsonNode row : audit.path("items")) {
            if ("2027-01-06".equals(row.path("after_json").path("date").asText())) {
                epiphany = row;
            }
        }
        assertThat(epiphany).isNotNull();
        assertThat(epiphany.path("action").asText()).isEqualTo("CREATE");
        assertThat(epiphany.path("actor_id").asText()).isEqualTo(world.admin.id().toString());
        assertThat(epiphany.path("after_json").path("location").asText()).isEqualTo("Munich");
        assertThat(epiphany.path("after_json").path("source").asText()).isEqualTo("preset DE-BY 2027");
    }

    @Test
    void aHalfDayHolidayHalvesThatDay() {
        Person emma = world.employee("Emma", null);
        UUID policy = policyFor(emma);
        JsonNode eve = world.asAdmin().post(holidays(), Map.of("date", "2027-12-24", "name", "Christmas Eve", "half_day", true))
                .expectJson(201);
        assertThat(eve.path("half_day").asBoolean()).isTrue();
        assertThat(eve.path("location").isNull()).isTrue();

        // Thursday 23 and Friday 24 December 2027: a whole day and the first half of the next
        JsonNode request = world.submit(emma, policy, "2027-12-23T00:00", "2027-12-25T00:00").expectJson(201);
        assertThat(request.path("requested_minutes").asLong()).isEqualTo(480 + 240);
        world.as(emma).post(world.base() + "/requests/" + request.path("id").asText() + "/cancel", null).expectJson(200);

        JsonNode preview = world.as(emma).post(world.base() + "/requests/preview",
                world.request(emma, policy, "2027-12-24T09:00", "2027-12-24T17:00")).expectJson(200);
        assertThat(preview.path("requested_minutes").asLong()).isEqualTo(240);
        JsonNode only = preview.path("days").get(0);
        assertThat(only.path("holiday").asText()).isEqualTo("Christmas Eve");
        assertThat(only.path("half_day").asBoolean()).isTrue();
        assertThat(only.path("reason").asText()).isEqualTo("WORKDAY");
        // the second half of the window is free
        JsonNode afternoon = world.submit(emma, policy, "2027-12-24T13:00", "2027-12-24T17:00").expectError(400);
        assertThat(afternoon.path("code").asText()).isEqualTo("no_working_time");
        assertThat(world.submit(emma, policy, "2027-12-24T11:00", "2027-12-24T17:00").expectJson(201)
                .path("requested_minutes").asLong()).isEqualTo(120);
    }

    @Test
    void postWithoutLocationStaysCompanyWideAndTheSameDateTwiceInOneScopeIs409() {
        JsonNode company = world.asAdmin().post(holidays(), Map.of("date", "2027-05-01", "name", "Labour Day")).expectJson(201);
        assertThat(company.path("location").isNull()).isTrue();
        assertThat(company.path("half_day").asBoolean()).isFalse();
        assertThat(world.asAdmin().post(holidays(), Map.of("date", "2027-05-01", "name", "Again")).expectError(409)
                .path("code").asText()).isEqualTo("duplicate_holiday_date");
        world.asAdmin().post(holidays(), Map.of("date", "2027-08-15", "name", "Assumption", "location", "Munich")).expectJson(201);
        JsonNode twice = world.asAdmin().post(holidays(), Map.of("date", "2027-08-15", "name", "Again", "location", " munich "))
                .expectError(409);
        assertThat(twice.path("code").asText()).isEqualTo("duplicate_holiday_date");
        assertThat(twice.path("error").asText()).contains("2027-08-15").contains("munich");
        // another scope on the same date is fine
        world.asAdmin().post(holidays(), Map.of("date", "2027-08-15", "name", "Hamburg day", "location", "Hamburg")).expectJson(201);
        world.asAdmin().post(holidays(), Map.of("date", "2027-08-15", "name", "Everyone", "half_day", false)).expectJson(201);
        assertThat(world.asAdmin().get(holidays() + "?year=2027").expectJson(200).path("total").asInt()).isEqualTo(4);
        assertThat(world.asAdmin().post(holidays(), Map.of("date", "2027-08-16", "name", "x", "location", "y".repeat(101)))
                .expectError(422).path("fields").path(0).path("field").asText()).isEqualTo("location");
    }

    @Test
    void anAdminEditsAHolidayAndTheEditIsAudited() {
        String id = world.asAdmin().post(holidays(), Map.of("date", "2027-12-31", "name", "Old Year's Eve"))
                .expectJson(201).path("id").asText();
        JsonNode edited = world.asAdmin().put(holidays() + "/" + id, Map.of("name", "New Year's Eve", "half_day", true)).expectJson(200);
        assertThat(edited.path("name").asText()).isEqualTo("New Year's Eve");
        assertThat(edited.path("half_day").asBoolean()).isTrue();
        assertThat(edited.path("date").asText()).isEqualTo("2027-12-31");
        assertThat(edited.path("location").isNull()).isTrue();
        JsonNode moved = world.asAdmin().put(holidays() + "/" + id, Map.of("location", "Munich")).expectJson(200);
        assertThat(moved.path("location").asText()).isEqualTo("Munich");
        assertThat(moved.path("name").asText()).isEqualTo("New Year's Eve");
        HashMap<String, Object> back = new HashMap<>();
        back.put("location", null);
        assertThat(world.asAdmin().put(holidays() + "/" + id, back).expectJson(200).path("location").isNull()).isTrue();

        String other = world.asAdmin().post(holidays(), Map.of("date", "2027-12-30", "name", "Other")).expectJson(201).path("id").asText();
        assertThat(world.asAdmin().put(holidays() + "/" + other, Map.of("date", "2027-12-31")).expectError(409)
                .path("code").asText()).isEqualTo("duplicate_holiday_date");
        world.asAdmin().put(holidays() + "/" + other, Map.of("name", " ")).expectError(422);
        world.asAdmin().put(holidays() + "/" + other, Map.of("colour", "red")).expectError(422);
        world.asAdmin().put(holidays() + "/" + UUID.randomUUID(), Map.of("name", "x")).expectError(404);
        Person emma = world.employee("Emma", null);
        world.as(emma).put(holidays() + "/" + other, Map.of("name", "Mine")).expectError(403);

        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=HOLIDAY&action=UPDATE").expectJson(200);
        assertThat(audit.path("total").asInt()).isEqualTo(3);
        assertThat(audit.path("items").get(2).path("before_json").path("name").asText()).isEqualTo("Old Year's Eve");
        assertThat(audit.path("items").get(2).path("after_json").path("half_day").asBoolean()).isTrue();
    }

    @Test
    void importRefusesWhatIsNotAPresetAndOnlyAdminsImport() {
        String path = holidays() + "/import";
        assertThat(world.asAdmin().post(path, Map.of("country", "XX", "year", 2027)).expectError(422)
                .path("fields").path(0).path("field").asText()).isEqualTo("country");
        assertThat(world.asAdmin().post(path, Map.of("country", "DE", "region", "ZZ", "year", 2027)).expectError(422)
                .path("fields").path(0).path("field").asText()).isEqualTo("region");
        assertThat(world.asAdmin().post(path, Map.of("country", "DE")).expectError(422)
                .path("fields").path(0).path("field").asText()).isEqualTo("year");
        assertThat(world.asAdmin().post(path, Map.of("country", "DE", "year", 1800)).expectError(422)
                .path("fields").path(0).path("field").asText()).isEqualTo("year");
        assertThat(world.asAdmin().post(path, Map.of("country", "DE", "year", 2027, "language", "german")).expectError(422)
                .path("fields").path(0).path("field").asText()).isEqualTo("language");
        world.asAdmin().post(path, Map.of("country", "DE", "year", 2027, "holidays", 3)).expectError(422);
        Person emma = world.employee("Emma", null);
        world.as(emma).post(path, Map.of("country", "DE", "year", 2027)).expectError(403);
        fixtures.newWorld().asAdmin().post(path, Map.of("country", "DE", "year", 2027)).expectError(403);
        assertThat(world.asAdmin().get(holidays()).expectJson(200).path("total").asInt()).isZero();

        // names in another language when asked
        JsonNode german = world.asAdmin().post(path, Map.of("country", "DE", "region", "BY", "year", 2027,
                "location", "München", "language", "de")).expectJson(200);
        assertThat(german.path("created").asInt()).isEqualTo(12);
        assertThat(texts(world.asAdmin().get(holidays() + "?location=M%C3%BCnchen&limit=100").expectJson(200).path("items"), "name"))
                .contains("Heilige Drei Könige");
    }

    @Test
    void presetsListCountriesAndTheirRegionsByIsoCode() {
        Person emma = world.employee("Emma", null);
        JsonNode all = world.as(emma).get("/api/holiday-presets").expectJson(200);
        assertThat(all.path("total").asInt()).isGreaterThan(400).isEqualTo(all.path("items").size());
        List<String> codes = new ArrayList<>();
        all.path("items").forEach(p -> codes.add(p.path("country").asText() + "/" + p.path("region").asText()));
        assertThat(codes).contains("DE/null", "DE/BY", "DE/HH", "US/null", "GB/null");
        JsonNode germany = world.as(emma).get("/api/holiday-presets?country=de").expectJson(200);
        assertThat(germany.path("total").asInt()).isEqualTo(17);
        assertThat(germany.path("items").get(0).path("region").isNull()).isTrue();
        assertThat(germany.path("items").get(0).path("name").asText()).isEqualTo("Germany");
        JsonNode bavaria = null;
        for (JsonNode p : germany.path("items")) {
            if ("BY".equals(p.path("region").asText())) {
                bavaria = p;
            }
        }
        assertThat(bavaria).isNotNull();
        assertThat(bavaria.path("name").asText()).isEqualTo("Bavaria");
        assertThat(world.as(emma).get("/api/holiday-presets?country=XX").expectJson(200).path("total").asInt()).isZero();
        world.as(emma).get("/api/holiday-presets?country=Germany").expectError(422);
        http.get("/api/holiday-presets").expectError(401);
    }
}
