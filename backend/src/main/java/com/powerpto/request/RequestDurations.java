package com.powerpto.request;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where a request's duration comes from, for a submit, a preview and a correction alike: the
 * employee's schedule with the holidays that apply to them (company-wide and their location's),
 * given to the one {@link DurationCalculator}.
 */
@Component
class RequestDurations {

    private final RequestRepository repository;

    RequestDurations(RequestRepository repository) {
        this.repository = repository;
    }

    /** A request's minutes and its days, as computed now. */
    record Duration(long minutes, WorkSchedule schedule, List<DurationCalculator.Day> days) {
    }

    Duration of(UUID companyId, EmployeeSchedule employee, Instant start, Instant end) {
        WorkSchedule schedule = schedule(companyId, employee, RequestTimes.firstDay(start, employee.zone()),
                RequestTimes.lastDay(end, employee.zone()));
        return new Duration(DurationCalculator.workingMinutes(start, end, schedule), schedule,
                DurationCalculator.breakdown(start, end, schedule));
    }

    /** The schedule over the request's local days (from the day before: a window may reach past midnight). */
    WorkSchedule schedule(UUID companyId, EmployeeSchedule employee, LocalDate firstDay, LocalDate lastDay) {
        return new WorkSchedule(employee.zone(), employee.workDays(), employee.workdayStart(), employee.workdayMinutes(),
                repository.holidays(companyId, employee.location(), firstDay.minusDays(1), lastDay));
    }
}
