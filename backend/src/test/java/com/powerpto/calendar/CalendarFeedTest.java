package com.powerpto.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The .ics feeds, read back with ical4j and with biweekly (an independent parser). The feed's
 * window follows the application clock (90 days back, 400 ahead), so "today" is fixed at
 * {@link #TODAY}: the March–June 2027 events stay inside it whatever the real date.
 */
@Import(MutableClock.Config.class)
class CalendarFeedTest extends ApiTest {

    static final String TODAY = "2026-12-01T12:00:00Z";

    @Autowired
    MutableClock clock;

    World world;
    Person manager;
    Person eve;
    Person pat;
    Person stranger;
    UUID policy;
    String fullDays;
    String halfDay;

    @BeforeEach
    void world() {
        clock.set(TODAY);
        world = fixtures.newWorld();
        manager = world.manager("Mia");
        eve = world.employee("Eve", manager.id());
        pat = world.employee("Pat", manager.id());
        stranger = world.employee("Xavier", null);
        policy = world.timePolicy("vacation", Map.of());
        for (Person p : List.of(eve, pat, stranger)) {
            world.assign(policy, p, "2020-01-01", null);
            world.adjust(p, policy, 20 * 480, "opening");
        }
        fullDays = submitWithReason(eve, "2027-03-01T09:00", "2027-03-02T17:00", "secret surgery");
        world.approve(manager, fullDays);
        halfDay = submitWithReason(eve, "2027-03-10T09:00", "2027-03-10T13:00", "dentist");
        world.approve(manager, halfDay);
        String denied = submitWithReason(eve, "2027-04-01T09:00", "2027-04-01T17:00", "denied one");
        world.as(manager).post(world.base() + "/requests/" + denied + "/deny", null).expect(200);
        String cancelled = submitWithReason(eve, "2027-04-05T09:00", "2027-04-05T17:00", "cancelled one");
        world.approve(manager, cancelled);
        world.as(eve).post(world.base() + "/requests/" + cancelled + "/cancel", null).expect(200);
        world.approve(manager, submitWithReason(pat, "2027-03-03T09:00", "2027-03-03T17:00", null));
        // Xavier has no manager: an admin decides.
        world.approve(world.admin, submitWithReason(stranger, "2027-03-04T09:00", "2027-03-04T17:00", null));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String submitWithReason(Person p, String start, String end, String reason) {
        Map<String, Object> body = new HashMap<>(world.request(p, policy, start, end));
        if (reason != null) {
            body.put("reason", reason);
        }
        return world.as(p).post(world.base() + "/requests", body).expectJson(201).path("id").asText();
    }

    private JsonNode feed(Person owner, String scope, boolean pending) {
        return world.as(owner).post("/api/me/calendar-feeds", Map.of("scope", scope, "include_pending", pending)).expectJson(201);
    }

    private String path(JsonNode feed) {
        return "/api/calendar/" + feed.path("token").asText() + ".ics";
    }

    /** A fetched feed: the response, its text, and its events as both parsers read them (they must agree). */
    record Feed(Http.Response response, String ics, List<String> uids, List<String> summaries) {
    }

    /** Every 200 feed of this class goes through here: parsed by ical4j and by biweekly. */
    private Feed fetch(String path) throws Exception {
        return parsed(http.get(path).expect(200));
    }

    private Feed fetch(String path, String ifNoneMatch) throws Exception {
        return parsed(http.header("If-None-Match", ifNoneMatch).get(path).expect(200));
    }

    private static Feed parsed(Http.Response response) throws Exception {
        assertThat(response.header("Content-Type")).startsWith("text/calendar");
        String ics = response.text();
        return new Feed(response, ics, uids(ics), summaries(ics));
    }

    /** The events' UIDs, sorted; ical4j and biweekly must read the same ones. */
    private static List<String> uids(String ics) throws Exception {
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        List<String> fromIcal4j = parsed.getComponents(Component.VEVENT).stream()
                .map(c -> c.getProperty("UID").orElseThrow().getValue()).sorted().toList();
        ICalendar second = Biweekly.parse(ics).first();
        List<String> fromBiweekly = second.getEvents().stream().map(e -> e.getUid().getValue()).sorted().toList();
        assertThat(fromBiweekly).isEqualTo(fromIcal4j);
        return fromIcal4j;
    }

    /** The events' SUMMARY values, sorted; ical4j and biweekly must read the same ones. */
    private static List<String> summaries(String ics) throws Exception {
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        List<String> fromIcal4j = parsed.getComponents(Component.VEVENT).stream()
                .map(c -> c.getProperty("SUMMARY").orElseThrow().getValue()).sorted().toList();
        List<String> fromBiweekly = Biweekly.parse(ics).first().getEvents().stream()
                .map(e -> e.getSummary().getValue()).sorted().toList();
        assertThat(fromBiweekly).isEqualTo(fromIcal4j);
        return fromIcal4j;
    }

    @Test
    void myFeedHoldsMyApprovedTimeOffOnlyWithNamesAndDates() throws Exception {
        JsonNode created = feed(eve, "mine", false);
        assertThat(created.path("token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(created.path("url").asText()).endsWith(path(created));
        Feed mine = fetch(path(created));
        Http.Response response = mine.response();
        String ics = mine.ics();
        assertThat(mine.uids()).containsExactlyInAnyOrder("request-" + fullDays + "@power-pto", "request-" + halfDay + "@power-pto");
        assertThat(ics).doesNotContain("surgery").doesNotContain("dentist").doesNotContain("vacation");

        ICalendar parsed = Biweekly.parse(ics).first();
        VEvent allDay = parsed.getEvents().stream().filter(e -> e.getUid().getValue().contains(fullDays)).findFirst().orElseThrow();
        assertThat(allDay.getDateStart().getValue().hasTime()).isFalse();
        assertThat(allDay.getSummary().getValue()).isEqualTo("Eve Tester – time off");
        assertThat(LocalDate.ofInstant(allDay.getDateStart().getValue().toInstant(), java.time.ZoneId.systemDefault()))
                .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(LocalDate.ofInstant(allDay.getDateEnd().getValue().toInstant(), java.time.ZoneId.systemDefault()))
                .isEqualTo(LocalDate.of(2027, 3, 3)); // exclusive end
        VEvent timed = parsed.getEvents().stream().filter(e -> e.getUid().getValue().contains(halfDay)).findFirst().orElseThrow();
        assertThat(timed.getDateStart().getValue().hasTime()).isTrue();
        assertThat(timed.getDateStart().getValue().toInstant()).isEqualTo(java.time.Instant.parse("2027-03-10T09:00:00Z"));

        // ETag: an unchanged feed is 304.
        String etag = response.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(http.header("If-None-Match", etag).get(path(created)).status()).isEqualTo(304);
        // "*" matches any current representation (RFC 9110 13.1.2).
        Http.Response any = http.header("If-None-Match", "*").get(path(created));
        assertThat(any.status()).isEqualTo(304);
        assertThat(any.text()).isEmpty();
        assertThat(any.header("ETag")).isEqualTo(etag);
    }

    @Test
    void pendingRequestsAreTentativeAndApprovalBumpsTheSequence() throws Exception {
        String pending = submitWithReason(eve, "2027-05-03T09:00", "2027-05-03T17:00", null);
        JsonNode created = feed(eve, "mine", true);
        String before = fetch(path(created)).ics();
        VEvent tentative = Biweekly.parse(before).first().getEvents().stream()
                .filter(e -> e.getUid().getValue().contains(pending)).findFirst().orElseThrow();
        assertThat(tentative.getStatus().getValue()).isEqualTo("TENTATIVE");
        int sequenceBefore = tentative.getSequence() == null ? 0 : tentative.getSequence().getValue();
        Thread.sleep(1100);
        world.approve(manager, pending);
        Feed afterFeed = fetch(path(created));
        String after = afterFeed.ics();
        VEvent confirmed = Biweekly.parse(after).first().getEvents().stream()
                .filter(e -> e.getUid().getValue().contains(pending)).findFirst().orElseThrow();
        assertThat(confirmed.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(confirmed.getSequence().getValue()).isGreaterThan(sequenceBefore);
        assertThat(afterFeed.uids()).hasSize(3);
    }

    @Test
    void revokedAndRotatedTokensAre404() throws Exception {
        JsonNode first = feed(eve, "mine", false);
        assertThat(fetch(path(first)).uids()).hasSize(2);
        JsonNode rotated = feed(eve, "mine", false);
        http.get(path(first)).expectError(404);
        assertThat(fetch(path(rotated)).uids()).hasSize(2);
        JsonNode list = world.as(eve).get("/api/me/calendar-feeds").expectJson(200);
        assertThat(list.path("items").size()).isEqualTo(1);
        assertThat(list.toString()).doesNotContain(rotated.path("token").asText());
        world.as(eve).delete("/api/me/calendar-feeds/" + rotated.path("id").asText()).expect(204);
        http.get(path(rotated)).expectError(404);
        world.as(eve).delete("/api/me/calendar-feeds/" + rotated.path("id").asText()).expectError(404);
        http.get("/api/calendar/not-a-real-token-at-all-0123456789.ics").expectError(404);
    }

    @Test
    void teamCompanyAndHolidayScopes() throws Exception {
        world.holiday("2027-12-24", "Christmas Eve");
        List<String> teamOfThree = List.of("Eve Tester – time off", "Eve Tester – time off", "Pat Tester – time off");
        // An employee's team: colleagues with the same manager, not the stranger.
        Feed team = fetch(path(feed(eve, "team", false)));
        assertThat(team.summaries()).isEqualTo(teamOfThree);
        assertThat(team.ics()).doesNotContain("Xavier");
        // A manager's team: the reports.
        Feed managed = fetch(path(feed(manager, "team", false)));
        assertThat(managed.summaries()).isEqualTo(teamOfThree);
        assertThat(managed.uids()).isEqualTo(team.uids());
        world.as(eve).post("/api/me/calendar-feeds", Map.of("scope", "company")).expectError(403);
        world.as(eve).post("/api/me/calendar-feeds", Map.of("scope", "galaxy")).expectError(422);
        // The company feed follows the owner's account role: admins with an account.
        world.asAdmin().put(world.base() + "/employees/" + world.admin.id() + "/account",
                Map.of("role", "admin", "password", "a long password 1")).expect(200);
        Feed company = fetch(path(feed(world.admin, "company", false)));
        assertThat(company.uids()).hasSize(4);
        assertThat(company.summaries()).containsExactly("Eve Tester – time off", "Eve Tester – time off",
                "Pat Tester – time off", "Xavier Tester – time off");
        Feed holidays = fetch(path(feed(eve, "holidays", false)));
        assertThat(holidays.summaries()).containsExactly("Christmas Eve");
        assertThat(holidays.uids()).singleElement().asString().startsWith("holiday-");

        // Company B's admin never sees company A.
        World other = fixtures.newWorld();
        Person otherPerson = other.employee("Olga", null);
        UUID otherPolicy = other.timePolicy("vacation", Map.of());
        other.assign(otherPolicy, otherPerson, "2020-01-01", null);
        other.adjust(otherPerson, otherPolicy, 4800, "opening");
        other.approve(other.admin, other.submit(otherPerson, otherPolicy, "2027-03-01T09:00", "2027-03-01T17:00")
                .expectJson(201).path("id").asText());
        other.asAdmin().put(other.base() + "/employees/" + other.admin.id() + "/account",
                Map.of("role", "admin", "password", "a long password 1")).expect(200);
        Feed otherCompany = fetch(path(other.as(other.admin).post("/api/me/calendar-feeds",
                Map.of("scope", "company")).expectJson(201)));
        assertThat(otherCompany.summaries()).containsExactly("Olga Tester – time off");
        assertThat(otherCompany.ics()).doesNotContain("Eve Tester").doesNotContain("Xavier");
    }

    @Test
    void aFormerAdminsCompanyFeedStops() throws Exception {
        Person admin2 = world.employee("Ann", null);
        Person asAdmin = new Person(admin2.companyId(), admin2.id(), Role.ADMIN);
        world.asAdmin().put(world.base() + "/employees/" + admin2.id() + "/account",
                Map.of("role", "admin", "password", "a long password 1")).expect(200);
        JsonNode feed = world.as(asAdmin).post("/api/me/calendar-feeds", Map.of("scope", "company")).expectJson(201);
        assertThat(fetch(path(feed)).uids()).hasSize(4);
        world.asAdmin().put(world.base() + "/employees/" + admin2.id() + "/account",
                Map.of("role", "employee", "password", "a long password 1")).expect(200);
        http.get(path(feed)).expectError(404);
    }

    @Test
    void aFeedStopsWhenItsOwnersAccountIsDeactivated() throws Exception {
        world.asAdmin().put(world.base() + "/employees/" + pat.id() + "/account",
                Map.of("role", "employee", "password", "a long password 1")).expect(200);
        JsonNode feed = feed(pat, "team", false);
        assertThat(fetch(path(feed)).uids()).hasSize(3);
        world.asAdmin().post(world.base() + "/employees/" + pat.id() + "/account/deactivate", null).expect(200);
        http.get(path(feed)).expectError(404);
    }

    @Test
    void aFeedStopsWhenItsOwnersEmploymentHasEnded() throws Exception {
        JsonNode feed = feed(pat, "team", false);
        assertThat(fetch(path(feed)).uids()).hasSize(3);
        // a last day two days before today: access has ended in every time zone
        world.asAdmin().post(world.base() + "/employees/" + pat.id() + "/terminate",
                Map.of("termination_date", LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusDays(2).toString(),
                        "reason", "left")).expect(200);
        http.get(path(feed)).expectError(404);
    }

    @Test
    void theEtagFollowsTheDataSoRevalidationNeedsNoRenderingAndGzipIsTheSameFeed() throws Exception {
        JsonNode created = feed(eve, "team", false);
        Feed firstFeed = fetch(path(created));
        Http.Response first = firstFeed.response();
        String etag = first.header("ETag");
        // A list of tags, and the weak form, revalidate too; a 304 has no body.
        Http.Response notModified = http.header("If-None-Match", "\"other\", W/" + etag).get(path(created));
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.text()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(etag);

        // gzip for clients that ask: the same bytes once decompressed.
        var client = java.net.http.HttpClient.newHttpClient();
        var gz = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.baseUrl() + path(created)))
                .header("Accept-Encoding", "gzip, deflate").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(String.join(",", gz.headers().allValues("Vary"))).contains("Accept-Encoding");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            String unzipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(unzipped).isEqualTo(first.text());
            assertThat(uids(unzipped)).isEqualTo(firstFeed.uids());
            assertThat(summaries(unzipped)).isEqualTo(firstFeed.summaries());
        }
        assertThat(gz.body().length).isLessThan(first.text().length());
        assertThat(CalendarFeedController.acceptsGzip("gzip;q=0, br")).isFalse();
        assertThat(CalendarFeedController.acceptsGzip("br, GZIP;q=0.5")).isTrue();

        // A colleague's new approval changes the ETag: the old one gets the full, new body.
        String added = submitWithReason(pat, "2027-06-07T09:00", "2027-06-07T17:00", null);
        world.approve(manager, added);
        Feed changedFeed = fetch(path(created), etag);
        Http.Response changed = changedFeed.response();
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changedFeed.uids()).hasSize(firstFeed.uids().size() + 1).contains("request-" + added + "@power-pto");
        // A colleague renamed: the feed shows the new name (and the ETag changes again).
        world.asAdmin().put(world.base() + "/employees/" + pat.id(), Map.of("first_name", "Patricia", "last_name", "Tester",
                "email", "pat." + pat.id().toString().substring(0, 8) + "@example.test", "manager_id", manager.id().toString()))
                .expect(200);
        Feed renamed = fetch(path(created), changed.header("ETag"));
        assertThat(renamed.response().header("ETag")).isNotEqualTo(changed.header("ETag"));
        assertThat(renamed.summaries()).containsExactly("Eve Tester – time off", "Eve Tester – time off",
                "Patricia Tester – time off", "Patricia Tester – time off");
        assertThat(renamed.ics()).doesNotContain("Pat Tester");
    }
}
