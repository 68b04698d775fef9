package com.powerpto.accrual.calc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What one (employee, time-accrual policy) balance should hold in time accruals, date by date, from
 * the effective-dated inputs alone, and the difference to what the ledger holds. Pure: the same
 * calculators as the daily job decide each date ({@link TimeAccrualCalculator}), so a date the job
 * posted from unchanged inputs is expected with exactly the posted amount.
 * <p>
 * The bank cap is replayed in date order: on a posting date the banked balance is every other
 * movement (adjustments, usage, carryover, expiration, payroll accruals) dated on or before it plus
 * the expected time accruals before it.
 */
public final class ExpectedAccruals {

    private ExpectedAccruals() {
    }

    /** An assignment span, {@code toExclusive == null} = open-ended (the assignments table's convention). */
    public record Span(LocalDate from, LocalDate toExclusive) {
    }

    /** A policy version: {@code rule == null} when it is not a TIME accrual version (earns nothing by date). */
    public record Version(UUID id, LocalDate from, LocalDate toExclusive, TimeAccrualRule rule, Long bankCapMinutes) {

        boolean inForceOn(LocalDate day) {
            return !day.isBefore(from) && (toExclusive == null || day.isBefore(toExclusive));
        }
    }

    /** A change of the banked balance (accrued − used) that is not a time accrual, by its effective date. */
    public record Movement(LocalDate date, long minutes) {
    }

    /** The expected time accrual of one date: the capped amount and the figures behind it. */
    public record Expected(LocalDate date, UUID versionId, long amount, long uncapped, Long bankCapMinutes,
                           TimeAccrualCalculator.Grant grant) {

        public boolean capApplied() {
            return amount < uncapped;
        }
    }

    /** What the ledger holds for one date: the sum of its entries, how many corrections, a version id. */
    public record Posted(long minutes, int entries, int corrections, UUID versionId) {
    }

    /**
     * A difference to post for one date. {@code canonical} = nothing at all is in the ledger for the
     * date yet, so the ordinary ACCRUAL (the daily job's source key) is posted; otherwise an
     * ACCRUAL_CORRECTION numbered {@code sequence}.
     */
    public record Fix(LocalDate date, long delta, long expected, long posted, boolean canonical, int sequence,
                      UUID versionId, Expected expectation) {
    }

    /** The expected accruals of every posting date up to {@code through} (inclusive), in date order. */
    public static List<Expected> expected(List<Span> spans, List<Version> versions, LocalDate hireDate,
                                          LocalDate through, List<Movement> movements) {
        List<Expected> uncapped = new ArrayList<>();
        for (Span span : spans) {
            LocalDate last = span.toExclusive() == null || span.toExclusive().isAfter(through.plusDays(1))
                    ? through : span.toExclusive().minusDays(1);
            for (LocalDate day = span.from(); !day.isAfter(last); day = day.plusDays(1)) {
                Version version = inForce(versions, day);
                if (version == null || version.rule() == null || !maybePosting(version.rule(), day, span)) {
                    continue;
                }
                var grant = TimeAccrualCalculator.grant(version.rule(), day, span.from(), span.toExclusive(), hireDate);
                if (grant.isPresent() && grant.get().amount() > 0) {
                    var g = grant.get();
                    uncapped.add(new Expected(day, version.id(), g.amount(), g.amount(), version.bankCapMinutes(), g));
                }
            }
        }
        uncapped.sort(Comparator.comparing(Expected::date));
        return applyCap(uncapped, movements);
    }

    /** The differences between expected and posted, by date (posted dates after {@code through} are ignored). */
    public static List<Fix> diff(List<Expected> expected, Map<LocalDate, Posted> posted, LocalDate through) {
        Map<LocalDate, Expected> byDate = new HashMap<>();
        expected.forEach(e -> byDate.put(e.date(), e));
        TreeSet<LocalDate> dates = new TreeSet<>(byDate.keySet());
        posted.keySet().stream().filter(d -> !d.isAfter(through)).forEach(dates::add);
        List<Fix> fixes = new ArrayList<>();
        for (LocalDate date : dates) {
            Expected e = byDate.get(date);
            Posted p = posted.getOrDefault(date, new Posted(0, 0, 0, null));
            long want = e == null ? 0 : e.amount();
            long delta = want - p.minutes();
            if (delta == 0) {
                continue;
            }
            boolean canonical = p.entries() == 0 && delta > 0;
            UUID version = e != null ? e.versionId() : p.versionId();
            fixes.add(new Fix(date, delta, want, p.minutes(), canonical, p.corrections() + 1, version, e));
        }
        return fixes;
    }

    /** Sum of the expected amounts. */
    public static long total(List<Expected> expected) {
        return expected.stream().mapToLong(Expected::amount).sum();
    }

    private static List<Expected> applyCap(List<Expected> uncapped, List<Movement> movements) {
        if (uncapped.stream().allMatch(e -> e.bankCapMinutes() == null)) {
            return uncapped;
        }
        TreeMap<LocalDate, Long> other = new TreeMap<>();
        for (Movement m : movements) {
            other.merge(m.date(), m.minutes(), Long::sum);
        }
        List<Expected> capped = new ArrayList<>(uncapped.size());
        long accrued = 0;
        long moved = 0; // movements dated on or before the current posting date (both lists are in date order)
        var pending = other.entrySet().iterator();
        Map.Entry<LocalDate, Long> next = pending.hasNext() ? pending.next() : null;
        for (Expected e : uncapped) {
            while (next != null && !next.getKey().isAfter(e.date())) {
                moved += next.getValue();
                next = pending.hasNext() ? pending.next() : null;
            }
            long amount = BankCap.grant(e.uncapped(), accrued + moved, e.bankCapMinutes());
            accrued += amount;
            if (amount > 0) {
                capped.add(new Expected(e.date(), e.versionId(), amount, e.uncapped(), e.bankCapMinutes(), e.grant()));
            }
        }
        return capped;
    }

    private static Version inForce(List<Version> versions, LocalDate day) {
        for (Version v : versions) {
            if (v.inForceOn(day)) {
                return v;
            }
        }
        return null;
    }

    /** Cheap pre-filter (the calculator decides): DAILY, a month/year edge, or the span's first/last day. */
    private static boolean maybePosting(TimeAccrualRule rule, LocalDate day, Span span) {
        if (rule.frequency() == Frequency.DAILY || day.equals(span.from())
                || (span.toExclusive() != null && day.equals(span.toExclusive().minusDays(1)))) {
            return true;
        }
        boolean monthEdge = day.getDayOfMonth() == 1 || day.getDayOfMonth() == day.lengthOfMonth();
        if (rule.frequency() == Frequency.MONTHLY) {
            return monthEdge;
        }
        return day.getDayOfYear() == 1 || day.getDayOfYear() == day.lengthOfYear();
    }
}
