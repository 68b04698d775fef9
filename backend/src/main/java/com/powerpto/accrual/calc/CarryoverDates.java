package com.powerpto.accrual.calc;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * When carryover happens. A reset date closes the "carryover year" that began on the previous
 * reset date: {@code [previous, reset)}. Fixed dates (1 January by default, or a fiscal date such
 * as 1 April) reset every employee on the same day; {@code HIRE_ANNIVERSARY} resets each employee
 * on the anniversary of their anchor date (hire date, else assignment start), the first one a
 * year after it. An anchor on 29 February has its anniversary on 28 February in common years
 * ({@link LocalDate#plusYears}). Every rule has exactly one reset date per calendar year, so the
 * reset date's year identifies a carryover.
 */
public final class CarryoverDates {

    private CarryoverDates() {
    }

    /** The reset rule of a policy version: a fixed month/day, or the anchor's anniversary. */
    public record Rule(boolean hireAnniversary, MonthDay fixed) {

        public static final Rule JANUARY_FIRST = new Rule(false, MonthDay.of(1, 1));

        /** From the settings' fields (null month/day = 1 January). */
        public static Rule of(String resetOn, Integer month, Integer day) {
            if ("HIRE_ANNIVERSARY".equals(resetOn)) {
                return new Rule(true, null);
            }
            return month == null || day == null ? JANUARY_FIRST : new Rule(false, MonthDay.of(month, day));
        }
    }

    /** Whether {@code day} is a reset date of the rule for an employee with this anchor (may be null). */
    public static boolean isResetDate(LocalDate day, Rule rule, LocalDate anchor) {
        if (!rule.hireAnniversary()) {
            return MonthDay.from(day).equals(rule.fixed());
        }
        if (anchor == null || !day.isAfter(anchor)) {
            return false;
        }
        int years = day.getYear() - anchor.getYear();
        return anchor.plusYears(years).equals(day);
    }

    /** The reset date before {@code reset}: where the carryover year that {@code reset} closes began. */
    public static LocalDate previousResetDate(LocalDate reset, Rule rule, LocalDate anchor) {
        if (!rule.hireAnniversary()) {
            return rule.fixed().atYear(reset.getYear() - 1);
        }
        int years = reset.getYear() - anchor.getYear();
        return anchor.plusYears(years - 1);
    }

    /** The first reset date strictly after {@code day} (for a forecast); null for an anniversary without anchor. */
    public static LocalDate nextResetDate(LocalDate day, Rule rule, LocalDate anchor) {
        if (!rule.hireAnniversary()) {
            LocalDate candidate = rule.fixed().atYear(day.getYear());
            return candidate.isAfter(day) ? candidate : rule.fixed().atYear(day.getYear() + 1);
        }
        if (anchor == null) {
            return null;
        }
        for (int year = Math.max(day.getYear(), anchor.getYear() + 1); ; year++) {
            LocalDate candidate = anchor.plusYears(year - anchor.getYear());
            if (candidate.isAfter(day) && candidate.isAfter(anchor)) {
                return candidate;
            }
        }
    }
}
