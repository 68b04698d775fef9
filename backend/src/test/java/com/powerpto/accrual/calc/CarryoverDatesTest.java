package com.powerpto.accrual.calc;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reset dates by hand, then exhaustively over years of days and anchors. */
class CarryoverDatesTest {

    static final CarryoverDates.Rule JAN = CarryoverDates.Rule.of(null, null, null);
    static final CarryoverDates.Rule FISCAL = CarryoverDates.Rule.of("FIXED_DATE", 4, 1);
    static final CarryoverDates.Rule ANNIVERSARY = CarryoverDates.Rule.of("HIRE_ANNIVERSARY", null, null);

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void byHand() {
        assertThat(JAN).isEqualTo(CarryoverDates.Rule.JANUARY_FIRST);
        assertThat(CarryoverDates.isResetDate(d("2027-01-01"), JAN, null)).isTrue();
        assertThat(CarryoverDates.isResetDate(d("2027-04-01"), JAN, null)).isFalse();
        assertThat(CarryoverDates.isResetDate(d("2027-04-01"), FISCAL, null)).isTrue();
        assertThat(CarryoverDates.previousResetDate(d("2027-04-01"), FISCAL, null)).isEqualTo(d("2026-04-01"));
        assertThat(CarryoverDates.nextResetDate(d("2027-03-31"), FISCAL, null)).isEqualTo(d("2027-04-01"));
        assertThat(CarryoverDates.nextResetDate(d("2027-04-01"), FISCAL, null)).isEqualTo(d("2028-04-01"));
        // hired 15 March 2019: resets on every 15 March from 2020, never on the hire date itself
        LocalDate hired = d("2019-03-15");
        assertThat(CarryoverDates.isResetDate(d("2019-03-15"), ANNIVERSARY, hired)).isFalse();
        assertThat(CarryoverDates.isResetDate(d("2020-03-15"), ANNIVERSARY, hired)).isTrue();
        assertThat(CarryoverDates.isResetDate(d("2027-03-15"), ANNIVERSARY, hired)).isTrue();
        assertThat(CarryoverDates.isResetDate(d("2027-03-16"), ANNIVERSARY, hired)).isFalse();
        assertThat(CarryoverDates.previousResetDate(d("2027-03-15"), ANNIVERSARY, hired)).isEqualTo(d("2026-03-15"));
        assertThat(CarryoverDates.nextResetDate(d("2019-01-01"), ANNIVERSARY, hired)).isEqualTo(d("2020-03-15"));
        // hired on 29 February: 28 February in common years, 29 in leap years
        LocalDate leap = d("2020-02-29");
        assertThat(CarryoverDates.isResetDate(d("2021-02-28"), ANNIVERSARY, leap)).isTrue();
        assertThat(CarryoverDates.isResetDate(d("2024-02-28"), ANNIVERSARY, leap)).isFalse();
        assertThat(CarryoverDates.isResetDate(d("2024-02-29"), ANNIVERSARY, leap)).isTrue();
        assertThat(CarryoverDates.previousResetDate(d("2024-02-29"), ANNIVERSARY, leap)).isEqualTo(d("2023-02-28"));
        // no anchor, no anniversary
        assertThat(CarryoverDates.isResetDate(d("2027-03-15"), ANNIVERSARY, null)).isFalse();
        assertThat(CarryoverDates.nextResetDate(d("2027-03-15"), ANNIVERSARY, null)).isNull();
    }

    @Test
    void everyFixedRuleResetsOncePerYearAndItsWindowsTileTheCalendar() {
        for (int month = 1; month <= 12; month++) {
            for (int day = 1; day <= java.time.Month.of(month).minLength(); day++) {
                CarryoverDates.Rule rule = CarryoverDates.Rule.of(null, month, day);
                List<LocalDate> resets = resets(rule, null, d("2024-01-01"), d("2030-12-31"));
                assertThat(resets).hasSize(7);
                for (LocalDate reset : resets) {
                    assertThat(MonthDay.from(reset)).isEqualTo(MonthDay.of(month, day));
                    assertThat(CarryoverDates.previousResetDate(reset, rule, null)).isEqualTo(reset.minusYears(1));
                }
                checkNext(rule, null, resets, d("2024-01-01"), d("2029-12-31"));
            }
        }
    }

    @Test
    void everyAnchorResetsOncePerYearAfterItsYearOnItsAnniversary() {
        for (LocalDate anchor = d("2019-01-01"); anchor.isBefore(d("2021-01-01")); anchor = anchor.plusDays(1)) {
            List<LocalDate> resets = resets(ANNIVERSARY, anchor, d("2018-01-01"), d("2027-12-31"));
            assertThat(resets).as("anchor " + anchor).hasSize(2027 - anchor.getYear());
            LocalDate previous = anchor;
            for (LocalDate reset : resets) {
                assertThat(reset.getYear()).isEqualTo(previous.getYear() + 1);
                assertThat(CarryoverDates.previousResetDate(reset, ANNIVERSARY, anchor)).isEqualTo(previous);
                previous = reset;
            }
            checkNext(ANNIVERSARY, anchor, resets, d("2018-01-01"), d("2026-12-31"));
        }
    }

    private static List<LocalDate> resets(CarryoverDates.Rule rule, LocalDate anchor, LocalDate from, LocalDate to) {
        List<LocalDate> resets = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (CarryoverDates.isResetDate(day, rule, anchor)) {
                resets.add(day);
            }
        }
        return resets;
    }

    /** nextResetDate(day) is the first reset strictly after day. */
    private static void checkNext(CarryoverDates.Rule rule, LocalDate anchor, List<LocalDate> resets, LocalDate from,
                                  LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(7)) {
            LocalDate expected = null;
            for (LocalDate reset : resets) {
                if (reset.isAfter(day)) {
                    expected = reset;
                    break;
                }
            }
            if (expected != null) {
                assertThat(CarryoverDates.nextResetDate(day, rule, anchor)).as("after " + day).isEqualTo(expected);
            }
        }
    }
}
