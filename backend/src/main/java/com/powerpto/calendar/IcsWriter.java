package com.powerpto.calendar;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Renders a feed as iCalendar (RFC 5545) with ical4j. Events carry names and dates only. UIDs are
 * the request / holiday ids, SEQUENCE grows with each change of a request, and DTSTAMP is the last
 * change, so the same data always renders the same bytes (the ETag) and clients update in place.
 */
final class IcsWriter {

    /** Bumped when the rendering changes, so ETags computed from the data alone change with it. */
    static final String FORMAT = "ics-1";
    private static final Instant EPOCH_STAMP = Instant.parse("2020-01-01T00:00:00Z");

    private IcsWriter() {
    }

    static String write(String title, List<CalendarFeedRepository.Absence> absences,
                        List<CalendarFeedRepository.HolidayRow> holidays) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Power PTO//Time off//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", title));
        for (CalendarFeedRepository.Absence a : absences) {
            calendar.add(event(a));
        }
        for (CalendarFeedRepository.HolidayRow h : holidays) {
            VEvent event = new VEvent(h.date(), h.date().plusDays(1), h.name());
            event.replace(new DtStamp(EPOCH_STAMP));
            event.add(new Uid("holiday-" + h.id() + "@power-pto"));
            event.add(new Transp("TRANSPARENT"));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(CalendarFeedRepository.Absence a) {
        String summary = a.name() + " – time off" + ("SUBMITTED".equals(a.status()) ? " (pending)" : "");
        ZoneId zone = zone(a.timezone());
        ZonedDateTime start = a.startAt().atZone(zone);
        ZonedDateTime end = a.endAt().atZone(zone);
        VEvent event = wholeWorkDays(start, end, a.workdayStart(), a.workdayMinutes())
                ? new VEvent(start.toLocalDate(), endDate(end), summary)
                : new VEvent(a.startAt(), a.endAt(), summary);
        event.replace(new DtStamp(EPOCH_STAMP.plusSeconds(a.sequence())));
        event.add(new Uid("request-" + a.requestId() + "@power-pto"));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, a.sequence())));
        event.add("SUBMITTED".equals(a.status()) ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
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

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
