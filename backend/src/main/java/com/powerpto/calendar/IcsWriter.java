package com.powerpto.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a feed as iCalendar text (RFC 5545): CRLF lines folded at 75 octets, TEXT values escaped.
 * Events carry names and dates only. UIDs are the request / holiday ids, SEQUENCE grows with each
 * change of a request, and DTSTAMP is the last change, so the same data always renders the same
 * bytes and clients update in place. Written straight into one buffer (a 2,000-event company feed
 * in a few milliseconds; the ical4j object model took 20–90 ms and most of the garbage): ical4j and
 * biweekly parse every feed the tests fetch.
 */
final class IcsWriter {

    /** Bumped when the rendering changes, so ETags computed from the data alone change with it. */
    static final String FORMAT = "ics-2";
    private static final Instant EPOCH_STAMP = Instant.parse("2020-01-01T00:00:00Z");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private IcsWriter() {
    }

    static String write(String title, List<CalendarFeedRepository.Absence> absences,
                        List<CalendarFeedRepository.HolidayRow> holidays) {
        StringBuilder out = new StringBuilder(256 + 240 * (absences.size() + holidays.size()));
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//Power PTO//Time off//EN");
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text(title));
        for (CalendarFeedRepository.Absence a : absences) {
            event(out, a);
        }
        for (CalendarFeedRepository.HolidayRow h : holidays) {
            line(out, "BEGIN:VEVENT");
            line(out, "DTSTAMP:" + UTC.format(EPOCH_STAMP));
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(h.date()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(h.date().plusDays(1)));
            line(out, "SUMMARY:" + text(h.name() + (h.halfDay() ? " (half day)" : "")));
            line(out, "UID:holiday-" + h.id() + "@power-pto");
            if (h.location() != null) {
                line(out, "LOCATION:" + text(h.location()));
            }
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void event(StringBuilder out, CalendarFeedRepository.Absence a) {
        boolean pending = "SUBMITTED".equals(a.status());
        ZoneId zone = a.zone();
        ZonedDateTime start = a.startAt().atZone(zone);
        ZonedDateTime end = a.endAt().atZone(zone);
        line(out, "BEGIN:VEVENT");
        line(out, "DTSTAMP:" + UTC.format(EPOCH_STAMP.plusSeconds(a.sequence())));
        if (wholeWorkDays(start, end, a.workdayStart(), a.workdayMinutes())) {
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(start.toLocalDate()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(endDate(end)));
        } else {
            line(out, "DTSTART:" + UTC.format(a.startAt()));
            line(out, "DTEND:" + UTC.format(a.endAt()));
        }
        line(out, "SUMMARY:" + text(a.name() + " – time off" + (pending ? " (pending)" : "")));
        line(out, "UID:request-" + a.requestId() + "@power-pto");
        line(out, "SEQUENCE:" + Math.min(Integer.MAX_VALUE, a.sequence()));
        line(out, pending ? "STATUS:TENTATIVE" : "STATUS:CONFIRMED");
        line(out, "END:VEVENT");
    }

    /** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
    static String text(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escaped = switch (c) {
                case '\\' -> "\\\\";
                case ';' -> "\\;";
                case ',' -> "\\,";
                case '\n' -> "\\n";
                case '\r' -> "";
                default -> null;
            };
            if (escaped != null && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    /** One content line, folded (CRLF + space) so no physical line exceeds 75 octets of UTF-8. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1; // the folding space
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    /** Whole work days: starts at or before the workday's start and ends at or after its end (or at midnight). */
    static boolean wholeWorkDays(ZonedDateTime start, ZonedDateTime end, LocalTime workdayStart, int workdayMinutes) {
        LocalTime workdayEnd = workdayStart.plusMinutes(workdayMinutes);
        boolean endsAfterWork = end.toLocalTime().equals(LocalTime.MIDNIGHT)
                || (workdayMinutes < 1440 && workdayEnd.isAfter(workdayStart) && !end.toLocalTime().isBefore(workdayEnd));
        return !start.toLocalTime().isAfter(workdayStart) && endsAfterWork;
    }

    /** DTEND of an all-day event is exclusive: the day after the last day off. */
    private static LocalDate endDate(ZonedDateTime end) {
        return end.toLocalTime().equals(LocalTime.MIDNIGHT) ? end.toLocalDate() : end.toLocalDate().plusDays(1);
    }
}
