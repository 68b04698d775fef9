package com.powerpto.calendar;

import com.powerpto.employee.Employee;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * "Who's out" for every role, read-only: an employee sees their colleagues with the same manager
 * (and themselves), a manager their reports (and themselves), an admin everyone or one manager's
 * team. Names, days and whole-day-or-not only; never reasons, never another company.
 */
@Service
public class WhosOutService {

    /** A month grid is 42 days; a quarter is the most anyone needs at once. */
    static final int MAX_DAYS = 93;

    private final WhosOutRepository repository;
    private final CalendarFeedRepository feeds;
    private final Clock clock;

    public WhosOutService(WhosOutRepository repository, CalendarFeedRepository feeds, Clock clock) {
        this.repository = repository;
        this.feeds = feeds;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public WhosOut whosOut(Caller caller, UUID companyId, LocalDate fromDay, LocalDate toDay, UUID managerId) {
        caller.inCompany(companyId);
        if (managerId != null && !caller.isAdmin()) {
            throw ApiException.forbidden("only admins can choose whose team to see");
        }
        WhosOutRepository.Viewer viewer = repository.viewer(companyId, caller.userId())
                .orElseThrow(() -> ApiException.notFound("employee"));
        if (managerId != null && !repository.isEmployee(companyId, managerId)) {
            throw ApiException.invalid("manager_id", "is not an employee of this company");
        }
        LocalDate from = fromDay != null ? fromDay : LocalDate.now(clock);
        LocalDate to = toDay != null ? toDay : from.plusDays(6);
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.invalid("to", "at most " + MAX_DAYS + " days after from");
        }
        String scope;
        String who;
        CalendarFeedRepository.Pending pending;
        if (caller.isAdmin()) {
            scope = "company";
            who = managerId == null ? "COMPANY" : "TEAM_OF";
            pending = CalendarFeedRepository.Pending.ALL;
        } else if (caller.isManager()) {
            scope = "reports";
            who = "REPORTS";
            pending = CalendarFeedRepository.Pending.ALL;
        } else {
            scope = "team";
            who = "PEERS";
            pending = CalendarFeedRepository.Pending.OWN; // colleagues' requests show once approved; one's own also while pending
            managerId = viewer.managerId();
        }
        // Local days in any zone: widen by a day each side, then keep what touches [from, to] locally.
        var rows = feeds.absences(companyId, who, caller.userId(), managerId, pending,
                from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        boolean showPolicy = caller.isAdmin() || caller.isManager();
        List<WhosOut.Absence> items = new ArrayList<>();
        for (var row : rows) {
            WhosOut.Absence absence = absence(row, showPolicy);
            if (!absence.lastDay().isBefore(from) && !absence.firstDay().isAfter(to)) {
                items.add(absence);
            }
        }
        List<WhosOut.Holiday> holidays = feeds.holidaysOf(companyId, caller.userId(), from, to.plusDays(1)).stream()
                .map(h -> new WhosOut.Holiday(h.date(), h.name(), h.location(), h.halfDay())).toList();
        List<WhosOut.PersonHoliday> people = feeds.peopleHolidays(companyId, who, caller.userId(), managerId, from,
                        to.plusDays(1)).stream()
                .map(h -> new WhosOut.PersonHoliday(h.employeeId(), h.name(), h.date(), h.holiday(), h.location(), h.halfDay()))
                .toList();
        List<String> weekend = Employee.DAY_NAMES.stream().filter(d -> !viewer.workDays().contains(d)).toList();
        return new WhosOut(from, to, scope, weekend, items, holidays, people);
    }

    private static WhosOut.Absence absence(CalendarFeedRepository.Absence r, boolean showPolicy) {
        ZoneId zone = r.zone();
        ZonedDateTime start = r.startAt().atZone(zone);
        ZonedDateTime end = r.endAt().atZone(zone);
        // The end is exclusive: a request ending at midnight does not touch that day.
        LocalDate last = r.endAt().minusNanos(1).atZone(zone).toLocalDate();
        LocalDate first = start.toLocalDate();
        boolean allDay = IcsWriter.wholeWorkDays(start, end, r.workdayStart(), r.workdayMinutes());
        return new WhosOut.Absence(r.requestId(), r.employeeId(), r.name(), first, last.isBefore(first) ? first : last,
                r.startAt(), r.endAt(), r.status(), allDay, showPolicy ? r.policyId() : null);
    }
}
