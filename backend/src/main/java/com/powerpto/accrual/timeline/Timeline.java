package com.powerpto.accrual.timeline;

import com.powerpto.accrual.calc.AccrualPeriod;
import com.powerpto.accrual.calc.BankCap;
import com.powerpto.accrual.calc.CarryoverCalculator;
import com.powerpto.accrual.calc.CarryoverDates;
import com.powerpto.accrual.calc.ExpirationCalculator;
import com.powerpto.accrual.calc.Frequency;
import com.powerpto.accrual.calc.TenureRates;
import com.powerpto.accrual.calc.TimeAccrualCalculator;
import com.powerpto.accrual.timeline.BalanceInputs.Employment;
import com.powerpto.accrual.timeline.BalanceInputs.Leave;
import com.powerpto.accrual.timeline.BalanceInputs.PayrollRun;
import com.powerpto.accrual.timeline.BalanceInputs.Span;
import com.powerpto.accrual.timeline.BalanceInputs.Version;
import com.powerpto.accrual.timeline.TimelineEvent.Kind;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One balance's history as one timeline of dated events, computed from its inputs alone
 * (shared/spec/domain.md, "One timeline per balance"; docs/decisions/0040). No framework, no
 * database, no clock: the daily job, corrections, reconciliation, the forecast, the request preview,
 * the final statement and the policy simulator all call {@link #compute}, so they agree by construction.
 * <p>
 * Each day is played in one order: (1) the carryover of a reset date, (2) expirations — all at the
 * start of the day; (3) the day's own movements: usage by local day, adjustments; (4) the day's grants,
 * capped against the banked balance ({@code accrued − used}) as of that day, so leave dated later never
 * makes room. Forfeitures (carryover excess, expiries) never take the balance below its floor, counting
 * the leave already booked (before that day) for later dates; what would cross it is not forfeited.
 * Nothing happens after the employment of the balance ended, and no time grant or forfeiture is
 * dated on or before an opening balance's date.
 */
public final class Timeline {

    /** Payroll fractions are carried from run to run in millionths of a minute. */
    static final long MICRO = 1_000_000L;

    private Timeline() {
    }

    /** The balance's events dated up to {@code through} (inclusive), in order. */
    public static List<TimelineEvent> compute(BalanceInputs in, LocalDate through) {
        return new Run(in, through).play();
    }

    /**
     * The time grant of one date, without the bank cap: for the daily job's balances whose version has
     * no cap (a grant there depends on nothing but the date's inputs). The same computation as
     * {@link #compute} makes for that date; empty when the date posts nothing.
     */
    public static Optional<TimelineEvent> uncappedGrantOn(BalanceInputs in, LocalDate day) {
        Run run = new Run(in, day);
        return run.timeGrant(day, false);
    }

    /** A span of one employment: the assignment clipped to it, and where its tenure counts from. */
    record Effective(LocalDate from, LocalDate toExclusive, LocalDate tenureFrom, Employment employment) {

        boolean activeOn(LocalDate day) {
            return !day.isBefore(from) && (toExclusive == null || day.isBefore(toExclusive));
        }

        /** Still employed on {@code day}: the employment did not end before it. */
        boolean employedOn(LocalDate day) {
            return employment == null || employment.lastDay() == null || !employment.lastDay().isBefore(day);
        }
    }

    /** Carried minutes waiting for their expiry: what usage between the reset and the day before has not drawn. */
    static final class Pool {
        final LocalDate reset;
        final String ref;
        final LocalDate expiresOn;
        final java.util.UUID versionId;
        final long carried;
        long remaining;

        Pool(LocalDate reset, String ref, LocalDate expiresOn, java.util.UUID versionId, long carried) {
            this.reset = reset;
            this.ref = ref;
            this.expiresOn = expiresOn;
            this.versionId = versionId;
            this.carried = carried;
            this.remaining = carried;
        }
    }

    private static final class Run {
        private final BalanceInputs in;
        private final LocalDate through;
        private final List<Effective> spans;
        private final TreeSet<LocalDate> dates = new TreeSet<>();
        private final Map<LocalDate, Long> adjustments = new HashMap<>();
        private final Map<LocalDate, Long> usage = new HashMap<>();
        private final List<Booked> booked = new ArrayList<>();
        private final List<Pool> pools = new ArrayList<>();
        private final Map<LocalDate, List<PayrollRun>> payrollByEnd = new HashMap<>();
        private final List<TimelineEvent> out = new ArrayList<>();
        private final java.util.Set<String> carryoverRefs = new java.util.HashSet<>();
        private long banked;
        private long used;
        private LocalDate lastGrant;
        private long payrollCarryMicro;

        /** A request's leave as the floors see it: booked on a day, what it holds and uses by day. */
        private record Booked(LocalDate bookedOn, long held, NavigableMap<LocalDate, Long> usedByDay) {
        }

        Run(BalanceInputs in, LocalDate through) {
            this.in = in;
            this.through = through;
            this.spans = effectiveSpans(in);
        }

        List<TimelineEvent> play() {
            collectDates();
            while (!dates.isEmpty()) {
                LocalDate day = dates.pollFirst();
                if (day.isAfter(through)) {
                    break;
                }
                carryover(day);
                expireOnDate(day);
                expireAfterLastGrant(day);
                expireCarried(day);
                movements(day);
                timeGrant(day, true).ifPresent(this::grant);
                payrollGrants(day);
            }
            return out;
        }

        // ---- inputs ------------------------------------------------------------------------

        private static List<Effective> effectiveSpans(BalanceInputs in) {
            List<Effective> result = new ArrayList<>();
            for (Span span : in.spans()) {
                if (span.toExclusive() != null && !span.toExclusive().isAfter(span.from())) {
                    continue; // withdrawn (empty) assignment
                }
                if (in.employments().isEmpty()) {
                    result.add(new Effective(span.from(), span.toExclusive(), span.from(), null));
                    continue;
                }
                for (Employment e : in.employments()) {
                    LocalDate from = e.hireDate() != null && e.hireDate().isAfter(span.from()) ? e.hireDate() : span.from();
                    LocalDate end = e.lastDay() == null ? null : e.lastDay().plusDays(1);
                    LocalDate to = span.toExclusive() == null ? end
                            : end == null || span.toExclusive().isBefore(end) ? span.toExclusive() : end;
                    if (to == null || to.isAfter(from)) {
                        result.add(new Effective(from, to, e.hireDate() != null ? e.hireDate() : span.from(), e));
                    }
                }
            }
            result.sort(Comparator.comparing(Effective::from));
            return result;
        }

        private void collectDates() {
            for (BalanceInputs.Adjustment a : in.adjustments()) {
                adjustments.merge(a.date(), a.minutes(), Long::sum);
                dates.add(a.date());
            }
            for (Leave leave : in.leave()) {
                NavigableMap<LocalDate, Long> used = leave.allocate(leave.usedMinutes());
                used.forEach((day, minutes) -> {
                    usage.merge(day, minutes, Long::sum);
                    dates.add(day);
                });
                booked.add(new Booked(leave.bookedOn(), Math.max(0, leave.heldMinutes()), used));
            }
            for (PayrollRun run : in.payroll()) {
                payrollByEnd.computeIfAbsent(run.periodEnd(), k -> new ArrayList<>()).add(run);
                dates.add(run.periodEnd());
            }
            payrollByEnd.values().forEach(runs -> runs.sort(Comparator.comparingLong(PayrollRun::sequence)
                    .thenComparing(PayrollRun::runId)));
            for (Effective span : spans) {
                LocalDate last = span.toExclusive() == null ? through : min(through, span.toExclusive().minusDays(1));
                for (Version v : in.versions()) {
                    if (v.rules() == null) {
                        continue;
                    }
                    LocalDate from = max(span.from(), v.from());
                    LocalDate to = v.toExclusive() == null ? last : min(last, v.toExclusive().minusDays(1));
                    if (v.rules().time() != null && !from.isAfter(to)) {
                        grantDates(v.rules().time().frequency(), span, from, to);
                    }
                    resetDates(v, span);
                    expiryDates(v, span, last);
                }
            }
        }

        /** Every date that may be a posting date (the calculator decides): DAILY all, else period and span edges. */
        private void grantDates(Frequency frequency, Effective span, LocalDate from, LocalDate to) {
            dates.add(from);
            dates.add(to);
            if (span.toExclusive() != null) {
                dates.add(span.toExclusive().minusDays(1));
            }
            for (LocalDate day = from; !day.isAfter(to); ) {
                AccrualPeriod period = AccrualPeriod.containing(frequency, day);
                dates.add(period.first());
                dates.add(period.last());
                day = period.last().plusDays(1);
            }
        }

        private void resetDates(Version v, Effective span) {
            PolicyRules.Carryover carryover = v.rules().carryover();
            if (!carryover.enabled()) {
                return;
            }
            // a reset R needs the span active on R − 1: R in [from + 1, toExclusive]
            LocalDate first = max(span.from().plusDays(1), v.from().plusDays(1));
            LocalDate last = min(through, span.toExclusive() == null ? through : span.toExclusive());
            if (v.toExclusive() != null) {
                last = min(last, v.toExclusive());
            }
            for (LocalDate reset = CarryoverDates.nextResetDate(first.minusDays(1), carryover.reset(), span.tenureFrom());
                 reset != null && !reset.isAfter(last);
                 reset = CarryoverDates.nextResetDate(reset, carryover.reset(), span.tenureFrom())) {
                dates.add(reset);
            }
        }

        private void expiryDates(Version v, Effective span, LocalDate last) {
            MonthDay on = v.rules().expiration().enabled() ? v.rules().expiration().onDate() : null;
            if (on == null) {
                return;
            }
            LocalDate from = max(span.from(), v.from());
            LocalDate to = v.toExclusive() == null ? last : min(last, v.toExclusive().minusDays(1));
            for (int year = from.getYear(); year <= to.getYear(); year++) {
                LocalDate day = on.atYear(year);
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    dates.add(day);
                }
            }
        }

        // ---- the phases of a day ---------------------------------------------------------------

        private void carryover(LocalDate day) {
            LocalDate eve = day.minusDays(1);
            Version version = inForce(eve);
            Effective span = activeOn(eve);
            if (version == null || version.rules() == null || span == null || !span.employedOn(day) || opening(day)) {
                return;
            }
            PolicyRules.Carryover rule = version.rules().carryover();
            if (!rule.enabled() || !CarryoverDates.isResetDate(day, rule.reset(), span.tenureFrom())) {
                return;
            }
            long available = banked;
            CarryoverCalculator.Split split = CarryoverCalculator.split(available, rule.capMinutes());
            long excess = split.expired();
            long forfeited = forfeitable(excess, day, version.rules(), true);
            long carried = Math.max(0, available - forfeited);
            banked -= forfeited;
            Map<String, Object> cause = cause("carryover");
            cause.put("year", day.getYear() - 1);
            cause.put("reset_date", day.toString());
            cause.put("period_start", CarryoverDates.previousResetDate(day, rule.reset(), span.tenureFrom()).toString());
            cause.put("available_minutes", available);
            cause.put("carried_minutes", carried);
            cause.put("expired_minutes", forfeited);
            cause.put("cap_minutes", rule.capMinutes());
            cause.put("used_minutes_at_carryover", used);
            if (forfeited < excess) {
                cause.put("kept_above_cap_for_floor_minutes", excess - forfeited);
            }
            // One reset per calendar year and rule; a version that moves the reset date inside a year makes
            // a second one, named by its date (the first keeps the year, the ledger's historical key).
            String ref = Integer.toString(day.getYear());
            if (!carryoverRefs.add(ref)) {
                ref = day.toString();
                carryoverRefs.add(ref);
            }
            if (rule.expiresAfterDays() != null) {
                LocalDate expiresOn = day.plusDays(rule.expiresAfterDays());
                cause.put("carry_expires_on", expiresOn.toString());
                if (carried > 0) {
                    pools.add(new Pool(day, ref, expiresOn, version.id(), carried));
                    dates.add(expiresOn);
                }
            }
            out.add(new TimelineEvent(day, Kind.CARRYOVER, ref, -forfeited, version.id(), cause));
        }

        private void expireOnDate(LocalDate day) {
            Version version = inForce(day);
            if (version == null || version.rules() == null || opening(day)) {
                return;
            }
            PolicyRules.Expiration rule = version.rules().expiration();
            Effective span = activeOn(day);
            if (!rule.enabled() || rule.onDate() == null || !rule.onDate().equals(MonthDay.from(day)) || span == null) {
                return;
            }
            Map<String, Object> cause = cause("expiration");
            cause.put("rule", "expires_on");
            cause.put("expires_on", day.toString());
            forfeitAvailable(day, version, Kind.EXPIRY_ON_DATE, day.toString(), cause);
        }

        private void expireAfterLastGrant(LocalDate day) {
            Version version = inForce(day);
            if (lastGrant == null || version == null || version.rules() == null || opening(day) || activeOn(day) == null) {
                return;
            }
            PolicyRules.Expiration rule = version.rules().expiration();
            if (!rule.enabled() || rule.afterDays() == null || !lastGrant.plusDays(rule.afterDays()).equals(day)) {
                return;
            }
            Map<String, Object> cause = cause("expiration");
            cause.put("rule", "expires_after_days");
            cause.put("last_accrual_date", lastGrant.toString());
            cause.put("expires_after_days", rule.afterDays());
            forfeitAvailable(day, version, Kind.EXPIRY_AFTER_LAST_GRANT, lastGrant.toString(), cause);
        }

        /** The positive available balance (booked leave counted) expires, never below the floor. */
        private void forfeitAvailable(LocalDate day, Version version, Kind kind, String ref, Map<String, Object> cause) {
            long wanted = ExpirationCalculator.expireAvailable(floorBase(day, true));
            long forfeited = forfeitable(wanted, day, version.rules(), true);
            if (forfeited <= 0) {
                return;
            }
            banked -= forfeited;
            pools.forEach(p -> p.remaining = Math.min(p.remaining, Math.max(0, banked)));
            cause.put("expired_minutes", forfeited);
            out.add(new TimelineEvent(day, kind, ref, -forfeited, version.id(), cause));
        }

        private void expireCarried(LocalDate day) {
            for (var it = pools.iterator(); it.hasNext(); ) {
                Pool pool = it.next();
                if (!pool.expiresOn.equals(day)) {
                    continue;
                }
                it.remove();
                if (!employedOn(day) || opening(day)) {
                    continue;
                }
                Version version = inForce(day.minusDays(1));
                PolicyRules rules = version != null && version.rules() != null ? version.rules() : null;
                long forfeited = rules == null ? Math.max(0, pool.remaining) : forfeitable(pool.remaining, day, rules, true);
                if (forfeited <= 0) {
                    continue;
                }
                banked -= forfeited;
                Map<String, Object> cause = cause("expiration");
                cause.put("rule", "carryover_expires_after_days");
                cause.put("carry_year", pool.reset.getYear() - 1);
                cause.put("reset_date", pool.reset.toString());
                cause.put("carried_minutes", pool.carried);
                cause.put("used_since_carryover_minutes", pool.carried - pool.remaining);
                cause.put("expired_minutes", forfeited);
                out.add(new TimelineEvent(day, Kind.CARRIED_EXPIRY, pool.ref, -forfeited,
                        version != null ? version.id() : pool.versionId, cause));
            }
        }

        private void movements(LocalDate day) {
            banked += adjustments.getOrDefault(day, 0L);
            long usedToday = usage.getOrDefault(day, 0L);
            banked -= usedToday;
            used += usedToday;
            // usage draws from carried minutes first, the oldest first, while they have not expired
            for (Pool pool : pools) {
                if (usedToday <= 0) {
                    break;
                }
                if (!day.isBefore(pool.reset) && day.isBefore(pool.expiresOn)) {
                    long draw = Math.min(usedToday, pool.remaining);
                    pool.remaining -= draw;
                    usedToday -= draw;
                }
            }
        }

        /**
         * The time grant of {@code day} (all spans of the day together); {@code capped}: with the bank
         * cap against the banked balance as of the day.
         */
        Optional<TimelineEvent> timeGrant(LocalDate day, boolean capped) {
            Version version = inForce(day);
            if (version == null || version.rules() == null || version.rules().time() == null || opening(day)) {
                return Optional.empty();
            }
            PolicyRules rules = version.rules();
            long uncapped = 0;
            TimeAccrualCalculator.Grant first = null;
            Effective firstSpan = null;
            for (Effective span : spans) {
                long fullTime = rules.partTime().enabled() ? rules.partTime().fullTimeWeekMinutes() : 0;
                var grant = TimeAccrualCalculator.grant(rules.time(), day, span.from(), span.toExclusive(),
                        span.tenureFrom(), fullTime > 0 ? weeklyMinutes(day) : 0, fullTime);
                if (grant.isPresent()) {
                    uncapped += grant.get().amount();
                    if (first == null) {
                        first = grant.get();
                        firstSpan = span;
                    }
                }
            }
            if (first == null || uncapped <= 0) {
                return Optional.empty();
            }
            Map<String, Object> cause = cause("time_accrual");
            cause.put("frequency", rules.time().frequency().name());
            cause.put("rate_minutes", first.rate());
            cause.put("period_start", first.period().first().toString());
            cause.put("period_end", first.period().last().toString());
            cause.put("proration", rules.time().proration().name());
            cause.put("active_days", first.activeDays());
            cause.put("period_days", first.period().days());
            cause.put("prorated", first.prorated());
            cause.put("tenure_from", firstSpan.tenureFrom().toString());
            if (first.fullTimeWeekMinutes() > 0) {
                cause.put("weekly_minutes", first.weeklyMinutes());
                cause.put("full_time_week_minutes", first.fullTimeWeekMinutes());
            }
            // A grant the cap takes whole is still an event (of 0 minutes: nothing is posted, the day counts as looked at).
            long amount = capped ? cap(uncapped, day, rules, cause) : uncapped;
            return Optional.of(new TimelineEvent(day, Kind.GRANT, day.toString(), amount, version.id(), cause));
        }

        private void payrollGrants(LocalDate day) {
            for (PayrollRun run : payrollByEnd.getOrDefault(day, List.of())) {
                payrollGrant(run).ifPresent(this::grant);
            }
        }

        /**
         * {@code worked × rate ÷ per_worked}, the hours as paid (never prorated again by days employed),
         * plus the fraction carried from the previous run; for a run whose period the balance was
         * assigned on at least one day. The version is the one in force on the last assigned day of the period.
         */
        private Optional<TimelineEvent> payrollGrant(PayrollRun run) {
            Effective span = null;
            LocalDate lastAssigned = null;
            for (Effective s : spans) {
                LocalDate end = s.toExclusive() == null ? run.periodEnd() : min(run.periodEnd(), s.toExclusive().minusDays(1));
                if (!s.from().isAfter(run.periodEnd()) && !end.isBefore(run.periodStart()) && !end.isBefore(s.from())
                        && (lastAssigned == null || end.isAfter(lastAssigned))) {
                    span = s;
                    lastAssigned = end;
                }
            }
            Version version = lastAssigned == null ? null : inForce(lastAssigned);
            if (version == null || version.rules() == null || version.rules().hours() == null) {
                return Optional.empty();
            }
            PolicyRules.HoursRatio ratio = version.rules().hours();
            long rate = TenureRates.rate(ratio.accrueMinutes(), ratio.tiers(), span.tenureFrom(), span.from(), run.periodEnd());
            BigInteger exact = BigInteger.valueOf(run.workedMinutes()).multiply(BigInteger.valueOf(rate))
                    .multiply(BigInteger.valueOf(MICRO)).divide(BigInteger.valueOf(ratio.perWorkedMinutes()))
                    .add(BigInteger.valueOf(payrollCarryMicro));
            BigInteger[] split = exact.divideAndRemainder(BigInteger.valueOf(MICRO));
            long carriedIn = payrollCarryMicro;
            payrollCarryMicro = split[1].longValue();
            long uncapped = split[0].longValueExact();
            Map<String, Object> cause = cause("payroll");
            cause.put("payroll_run_id", run.runId());
            cause.put("period_start", run.periodStart().toString());
            cause.put("period_end", run.periodEnd().toString());
            cause.put("worked_minutes", run.workedMinutes());
            cause.put("accrue_minutes", rate);
            cause.put("per_worked_minutes", ratio.perWorkedMinutes());
            cause.put("carried_in_micro_minutes", carriedIn);
            cause.put("carried_out_micro_minutes", payrollCarryMicro);
            long amount = cap(uncapped, run.periodEnd(), version.rules(), cause);
            return Optional.of(new TimelineEvent(run.periodEnd(), Kind.PAYROLL, run.runId(), amount, version.id(), cause));
        }

        private void grant(TimelineEvent event) {
            out.add(event);
            if (event.amount() <= 0) {
                return; // capped away, or less than a minute of payroll: not an accrual
            }
            banked += event.amount();
            lastGrant = event.date();
            for (Version v : in.versions()) {
                Integer after = v.rules() == null ? null : v.rules().expiration().afterDays();
                if (after != null && v.rules().expiration().enabled()) {
                    dates.add(event.date().plusDays(after));
                }
            }
        }

        /**
         * The bank cap: only the headroom under the cap as of the day is granted; a grant the cap cuts is
         * still granted as far as needed to keep the balance (booked leave counted) at its floor.
         */
        private long cap(long uncapped, LocalDate day, PolicyRules rules, Map<String, Object> cause) {
            if (rules.bankCapMinutes() == null || uncapped <= 0) {
                return Math.max(0, uncapped);
            }
            long amount = BankCap.grant(uncapped, banked, rules.bankCapMinutes());
            Long floor = rules.floor();
            if (amount < uncapped && floor != null) {
                long after = floorBase(day, false) + amount;
                if (after < floor) {
                    amount = Math.min(uncapped, amount + (floor - after));
                }
            }
            cause.put("bank_cap_minutes", rules.bankCapMinutes());
            cause.put("cap_applied", amount < uncapped);
            cause.put("uncapped_minutes", uncapped);
            return amount;
        }

        // ---- floors and lookups ---------------------------------------------------------------

        /**
         * What of {@code wanted} a forfeiture on {@code day} may take without leaving the balance below
         * the floor, counting the leave booked before the day for later dates.
         */
        private long forfeitable(long wanted, LocalDate day, PolicyRules rules, boolean startOfDay) {
            if (wanted <= 0) {
                return 0;
            }
            Long floor = rules.floor();
            if (floor == null) {
                return wanted;
            }
            long room = floorBase(day, startOfDay) - floor;
            return Math.max(0, Math.min(wanted, room));
        }

        /**
         * The balance as the floors see it on {@code day}: banked so far, minus what leave booked before
         * the day still holds, minus its usage on days not yet played ({@code startOfDay}: the day itself
         * too).
         */
        private long floorBase(LocalDate day, boolean startOfDay) {
            long base = banked;
            LocalDate firstLater = startOfDay ? day : day.plusDays(1);
            for (Booked b : booked) {
                if (!b.bookedOn().isBefore(day)) {
                    continue;
                }
                base -= b.held();
                for (long minutes : b.usedByDay().tailMap(firstLater, true).values()) {
                    base -= minutes;
                }
            }
            return base;
        }

        private long weeklyMinutes(LocalDate day) {
            BalanceInputs.Schedule current = null;
            for (BalanceInputs.Schedule s : in.schedules()) {
                if (!s.from().isAfter(day) && (current == null || s.from().isAfter(current.from()))) {
                    current = s;
                }
            }
            if (current == null) { // before the first known schedule: the earliest one
                current = in.schedules().stream().min(Comparator.comparing(BalanceInputs.Schedule::from)).orElse(null);
            }
            return current == null ? PolicyRules.PartTime.DEFAULT_FULL_TIME_WEEK : current.weeklyMinutes();
        }

        private boolean opening(LocalDate day) {
            return in.openingAsOf() != null && !day.isAfter(in.openingAsOf());
        }

        private boolean employedOn(LocalDate day) {
            return in.employments().isEmpty() || in.employments().stream().anyMatch(e ->
                    (e.hireDate() == null || !e.hireDate().isAfter(day)) && (e.lastDay() == null || !e.lastDay().isBefore(day)));
        }

        private Version inForce(LocalDate day) {
            for (Version v : in.versions()) {
                if (v.inForceOn(day)) {
                    return v;
                }
            }
            return null;
        }

        private Effective activeOn(LocalDate day) {
            for (Effective s : spans) {
                if (s.activeOn(day)) {
                    return s;
                }
            }
            return null;
        }

        private static Map<String, Object> cause(String job) {
            Map<String, Object> cause = new LinkedHashMap<>();
            cause.put("job", job);
            return cause;
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }

    /** Sums of a timeline's events by kind up to a date: for forecasts and statements. */
    public static long sum(List<TimelineEvent> events, LocalDate through) {
        long sum = 0;
        for (TimelineEvent e : events) {
            if (!e.date().isAfter(through)) {
                sum += e.amount();
            }
        }
        return sum;
    }

    /** Every event by its key (for the poster and reconciliation). */
    public static Map<TimelineEvent.Key, TimelineEvent> byKey(List<TimelineEvent> events) {
        Map<TimelineEvent.Key, TimelineEvent> map = new TreeMap<>(Comparator.comparing((TimelineEvent.Key k) -> k.kind())
                .thenComparing(TimelineEvent.Key::ref));
        events.forEach(e -> map.put(e.key(), e));
        return map;
    }
}
