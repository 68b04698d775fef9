package com.powerpto.accrual.timeline;

import com.powerpto.accrual.calc.CarryoverDates;
import com.powerpto.accrual.calc.Frequency;
import com.powerpto.accrual.calc.Proration;
import com.powerpto.accrual.calc.TenureTier;
import com.powerpto.accrual.calc.TimeAccrualRule;
import com.powerpto.accrual.calc.Timing;
import com.powerpto.accrual.timeline.BalanceInputs.Adjustment;
import com.powerpto.accrual.timeline.BalanceInputs.Employment;
import com.powerpto.accrual.timeline.BalanceInputs.Leave;
import com.powerpto.accrual.timeline.BalanceInputs.PayrollRun;
import com.powerpto.accrual.timeline.BalanceInputs.Schedule;
import com.powerpto.accrual.timeline.BalanceInputs.Span;
import com.powerpto.accrual.timeline.BalanceInputs.Version;
import com.powerpto.accrual.timeline.TimelineEvent.Kind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure timeline, figure by figure (hand-computed in each test's comment). */
class TimelineTest {

    static final UUID V = UUID.randomUUID();

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static TimeAccrualRule monthly(long rate, Timing timing, Proration proration, List<TenureTier> tiers) {
        return new TimeAccrualRule(Frequency.MONTHLY, timing, rate, proration, tiers);
    }

    static PolicyRules time(TimeAccrualRule rule) {
        return new PolicyRules(rule, null, null, null, false, null, null, null);
    }

    static PolicyRules hours() {
        return new PolicyRules(null, new PolicyRules.HoursRatio(2, 60, List.of()), null, null, false, null, null, null);
    }

    static PolicyRules.Carryover carry(Long cap, Integer expiresAfterDays, CarryoverDates.Rule reset) {
        return new PolicyRules.Carryover(true, cap, expiresAfterDays, reset);
    }

    static PolicyRules with(PolicyRules r, Long bankCap, PolicyRules.Carryover carryover, PolicyRules.PartTime partTime) {
        return new PolicyRules(r.time(), r.hours(), bankCap, r.floorMinutes(), r.negativeWithoutLimit(),
                carryover == null ? r.carryover() : carryover, r.expiration(), partTime == null ? r.partTime() : partTime);
    }

    /** A balance under construction. */
    static final class B {
        List<Employment> employments = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<Version> versions = new ArrayList<>();
        List<Schedule> schedules = new ArrayList<>();
        List<Leave> leave = new ArrayList<>();
        List<Adjustment> adjustments = new ArrayList<>();
        List<PayrollRun> payroll = new ArrayList<>();
        LocalDate opening;

        B rules(PolicyRules rules) {
            versions.add(new Version(V, d("2000-01-01"), null, rules));
            return this;
        }

        B span(String from, String to) {
            spans.add(new Span(d(from), to == null ? null : d(to)));
            return this;
        }

        B employment(String hire, String last) {
            employments.add(new Employment(hire == null ? null : d(hire), last == null ? null : d(last)));
            return this;
        }

        B adjust(String date, long minutes) {
            adjustments.add(new Adjustment(d(date), minutes));
            return this;
        }

        /** Approved leave of whole days booked on {@code booked}. */
        B used(String booked, long perDay, String... days) {
            TreeMap<LocalDate, Long> split = new TreeMap<>();
            for (String day : days) {
                split.put(d(day), perDay);
            }
            leave.add(new Leave(UUID.randomUUID(), d(booked), split, perDay * days.length, 0));
            return this;
        }

        BalanceInputs inputs() {
            return new BalanceInputs(employments, spans, versions, schedules, leave, adjustments, payroll, opening);
        }

        List<TimelineEvent> events(String through) {
            return Timeline.compute(inputs(), d(through));
        }

        /** Available on {@code through}: every input plus the events up to it. */
        long available(String through) {
            long sum = adjustments.stream().mapToLong(Adjustment::minutes).sum();
            sum -= leave.stream().mapToLong(l -> l.usedMinutes() + l.heldMinutes()).sum();
            return sum + Timeline.sum(events(through), d(through));
        }
    }

    static long sum(List<TimelineEvent> events, Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).mapToLong(TimelineEvent::amount).sum();
    }

    @Test
    void noCarryoverAfterTheEmploymentEnded() {
        // 800 on the 1st from 1 Jan, last day 30 Nov, fiscal reset 1 Dec with cap 2,400: 11 × 800 and nothing forfeited.
        B b = new B().rules(with(time(monthly(800, Timing.START_OF_PERIOD, Proration.NONE, List.of())), null,
                carry(2400L, null, CarryoverDates.Rule.of(null, 12, 1)), null))
                .employment("2025-06-01", "2026-11-30").span("2026-01-01", "2026-12-01");
        List<TimelineEvent> events = b.events("2027-01-31");
        assertThat(sum(events, Kind.GRANT)).isEqualTo(8800);
        assertThat(events).noneMatch(e -> e.kind() == Kind.CARRYOVER && e.date().equals(d("2026-12-01")));
    }

    @Test
    void tenureCountsPerEmployment() {
        // Tier 1,000 from 12 months. First employment 2024-01..2025-04: 12 × 800 + 4 × 1,000; second from 2026: 800s.
        B b = new B().rules(time(monthly(800, Timing.START_OF_PERIOD, Proration.NONE,
                        List.of(new TenureTier(12, 1000)))))
                .employment("2024-01-01", "2025-04-30").employment("2026-01-01", null)
                .span("2024-01-01", "2025-05-01").span("2026-01-01", null);
        assertThat(sum(b.events("2026-03-15"), Kind.GRANT)).isEqualTo(9600 + 4000 + 2400);
    }

    @Test
    void anOpeningBalanceReplacesTheGrantsUpToItsDate() {
        B b = new B().rules(time(monthly(800, Timing.START_OF_PERIOD, Proration.NONE, List.of())))
                .span("2025-06-01", null).adjust("2026-11-30", 2400);
        b.opening = d("2026-11-30");
        assertThat(b.available("2026-12-03")).isEqualTo(3200);
    }

    @Test
    void carryoverNeverCrossesTheFloorWithLeaveBookedForTheNewYear() {
        // 2,880 banked, cap 2,240: 640 excess; 2,880 of January leave booked in December → nothing forfeited.
        B b = new B().rules(with(hours(), null, carry(2240L, null, null), null)).span("2026-01-01", null)
                .adjust("2026-06-01", 2880)
                .used("2026-12-10", 480, "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08", "2027-01-11");
        assertThat(sum(b.events("2027-01-01"), Kind.CARRYOVER)).isZero();
        assertThat(b.available("2027-01-01")).isZero();
    }

    @Test
    void leaveBookedAfterTheResetDoesNotShelterMinutes() {
        // The same leave booked on 5 Jan (after the reset): 640 is forfeited at the reset.
        B b = new B().rules(with(hours(), null, carry(2240L, null, null), null)).span("2026-01-01", null)
                .adjust("2026-06-01", 2880).used("2027-01-05", 480, "2027-01-06");
        assertThat(sum(b.events("2027-01-01"), Kind.CARRYOVER)).isEqualTo(-640);
    }

    @Test
    void usageOnTheResetDayBelongsToTheNewYear() {
        // 3,000 banked, cap 2,400, 480 used on the reset day (local): 600 forfeited, 1,920 left.
        B b = new B().rules(with(hours(), null, carry(2400L, null, CarryoverDates.Rule.of(null, 12, 1)), null))
                .span("2026-01-01", null).adjust("2026-06-01", 3000).used("2026-11-20", 480, "2026-12-01");
        assertThat(sum(b.events("2026-12-01"), Kind.CARRYOVER)).isEqualTo(-600);
        assertThat(b.available("2026-12-01")).isEqualTo(1920);
    }

    @Test
    void carriedMinutesExpireByTheUsageBeforeTheirExpiryOnly() {
        // Carried 2,400 expire at the start of 31 Jan; the 8 Feb day is paid from the January +1,000.
        B b = new B().rules(with(hours(), null, carry(2400L, 30, null), null)).span("2026-01-01", null)
                .adjust("2026-06-01", 3000).adjust("2027-01-15", 1000).used("2027-01-20", 480, "2027-02-08");
        List<TimelineEvent> events = b.events("2027-01-31");
        assertThat(sum(events, Kind.CARRIED_EXPIRY)).isEqualTo(-2400);
        assertThat(b.available("2027-01-31")).isEqualTo(520);
        // Usage inside the window draws from the carried minutes first: a day on 12 Jan saves 480 of them.
        b.used("2027-01-02", 480, "2027-01-12");
        assertThat(sum(b.events("2027-01-31"), Kind.CARRIED_EXPIRY)).isEqualTo(-1920);
    }

    @Test
    void leaveDatedAfterAGrantDoesNotMakeRoomUnderTheCap() {
        // Cap 2,400 reached by 1 Dec; a day off in March does not free room on 1 Jan; one in December does.
        B b = new B().rules(with(time(monthly(800, Timing.START_OF_PERIOD, Proration.NONE, List.of())), 2400L, null, null))
                .span("2026-10-01", null).used("2026-12-03", 480, "2027-03-08");
        List<TimelineEvent> events = b.events("2027-01-01");
        assertThat(sum(events, Kind.GRANT)).isEqualTo(2400);
        assertThat(b.available("2027-01-01")).isEqualTo(1920);
        b.used("2026-12-03", 480, "2026-12-21");
        assertThat(sum(b.events("2027-01-01"), Kind.GRANT)).isEqualTo(2400 + 480);
    }

    @Test
    void aLateDayOffBeforeACappedGrantMakesItTheHeadroom() {
        // The spec's example: cap 1,000 reached in 2021; a day off on 2022-06-06 entered in 2026 → 2023-01-01 grants 480.
        B b = new B().rules(with(time(new TimeAccrualRule(Frequency.YEARLY, Timing.START_OF_PERIOD, 1000, Proration.NONE,
                        List.of())), 1000L, null, null)).span("2021-01-01", null);
        assertThat(b.events("2023-12-31")).extracting(TimelineEvent::amount).containsExactly(1000L, 0L, 0L);
        b.used("2026-03-01", 480, "2022-06-06");
        assertThat(b.events("2023-12-31")).extracting(e -> e.date() + " " + e.amount())
                .containsExactly("2021-01-01 1000", "2022-01-01 0", "2023-01-01 480");
    }

    @Test
    void hoursWorkedAreNotProratedAndAReSentRunReplacesItsHours() {
        B b = new B().rules(hours()).employment("2026-03-09", null).span("2026-03-09", null);
        b.payroll.add(new PayrollRun("r1", d("2026-03-02"), d("2026-03-15"), 2400, 1));
        assertThat(sum(b.events("2026-03-31"), Kind.PAYROLL)).isEqualTo(80);
        b.payroll.set(0, new PayrollRun("r1", d("2026-03-02"), d("2026-03-15"), 3000, 1));
        assertThat(sum(b.events("2026-03-31"), Kind.PAYROLL)).isEqualTo(100);
    }

    @Test
    void partTimeScalesByTheWeekInForceOnThePostingDate() {
        // 1,200 a month × 1,800 ÷ 2,400 = 900 in April and May; 5 × 480 from 1 June: 1,200.
        B b = new B().rules(with(time(monthly(1200, Timing.START_OF_PERIOD, Proration.NONE, List.of())), null, null,
                new PolicyRules.PartTime(true, 2400))).span("2026-04-01", null);
        b.schedules.add(new Schedule(d("2026-01-01"), 1800));
        b.schedules.add(new Schedule(d("2026-06-01"), 2400));
        assertThat(b.events("2026-06-10")).extracting(TimelineEvent::amount).containsExactly(900L, 900L, 1200L);
    }

    @Test
    void aBulkAssignmentBeforeTheHireDateAccruesFromIt() {
        B b = new B().rules(time(monthly(800, Timing.START_OF_PERIOD, Proration.NONE, List.of())))
                .employment("2026-03-15", null).span("2026-01-01", null);
        assertThat(b.events("2026-06-10")).extracting(e -> e.date().toString())
                .containsExactly("2026-03-15", "2026-04-01", "2026-05-01", "2026-06-01");
    }

    @Test
    void theLastPartialPeriodIsDueOnTheLastDay() {
        B b = new B().rules(time(monthly(800, Timing.END_OF_PERIOD, Proration.DAYS_ACTIVE, List.of())))
                .employment(null, "2026-12-15").span("2026-01-01", null);
        List<TimelineEvent> events = b.events("2026-12-15");
        assertThat(events.get(events.size() - 1).date()).isEqualTo(d("2026-12-15"));
        assertThat(events.get(events.size() - 1).amount()).isEqualTo(800 * 15 / 31);
        assertThat(sum(events, Kind.GRANT)).isEqualTo(8800 + 387);
    }

    @Test
    void aFixedExpiryTakesThePositiveAvailableNotBookedLeave() {
        // 1,000 on 31 Mar expires, except the 480 booked in March for April.
        PolicyRules rules = new PolicyRules(null, new PolicyRules.HoursRatio(1, 60, List.of()), null, null, false, null,
                new PolicyRules.Expiration(true, null, MonthDay.of(3, 31)), null);
        B b = new B().rules(rules).span("2026-01-01", null).adjust("2026-02-01", 1000).used("2026-03-10", 480, "2026-04-06");
        assertThat(sum(b.events("2026-03-31"), Kind.EXPIRY_ON_DATE)).isEqualTo(-520);
        assertThat(b.available("2026-04-30")).isZero();
    }

    @Test
    void eventsCarryTheirRuleAndFigures() {
        B b = new B().rules(time(monthly(800, Timing.START_OF_PERIOD, Proration.DAYS_ACTIVE, List.of())))
                .span("2026-09-16", null);
        TimelineEvent first = b.events("2026-09-30").get(0);
        assertThat(first.amount()).isEqualTo(400);
        assertThat(first.cause()).containsAllEntriesOf(Map.of("job", "time_accrual", "active_days", 15L, "period_days", 30L,
                "prorated", true, "rate_minutes", 800L));
    }
}
