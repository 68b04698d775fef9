package com.powerpto.holiday;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Locations and their yearly upkeep (issue 28): a location bound to a preset gets this year's
 * holidays on binding and next year's from the worker in December; names match employees'
 * locations case-insensitively.
 */
@Import(MutableClock.Config.class)
class HolidayUpkeepApiTest extends LedgerCheckedTest {

    @Autowired
    MutableClock clock;

    @Autowired
    HolidayUpkeep upkeep;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String locations() {
        return world.base() + "/locations";
    }

    int holidaysIn(int year, String location) {
        return world.asAdmin().get(world.base() + "/holidays?limit=100&year=" + year + "&location=" + location)
                .expectJson(200).path("total").asInt();
    }

    @Test
    void aLocationBoundToAPresetGetsNextYearsHolidaysFromTheWorkerInDecember() {
        clock.set("2026-06-15T10:00:00Z");
        JsonNode munich = world.asAdmin().post(locations(), Map.of("name", "Munich", "country", "DE", "region", "BY"))
                .expectJson(201);
        assertThat(munich.path("country").asText()).isEqualTo("DE");
        assertThat(munich.path("region").asText()).isEqualTo("BY");
        assertThat(munich.path("holidays_filled_through").asInt()).isEqualTo(2026);
        assertThat(holidaysIn(2026, "Munich")).isEqualTo(12); // Bavaria 2026: the 9 national days and Epiphany, Corpus Christi, All Saints
        assertThat(holidaysIn(2027, "Munich")).isZero();

        // November: nothing is due yet
        assertThat(upkeep.runDue(LocalDate.parse("2026-11-30"), world.companyId()).created()).isZero();
        assertThat(holidaysIn(2027, "Munich")).isZero();

        // from the first of December the worker fills in next year, once
        HolidayUpkeep.Pass december = upkeep.runDue(LocalDate.parse("2026-12-01"), world.companyId());
        assertThat(december.locations()).isEqualTo(1);
        assertThat(december.created()).isEqualTo(12);
        assertThat(holidaysIn(2027, "munich")).isEqualTo(12);
        assertThat(upkeep.runDue(LocalDate.parse("2026-12-02"), world.companyId()).locations()).isZero();
        assertThat(world.asAdmin().get(locations()).expectJson(200).path("items").get(0)
                .path("holidays_filled_through").asInt()).isEqualTo(2027);
        // the worker's rows are audited as the system's
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=HOLIDAY&limit=100&start_date=2026-01-01")
                .expectJson(200);
        long bySystem = 0;
        for (JsonNode row : audit.path("items")) {
            if (row.path("actor_id").asText().equals("00000000-0000-0000-0000-000000000000")) {
                bySystem++;
            }
        }
        assertThat(bySystem).isEqualTo(12);
    }

    @Test
    void bindingInDecemberFillsThisYearAndNextAndRebindingFillsTheNewPreset() {
        clock.set("2026-12-10T08:00:00Z");
        String id = world.asAdmin().post(locations(), Map.of("name", "Hamburg")).expectJson(201).path("id").asText();
        assertThat(holidaysIn(2026, "Hamburg")).isZero();
        JsonNode bound = world.asAdmin().put(locations() + "/" + id, Map.of("country", "DE", "region", "HH")).expectJson(200);
        assertThat(bound.path("holidays_filled_through").asInt()).isEqualTo(2027);
        assertThat(holidaysIn(2026, "Hamburg")).isEqualTo(10);
        assertThat(holidaysIn(2027, "Hamburg")).isEqualTo(10);
        // the same binding again changes nothing
        assertThat(world.asAdmin().put(locations() + "/" + id, Map.of("country", "de", "region", "hh")).expectJson(200)
                .path("holidays_filled_through").asInt()).isEqualTo(2027);
        // bound to Bavaria instead: Bavaria's extra days are added, nothing is removed
        world.asAdmin().put(locations() + "/" + id, Map.of("country", "DE", "region", "BY")).expectJson(200);
        assertThat(holidaysIn(2027, "Hamburg")).isEqualTo(10 + 3); // Epiphany, Corpus Christi, All Saints
        // unbinding keeps the holidays
        HashMap<String, Object> none = new HashMap<>();
        none.put("country", null);
        JsonNode unbound = world.asAdmin().put(locations() + "/" + id, none).expectJson(200);
        assertThat(unbound.path("country").isNull()).isTrue();
        assertThat(holidaysIn(2027, "Hamburg")).isEqualTo(13);
        assertThat(upkeep.runDue(LocalDate.parse("2027-12-01"), world.companyId()).locations()).isZero();
    }

    @Test
    void locationsAreACompanyTableMatchedCaseInsensitivelyAndOnlyAdminsChangeThem() {
        clock.set("2026-03-01T08:00:00Z");
        world.employee("Anna", null, Map.of("location", "MUNICH"));
        world.employee("Alex", null, Map.of("location", "munich"));
        Person emma = world.employee("Emma", null, Map.of("location", "Hamburg"));
        String munich = world.asAdmin().post(locations(), Map.of("name", " Munich ")).expectJson(201).path("id").asText();
        JsonNode duplicate = world.asAdmin().post(locations(), Map.of("name", "munich")).expectError(409);
        assertThat(duplicate.path("code").asText()).isEqualTo("duplicate_location");
        world.asAdmin().post(locations(), Map.of("name", "Berlin", "country", "DE", "region", "XX")).expectError(422);
        world.asAdmin().post(locations(), Map.of("name", "Nowhere", "region", "BY")).expectError(422);
        world.asAdmin().post(locations(), Map.of()).expectError(422);
        world.asAdmin().post(locations(), Map.of("name", "Paris", "country", "FR", "language", "french")).expectError(422);

        JsonNode list = world.as(emma).get(locations()).expectJson(200);
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("name").asText()).isEqualTo("Munich");
        assertThat(list.path("items").get(0).path("employee_count").asInt()).isEqualTo(2);

        world.as(emma).post(locations(), Map.of("name", "Hamburg")).expectError(403);
        world.as(emma).put(locations() + "/" + munich, Map.of("country", "DE")).expectError(403);
        world.as(emma).delete(locations() + "/" + munich).expectError(403);
        fixtures.newWorld().asAdmin().get(locations()).expectError(403);
        world.asAdmin().put(locations() + "/" + munich, Map.of("name", "Muenchen")).expectError(422);

        // a holiday typed for "MUNICH" takes the location's spelling
        JsonNode holiday = world.asAdmin().post(world.base() + "/holidays",
                Map.of("date", "2026-08-15", "name", "Assumption", "location", "MUNICH")).expectJson(201);
        assertThat(holiday.path("location").asText()).isEqualTo("Munich");

        world.asAdmin().delete(locations() + "/" + munich).expect(204);
        world.asAdmin().delete(locations() + "/" + munich).expectError(404);
        assertThat(holidaysIn(2026, "munich")).isEqualTo(1); // its holidays stay
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=LOCATION").expectJson(200);
        assertThat(audit.path("total").asInt()).isEqualTo(2);
        assertThat(audit.path("items").get(0).path("summary").asText()).contains("location Munich");
    }
}
