package com.powerpto.request;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DurationCalculatorTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    static WorkSchedule schedule(ZoneId zone, int minutes, Set<LocalDate> holidays) {
        return new WorkSchedule(zone, WEEKDAYS, LocalTime.of(9, 0), minutes, holidays);
    }

    static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    long minutes(String from, String to, WorkSchedule schedule) {
        return DurationCalculator.workingMinutes(local(from, schedule.zone()), local(to, schedule.zone()), schedule);
    }

    @Test
    void aFullWorkWeekIsFiveDays() {
        WorkSchedule s = schedule(ZoneId.of("UTC"), 480, Set.of());
        assertThat(minutes("2026-03-02T00:00", "2026-03-07T00:00", s)).isEqualTo(5 * 480);
    }

    @Test
    void weekendsAndHolidaysCountNothing() {
        WorkSchedule s = schedule(ZoneId.of("UTC"), 480, Set.of(LocalDate.of(2026, 3, 4)));
        assertThat(minutes("2026-03-07T00:00", "2026-03-09T00:00", s)).isZero();
        assertThat(minutes("2026-03-02T00:00", "2026-03-07T00:00", s)).isEqualTo(4 * 480);
    }

    @Test
    void partialDaysCountTheirOverlapWithTheWindow() {
        WorkSchedule s = schedule(ZoneId.of("UTC"), 480, Set.of());
        assertThat(minutes("2026-03-02T13:00", "2026-03-02T15:30", s)).isEqualTo(150);
        assertThat(minutes("2026-03-02T07:00", "2026-03-02T10:00", s)).isEqualTo(60);
        assertThat(minutes("2026-03-02T16:00", "2026-03-03T10:00", s)).isEqualTo(120);
        assertThat(minutes("2026-03-02T18:00", "2026-03-03T08:00", s)).isZero();
    }

    @Test
    void sixHourDaysUseTheEmployeesWorkdayLength() {
        WorkSchedule s = schedule(ZoneId.of("UTC"), 360, Set.of());
        assertThat(minutes("2026-03-02T00:00", "2026-03-04T00:00", s)).isEqualTo(720);
        assertThat(minutes("2026-03-02T14:00", "2026-03-02T18:00", s)).isEqualTo(60);
    }

    @Test
    void springForwardAndFallBackStillGiveWholeDays() {
        WorkSchedule s = schedule(NEW_YORK, 480, Set.of());
        // US DST starts Sunday 2026-03-08 and ends Sunday 2026-11-01.
        assertThat(minutes("2026-03-06T00:00", "2026-03-10T00:00", s)).isEqualTo(2 * 480);
        assertThat(minutes("2026-10-30T00:00", "2026-11-03T00:00", s)).isEqualTo(2 * 480);
    }

    @Test
    void aWindowThatCrossesTheDstChangeIsRealElapsedTime() {
        // A 7-day week with a night shift from 22:00 for 8 hours: the window contains the change.
        WorkSchedule nights = new WorkSchedule(NEW_YORK, EnumSet.allOf(DayOfWeek.class), LocalTime.of(22, 0), 480, Set.of());
        assertThat(minutes("2026-03-07T22:00", "2026-03-08T07:00", nights)).isEqualTo(480);
        assertThat(minutes("2026-10-31T22:00", "2026-11-01T05:00", nights)).isEqualTo(480);
    }

    @Test
    void aWindowOpeningInsideTheDstGapOpensAfterIt() {
        WorkSchedule early = new WorkSchedule(NEW_YORK, EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30), 60, Set.of());
        // 02:30 does not exist on 2026-03-08: the window opens at 03:30 EDT.
        assertThat(minutes("2026-03-08T03:00", "2026-03-08T04:00", early)).isEqualTo(30);
    }

    @Test
    void aRequestEndingBeforeItStartsIsZero() {
        WorkSchedule s = schedule(ZoneId.of("UTC"), 480, Set.of());
        assertThat(minutes("2026-03-03T00:00", "2026-03-02T00:00", s)).isZero();
    }
}
