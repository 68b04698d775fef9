package com.powerpto.request;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DurationCalculatorProperties {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] ZONES = {"UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata",
            "Australia/Lord_Howe", "Pacific/Auckland", "America/Sao_Paulo"};

    record Case(WorkSchedule schedule, Instant start, Instant end, Instant split) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<WorkSchedule> schedules = Combinators.combine(
                Arbitraries.of(ZONES).map(ZoneId::of),
                Arbitraries.subsetOf(DayOfWeek.values()).ofMinSize(1).map(s -> (Set<DayOfWeek>) EnumSet.copyOf(s)),
                Arbitraries.integers().between(0, 23 * 4).map(q -> LocalTime.of(q / 4, (q % 4) * 15)),
                Arbitraries.integers().between(60, 1440),
                Arbitraries.integers().between(0, 364).set().ofMaxSize(20)
        ).as((zone, days, start, minutes, holidayOffsets) -> {
            Set<LocalDate> holidays = new HashSet<>();
            holidayOffsets.forEach(o -> holidays.add(LocalDate.of(2026, 1, 1).plusDays(o)));
            return new WorkSchedule(zone, days, start, minutes, holidays);
        });
        Arbitrary<Long> offsets = Arbitraries.longs().between(0, 366L * 24 * 60);
        return Combinators.combine(schedules, offsets, offsets, offsets).as((schedule, a, b, c) -> {
            long[] sorted = java.util.stream.LongStream.of(a, b, c).sorted().toArray();
            return new Case(schedule, BASE.plus(Duration.ofMinutes(sorted[0])), BASE.plus(Duration.ofMinutes(sorted[2])),
                    BASE.plus(Duration.ofMinutes(sorted[1])));
        });
    }

    @Property(tries = 300)
    void splittingARequestAnywhereKeepsTheTotal(@ForAll("cases") Case c) {
        long whole = DurationCalculator.workingMinutes(c.start(), c.end(), c.schedule());
        long parts = DurationCalculator.workingMinutes(c.start(), c.split(), c.schedule())
                + DurationCalculator.workingMinutes(c.split(), c.end(), c.schedule());
        assertThat(parts).isEqualTo(whole);
    }

    @Property(tries = 300)
    void neverMoreThanAWorkdayPerWorkDay(@ForAll("cases") Case c) {
        WorkSchedule s = c.schedule();
        long whole = DurationCalculator.workingMinutes(c.start(), c.end(), s);
        long workDays = 0;
        for (LocalDate d = c.start().atZone(s.zone()).toLocalDate().minusDays(1);
             !d.isAfter(c.end().atZone(s.zone()).toLocalDate()); d = d.plusDays(1)) {
            if (s.isWorkDay(d)) {
                workDays++;
            }
        }
        assertThat(whole).isBetween(0L, workDays * s.workdayMinutes());
        assertThat(whole).isLessThanOrEqualTo(Duration.between(c.start(), c.end()).toMinutes());
    }

    @Property(tries = 200)
    void aLongerRequestNeverCountsLess(@ForAll("cases") Case c) {
        assertThat(DurationCalculator.workingMinutes(c.start(), c.end(), c.schedule()))
                .isGreaterThanOrEqualTo(DurationCalculator.workingMinutes(c.start(), c.split(), c.schedule()));
    }

    @Property(tries = 300)
    void theBreakdownAddsUpToTheTotalAndNamesEachDayOnce(@ForAll("cases") Case c) {
        WorkSchedule s = c.schedule();
        var days = DurationCalculator.breakdown(c.start(), c.end(), s);
        assertThat(days.stream().mapToLong(DurationCalculator.Day::minutes).sum())
                .isEqualTo(DurationCalculator.workingMinutes(c.start(), c.end(), s));
        assertThat(days.stream().map(DurationCalculator.Day::date).distinct().count()).isEqualTo(days.size());
        for (DurationCalculator.Day day : days) {
            assertThat(day.minutes()).isBetween(0L, (long) s.workdayMinutes());
            if (!s.isWorkDay(day.date())) {
                assertThat(day.minutes()).isZero();
                assertThat(day.reason()).isIn(DurationCalculator.DayReason.WEEKEND, DurationCalculator.DayReason.HOLIDAY,
                        DurationCalculator.DayReason.NON_WORKDAY);
            }
        }
    }
}
