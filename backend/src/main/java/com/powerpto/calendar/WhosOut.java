package com.powerpto.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who is out between two days, as the caller may see it: names, days and whether it is a whole
 * day, never reasons. {@code scope}: {@code team} (an employee's colleagues with the same manager),
 * {@code reports} (a manager's reports), {@code company} (an admin, optionally one manager's team).
 * {@code holidays}: the viewer's own (the company's and their location's); {@code peopleHolidays}:
 * each person in view on their location's holidays, so a calendar can shade each person's own.
 */
public record WhosOut(LocalDate from, LocalDate to, String scope, List<String> weekendDays, List<Absence> items,
                      List<Holiday> holidays, List<PersonHoliday> peopleHolidays) {

    /**
     * One absence; {@code firstDay}/{@code lastDay} are the employee's local days it touches.
     * {@code policyId} only for managers and admins, who already see the requests themselves.
     */
    public record Absence(UUID requestId, UUID employeeId, String name, LocalDate firstDay, LocalDate lastDay,
                          Instant startAt, Instant endAt, String status, boolean allDay,
                          @JsonInclude(JsonInclude.Include.NON_NULL) UUID policyId) {
    }

    /**
     * A holiday of the viewer: the company-wide ones and their own location's (issue 28 added
     * {@code location}, null = company-wide, and {@code halfDay}).
     */
    public record Holiday(LocalDate date, String name, String location, boolean halfDay) {
    }

    /** Issue 28: a person in view who is off for their location's holiday (located holidays only). */
    public record PersonHoliday(UUID employeeId, String name, LocalDate date, String holiday, String location,
                                boolean halfDay) {
    }
}
