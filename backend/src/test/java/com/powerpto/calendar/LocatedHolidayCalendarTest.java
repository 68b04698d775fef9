package com.powerpto.calendar;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holidays per location in the team calendar and the feeds (issue 28): each viewer's own holidays
 * (the company's and their location's), each person in view on their location's holidays, and a
 * holidays feed that carries its owner's.
 */
@Import(MutableClock.Config.class)
class LocatedHolidayCalendarTest extends ApiTest {

    @Autowired
    MutableClock clock;

    World world;
    Person manager;
    Person anna;
    Person hans;

    @BeforeEach
    void world() {
        clock.set("2026-12-01T12:00:00Z");
        world = fixtures.newWorld();
        manager = world.manager("Mia");
        world.asAdmin().put(world.base() + "/employees/" + manager.id(), Map.of("location", "Hamburg")).expect(200);
        anna = world.employee("Anna", manager.id(), Map.of("location", "munich"));
        hans = world.employee("Hans", manager.id(), Map.of("location", "Hamburg"));
        world.holiday("2027-01-01", "New Year");
        world.asAdmin().post(world.base() + "/holidays", Map.of("date", "2027-01-06", "name", "Epiphany", "location", "Munich"))
                .expectJson(201);
        world.asAdmin().post(world.base() + "/holidays",
                Map.of("date", "2027-01-08", "name", "Harbour festival", "location", "Hamburg", "half_day", true)).expectJson(201);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static List<String> dates(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("date").asText() + " " + i.path("name").asText()));
        return out;
    }

    @Test
    void whosOutShadesTheViewersOwnHolidaysAndNamesEachPersonsLocatedOnes() {
        String window = world.base() + "/whos-out?from=2027-01-01&to=2027-01-10";
        JsonNode asAnna = world.as(anna).get(window).expectJson(200);
        assertThat(dates(asAnna.path("holidays"))).containsExactly("2027-01-01 New Year", "2027-01-06 Epiphany");
        assertThat(asAnna.path("holidays").get(0).path("location").isNull()).isTrue();
        assertThat(asAnna.path("holidays").get(1).path("location").asText()).isEqualTo("Munich");
        JsonNode asHans = world.as(hans).get(window).expectJson(200);
        assertThat(dates(asHans.path("holidays"))).containsExactly("2027-01-01 New Year", "2027-01-08 Harbour festival");
        assertThat(asHans.path("holidays").get(1).path("half_day").asBoolean()).isTrue();

        // the manager sees each report (and themself) on their own location's holidays
        JsonNode asManager = world.as(manager).get(window).expectJson(200);
        List<String> people = new ArrayList<>();
        asManager.path("people_holidays").forEach(p -> people.add(p.path("date").asText() + " " + p.path("name").asText()
                + " " + p.path("holiday").asText() + " " + p.path("half_day").asBoolean()));
        assertThat(people).containsExactly("2027-01-06 Anna Tester Epiphany false",
                "2027-01-08 Hans Tester Harbour festival true", "2027-01-08 Mia Tester Harbour festival true");
        assertThat(asManager.path("people_holidays").get(0).path("employee_id").asText()).isEqualTo(anna.id().toString());
        // an employee's view holds their team only; another company's never shows
        JsonNode other = fixtures.newWorld().asAdmin().get("/api/companies/" + fixtures.newWorld().companyId() + "/whos-out")
                .expectError(403);
        assertThat(other.path("status_code").asInt()).isEqualTo(403);
    }

    @Test
    void theHolidaysFeedCarriesItsOwnersHolidays() throws Exception {
        JsonNode feed = world.as(anna).post("/api/me/calendar-feeds", Map.of("scope", "holidays")).expectJson(201);
        String ics = http.get("/api/calendar/" + feed.path("token").asText() + ".ics").expect(200).text();
        List<String> fromIcal4j = new CalendarBuilder().build(new StringReader(ics)).getComponents(Component.VEVENT).stream()
                .map(c -> c.getProperty("SUMMARY").orElseThrow().getValue()).sorted().toList();
        List<String> fromBiweekly = Biweekly.parse(ics).first().getEvents().stream()
                .map(e -> e.getSummary().getValue()).sorted().toList();
        assertThat(fromIcal4j).containsExactly("Epiphany", "New Year").isEqualTo(fromBiweekly);
        VEvent epiphany = Biweekly.parse(ics).first().getEvents().stream()
                .filter(e -> e.getSummary().getValue().equals("Epiphany")).findFirst().orElseThrow();
        assertThat(epiphany.getLocation().getValue()).isEqualTo("Munich");

        JsonNode hansFeed = world.as(hans).post("/api/me/calendar-feeds", Map.of("scope", "holidays")).expectJson(201);
        String hansIcs = http.get("/api/calendar/" + hansFeed.path("token").asText() + ".ics").expect(200).text();
        assertThat(Biweekly.parse(hansIcs).first().getEvents().stream().map(e -> e.getSummary().getValue()).sorted().toList())
                .containsExactly("Harbour festival (half day)", "New Year");
    }
}
