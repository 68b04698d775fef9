package com.powerpto.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written RFC 5545 text, read back by two independent parsers (ical4j, biweekly). */
class IcsWriterTest {

    static final String AWKWARD = "Zoë-Anneliese von Müller-Lüdenscheidt, Jr.; \"the second\" \\ 🌴 of the long names department";

    @Test
    void escapesAndFoldsSoBothParsersReadTheSameValues() throws Exception {
        UUID allDay = UUID.randomUUID();
        UUID timed = UUID.randomUUID();
        UUID holiday = UUID.randomUUID();
        String ics = IcsWriter.write("Team, first; second", List.of(
                new CalendarFeedRepository.Absence(allDay, AWKWARD, Instant.parse("2027-03-01T08:00:00Z"),
                        Instant.parse("2027-03-02T16:00:00Z"), "APPROVED", "Europe/Berlin", LocalTime.of(9, 0), 480, 7, UUID.randomUUID(), null),
                new CalendarFeedRepository.Absence(timed, "Eve Tester", Instant.parse("2027-03-10T09:00:00Z"),
                        Instant.parse("2027-03-10T13:00:00Z"), "SUBMITTED", "UTC", LocalTime.of(9, 0), 480, 0, UUID.randomUUID(), null)),
                List.of(new CalendarFeedRepository.HolidayRow(holiday, LocalDate.of(2027, 12, 24), "Heiligabend, halber Tag")));

        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
        }
        assertThat(ics).endsWith("END:VCALENDAR\r\n").doesNotContain("\r\n\r\n");

        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        var events = parsed.getComponents(Component.VEVENT);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo(AWKWARD + " – time off");
        assertThat(events.get(0).getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270301");
        assertThat(events.get(0).getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20270303");
        assertThat(events.get(0).getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("7");
        assertThat(events.get(1).getProperty("STATUS").orElseThrow().getValue()).isEqualTo("TENTATIVE");
        assertThat(events.get(1).getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270310T090000Z");

        ICalendar second = Biweekly.parse(ics).first();
        assertThat(second.getExperimentalProperty("X-WR-CALNAME").getValue()).isEqualTo("Team\\, first\\; second");
        assertThat(second.getEvents()).hasSize(3);
        assertThat(second.getEvents().get(0).getSummary().getValue()).isEqualTo(AWKWARD + " – time off");
        assertThat(second.getEvents().get(0).getUid().getValue()).isEqualTo("request-" + allDay + "@power-pto");
        assertThat(second.getEvents().get(1).getSummary().getValue()).isEqualTo("Eve Tester – time off (pending)");
        assertThat(second.getEvents().get(2).getSummary().getValue()).isEqualTo("Heiligabend, halber Tag");
        assertThat(second.getEvents().get(2).getDateStart().getValue().hasTime()).isFalse();
    }

    @Test
    void theSameDataRendersTheSameBytes() {
        var rows = List.of(new CalendarFeedRepository.Absence(UUID.fromString("00000000-0000-4000-8000-000000000001"), "A B",
                Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-03-02T00:00:00Z"), "APPROVED", "UTC",
                LocalTime.of(9, 0), 480, 3, null, null));
        // Nothing from the wall clock: DTSTAMP is derived from the sequence (2020-01-01 + 3 s), so this
        // text is the same on every render, every instance and every day.
        String golden = String.join("\r\n",
                "BEGIN:VCALENDAR",
                "PRODID:-//Power PTO//Time off//EN",
                "VERSION:2.0",
                "CALSCALE:GREGORIAN",
                "X-WR-CALNAME:x",
                "BEGIN:VEVENT",
                "DTSTAMP:20200101T000003Z",
                "DTSTART;VALUE=DATE:20270301",
                "DTEND;VALUE=DATE:20270302",
                "SUMMARY:A B – time off",
                "UID:request-00000000-0000-4000-8000-000000000001@power-pto",
                "SEQUENCE:3",
                "STATUS:CONFIRMED",
                "END:VEVENT",
                "END:VCALENDAR", "");
        assertThat(IcsWriter.write("x", rows, List.of())).isEqualTo(golden);
        assertThat(IcsWriter.write("x", rows, List.of())).isEqualTo(IcsWriter.write("x", rows, List.of()));
    }

    @Test
    void foldingNeverSplitsACharacterWhateverWhereTheLineBreaks() throws Exception {
        // 2-, 4- and 2-octet characters at every offset around the 75-octet boundary.
        for (int k = 0; k <= 80; k++) {
            String name = "x".repeat(k) + "ü🌴é";
            String ics = IcsWriter.write("t", List.of(new CalendarFeedRepository.Absence(UUID.randomUUID(), name,
                    Instant.parse("2027-03-10T09:00:00Z"), Instant.parse("2027-03-10T13:00:00Z"), "APPROVED", "UTC",
                    LocalTime.of(9, 0), 480, 0, null, null)), List.of());
            for (String physical : ics.split("\r\n")) {
                assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as("k=%d: %s", k, physical)
                        .isLessThanOrEqualTo(75);
            }
            String summary = name + " – time off";
            Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
            List<net.fortuna.ical4j.model.component.CalendarComponent> events = parsed.getComponents(Component.VEVENT);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getProperty("SUMMARY").orElseThrow().getValue()).as("ical4j, k=%d", k).isEqualTo(summary);
            List<biweekly.component.VEvent> second = Biweekly.parse(ics).first().getEvents();
            assertThat(second).hasSize(1);
            assertThat(second.get(0).getSummary().getValue()).as("biweekly, k=%d", k).isEqualTo(summary);
        }
    }
}
