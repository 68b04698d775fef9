package com.powerpto.accrual;

import com.powerpto.accrual.calc.CarryoverDates;
import com.powerpto.accrual.calc.Frequency;
import com.powerpto.accrual.calc.Proration;
import com.powerpto.accrual.calc.TenureTier;
import com.powerpto.accrual.calc.TimeAccrualRule;
import com.powerpto.accrual.calc.Timing;
import com.powerpto.accrual.timeline.BalanceInputs;
import com.powerpto.accrual.timeline.PolicyRules;
import com.powerpto.accrual.timeline.Timeline;
import com.powerpto.accrual.timeline.TimelineEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the one timeline (issue 24) over random input histories: posting the difference
 * twice posts nothing, whatever the ledger held before; the daily job's fast path (an uncapped grant
 * from the date's inputs alone) is the whole timeline's grant of that date; forfeitures never take
 * the balance below its floor; the ledger's entries of an event add up to it.
 */
class TimelineProperties {

    static final UUID POLICY = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID EMPLOYEE = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    static final LocalDate ORIGIN = LocalDate.of(2023, 1, 1);

    /** A random history, built from one seed so that jqwik shrinks it as a number. */
    static BalanceInputs history(long seed, boolean stateless) {
        Random r = new Random(seed);
        LocalDate hire = ORIGIN.plusDays(r.nextInt(400));
        List<BalanceInputs.Employment> employments = new ArrayList<>();
        LocalDate lastDay = r.nextInt(4) == 0 ? hire.plusDays(200 + r.nextInt(400)) : null;
        employments.add(new BalanceInputs.Employment(r.nextInt(5) == 0 ? null : hire, lastDay));
        if (lastDay != null && r.nextBoolean()) {
            employments.add(new BalanceInputs.Employment(lastDay.plusDays(30 + r.nextInt(100)), null));
        }
        List<BalanceInputs.Span> spans = new ArrayList<>();
        LocalDate from = hire.minusDays(r.nextInt(60));
        spans.add(new BalanceInputs.Span(from, r.nextInt(3) == 0 ? from.plusDays(100 + r.nextInt(500)) : null));
        List<BalanceInputs.Version> versions = new ArrayList<>();
        LocalDate change = ORIGIN.plusDays(200 + r.nextInt(500));
        versions.add(new BalanceInputs.Version(UUID.randomUUID(), LocalDate.of(2000, 1, 1), change, rules(r, stateless)));
        versions.add(new BalanceInputs.Version(UUID.randomUUID(), change, null, rules(r, stateless)));
        List<BalanceInputs.Schedule> schedules = List.of(new BalanceInputs.Schedule(LocalDate.of(1900, 1, 1), 1200 + 240L * r.nextInt(6)),
                new BalanceInputs.Schedule(ORIGIN.plusDays(r.nextInt(900)), 1200 + 240L * r.nextInt(6)));
        List<BalanceInputs.Leave> leave = new ArrayList<>();
        List<BalanceInputs.Adjustment> adjustments = new ArrayList<>();
        List<BalanceInputs.PayrollRun> payroll = new ArrayList<>();
        if (!stateless) {
            for (int i = r.nextInt(6); i > 0; i--) {
                LocalDate day = ORIGIN.plusDays(r.nextInt(1000));
                TreeMap<LocalDate, Long> split = new TreeMap<>();
                int days = 1 + r.nextInt(3);
                for (int d = 0; d < days; d++) {
                    split.put(day.plusDays(d), 240L + 240 * r.nextInt(2));
                }
                long total = split.values().stream().mapToLong(Long::longValue).sum();
                boolean approved = r.nextBoolean();
                leave.add(new BalanceInputs.Leave(UUID.randomUUID(), day.minusDays(r.nextInt(120) - 30), split,
                        approved ? total : 0, approved ? 0 : total));
            }
            for (int i = r.nextInt(4); i > 0; i--) {
                adjustments.add(new BalanceInputs.Adjustment(ORIGIN.plusDays(r.nextInt(1000)), 60L * (r.nextInt(80) - 20)));
            }
            for (int i = r.nextInt(4); i > 0; i--) {
                LocalDate start = ORIGIN.plusDays(r.nextInt(900));
                payroll.add(new BalanceInputs.PayrollRun("run-" + i, start, start.plusDays(13), 600L + r.nextInt(5000), i));
            }
        }
        return new BalanceInputs(employments, spans, versions, schedules, leave, adjustments, payroll,
                !stateless && r.nextInt(5) == 0 ? ORIGIN.plusDays(r.nextInt(500)) : null);
    }

    static PolicyRules rules(Random r, boolean stateless) {
        boolean time = stateless || r.nextInt(4) != 0;
        TimeAccrualRule timeRule = !time ? null : new TimeAccrualRule(Frequency.values()[r.nextInt(3)], Timing.values()[r.nextInt(2)],
                switch (r.nextInt(3)) { case 0 -> 20 + r.nextInt(40); case 1 -> 400 + r.nextInt(900); default -> 4800 + r.nextInt(9600); },
                Proration.values()[r.nextInt(2)], r.nextBoolean() ? List.of(new TenureTier(12, 1 + r.nextInt(1500))) : List.of());
        PolicyRules.HoursRatio hours = time ? null : new PolicyRules.HoursRatio(1 + r.nextInt(60), 60 + r.nextInt(1440), List.of());
        if (stateless) {
            return new PolicyRules(timeRule, null, null, null, false, null, null,
                    new PolicyRules.PartTime(r.nextBoolean(), 2400));
        }
        boolean negative = r.nextInt(4) == 0;
        PolicyRules.Carryover carryover = r.nextBoolean() ? new PolicyRules.Carryover(true, r.nextBoolean() ? (long) r.nextInt(3000) : null,
                r.nextBoolean() ? 10 + r.nextInt(90) : null, r.nextBoolean() ? CarryoverDates.Rule.JANUARY_FIRST
                : r.nextBoolean() ? CarryoverDates.Rule.of(null, 1 + r.nextInt(12), 1) : CarryoverDates.Rule.of("HIRE_ANNIVERSARY", null, null))
                : PolicyRules.Carryover.NONE;
        PolicyRules.Expiration expiration = switch (r.nextInt(4)) {
            case 0 -> new PolicyRules.Expiration(true, null, MonthDay.of(1 + r.nextInt(12), 1 + r.nextInt(28)));
            case 1 -> new PolicyRules.Expiration(true, 20 + r.nextInt(60), null);
            default -> PolicyRules.Expiration.NONE;
        };
        return new PolicyRules(timeRule, hours, r.nextBoolean() ? (long) (500 + r.nextInt(5000)) : null,
                negative && r.nextBoolean() ? -(long) r.nextInt(2000) : null, negative && r.nextBoolean(), carryover, expiration,
                new PolicyRules.PartTime(r.nextBoolean(), 2400));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** The ledger of one balance, as entries the repository would read back. */
    static TimelineRepository.Posted posted(TimelineLedger.Entry e) {
        return new TimelineRepository.Posted(new TimelineRepository.Ref(EMPLOYEE, POLICY), e.type().name(), e.sourceType().name(),
                e.sourceId(), e.amount(), e.date(), UUID.randomUUID());
    }

    static List<TimelineRepository.Posted> post(List<TimelineEvent> events, List<TimelineRepository.Posted> ledger, LocalDate through) {
        List<TimelineRepository.Posted> appended = new ArrayList<>();
        for (TimelineLedger.Due due : TimelineLedger.differences(events, ledger, (k, d) -> !d.isAfter(through))) {
            TimelineLedger.entries(due, EMPLOYEE, POLICY, Map.of("job", "property", "cause", "test")).forEach(e -> appended.add(posted(e)));
        }
        return appended;
    }

    @Property(tries = 200)
    void postingTheDifferenceTwicePostsNothingWhateverTheLedgerHeld(@ForAll("seeds") long seed,
                                                                   @ForAll @IntRange(min = 0, max = 3) int staleness) {
        BalanceInputs in = history(seed, false);
        LocalDate through = ORIGIN.plusDays(300 + new Random(seed).nextInt(900));
        List<TimelineEvent> events = Timeline.compute(in, through);
        // A ledger that held an older truth: what another history made (different settings or inputs).
        List<TimelineRepository.Posted> ledger = new ArrayList<>();
        if (staleness > 0) {
            BalanceInputs older = history(seed + staleness, false);
            ledger.addAll(post(Timeline.compute(older, through), List.of(), through));
        }
        ledger.addAll(post(events, ledger, through));
        assertThat(post(events, ledger, through)).as("a second posting").isEmpty();
        // And every event's entries now add up to its amount.
        Map<TimelineEvent.Key, Long> sums = new java.util.HashMap<>();
        for (TimelineRepository.Posted p : ledger) {
            TimelineLedger.attribute(p).ifPresent(a -> sums.merge(a.key(), a.amount(), Long::sum));
        }
        for (TimelineEvent e : events) {
            assertThat(sums.getOrDefault(e.key(), 0L)).as(e.key().toString()).isEqualTo(e.amount());
        }
    }

    @Property(tries = 100)
    void theDailyFastPathIsTheTimelinesGrantOfThatDate(@ForAll("seeds") long seed) {
        BalanceInputs in = history(seed, true);
        LocalDate through = ORIGIN.plusDays(1100);
        Map<LocalDate, Long> full = new TreeMap<>();
        Timeline.compute(in, through).forEach(e -> full.put(e.date(), e.amount()));
        for (LocalDate day = ORIGIN; !day.isAfter(through); day = day.plusDays(1)) {
            Optional<TimelineEvent> fast = Timeline.uncappedGrantOn(asTheDailyReadSeesIt(in, day), day);
            assertThat(fast.map(TimelineEvent::amount).orElse(0L)).as("grant of " + day).isEqualTo(full.getOrDefault(day, 0L));
        }
    }

    /**
     * What the daily run's one read gives for a date ({@code AccrualRepository.candidates}): assignments
     * active on the date or the day before, the latest employment that started by the date and had not
     * ended the day before, the version in force on the date, the week in force on the date.
     */
    static BalanceInputs asTheDailyReadSeesIt(BalanceInputs in, LocalDate day) {
        LocalDate eve = day.minusDays(1);
        List<BalanceInputs.Span> spans = in.spans().stream().filter(s -> !s.from().isAfter(day)
                && (s.toExclusive() == null || s.toExclusive().isAfter(eve))).toList();
        BalanceInputs.Employment employment = null;
        for (BalanceInputs.Employment e : in.employments()) {
            if ((e.hireDate() == null || !e.hireDate().isAfter(day)) && (e.lastDay() == null || !e.lastDay().isBefore(eve))) {
                employment = e;
            }
        }
        BalanceInputs.Version version = in.versions().stream().filter(v -> !v.from().isAfter(day)
                && (v.toExclusive() == null || v.toExclusive().isAfter(day))).findFirst().orElseThrow();
        long weekly = in.schedules().stream().filter(s -> !s.from().isAfter(day))
                .max(java.util.Comparator.comparing(BalanceInputs.Schedule::from)).orElseThrow().weeklyMinutes();
        if (employment == null || spans.isEmpty()) {
            return new BalanceInputs(List.of(new BalanceInputs.Employment(day.plusDays(1), null)), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), null);
        }
        return new BalanceInputs(List.of(employment), spans,
                List.of(new BalanceInputs.Version(version.id(), day, day.plusDays(1), version.rules())),
                List.of(new BalanceInputs.Schedule(LocalDate.MIN, weekly)), List.of(), List.of(), List.of(), in.openingAsOf());
    }

    @Property(tries = 200)
    void forfeituresNeverTakeTheBalanceBelowItsFloor(@ForAll("seeds") long seed) {
        BalanceInputs in = history(seed, false);
        LocalDate through = ORIGIN.plusDays(1200);
        List<TimelineEvent> events = Timeline.compute(in, through);
        for (TimelineEvent e : events) {
            if (!e.kind().forfeits() || e.amount() == 0) {
                continue;
            }
            PolicyRules rules = in.versions().stream().filter(v -> v.id().equals(e.versionId())).findFirst().orElseThrow().rules();
            Long floor = rules.floor();
            if (floor == null) {
                continue;
            }
            // The balance right after the forfeiture, counting the leave booked before its day for later days.
            long balance = 0;
            for (BalanceInputs.Adjustment a : in.adjustments()) {
                balance += a.date().isBefore(e.date()) ? a.minutes() : 0;
            }
            for (TimelineEvent other : events) {
                boolean earlier = other.date().isBefore(e.date()) || other.date().equals(e.date()) && other.kind().forfeits()
                        && events.indexOf(other) <= events.indexOf(e);
                balance += earlier ? other.amount() : 0;
            }
            for (BalanceInputs.Leave l : in.leave()) {
                long used = l.usedMinutes();
                boolean booked = l.bookedOn().isBefore(e.date());
                long usedBefore = 0;
                long left = used;
                for (var d : l.days().entrySet()) {
                    long take = Math.min(left, d.getValue());
                    left -= take;
                    if (d.getKey().isBefore(e.date())) {
                        usedBefore += take;
                    }
                }
                balance -= usedBefore;
                if (booked) {
                    balance -= (used - usedBefore) + l.heldMinutes();
                }
            }
            assertThat(balance).as(e + " leaves " + balance + " below the floor " + floor).isGreaterThanOrEqualTo(floor);
        }
    }
}
