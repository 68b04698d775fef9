package com.powerpto.accrual.calc;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.TreeSet;

/**
 * Projects one balance from today to a date, day by day in the worker's order (carryover on the
 * policy's reset date ({@link CarryoverDates}: 1 January, a fiscal date or the hire anniversary),
 * then expirations, then the day's accruals), from the balance now and the accruals
 * the schedule will post ({@link ExpectedAccruals}, uncapped: the bank cap is applied here from
 * the projected banked balance).
 */
public final class BalanceForecast {

    private BalanceForecast() {
    }

    /**
     * The rules that take minutes away on the way. {@code reset} is when carryover happens and
     * {@code anchor} what a hire anniversary counts from (hire date, else assignment start; may be
     * null, then an anniversary rule has no reset date).
     */
    public record Rules(Long bankCapMinutes, boolean carryoverEnabled, Long carryoverCapMinutes,
                        Integer carryoverExpiresAfterDays, MonthDay expiresOn, CarryoverDates.Rule reset, LocalDate anchor) {

        public Rules {
            reset = reset == null ? CarryoverDates.Rule.JANUARY_FIRST : reset;
        }

        /** Carryover on 1 January. */
        public Rules(Long bankCapMinutes, boolean carryoverEnabled, Long carryoverCapMinutes,
                     Integer carryoverExpiresAfterDays, MonthDay expiresOn) {
            this(bankCapMinutes, carryoverEnabled, carryoverCapMinutes, carryoverExpiresAfterDays, expiresOn,
                    CarryoverDates.Rule.JANUARY_FIRST, null);
        }
    }

    /** Carried minutes already in the balance that expire on {@code expiresOn} (what is left of them then). */
    public record CarriedExpiry(LocalDate expiresOn, long unusedMinutes) {
    }

    /**
     * What the projection contains, so a person can read it (issue 26): accruals added, and each
     * forfeit on its date ({@link ForfeitKind}); {@code cappedMinutes}: accruals the bank cap withheld.
     */
    public record Result(long scheduledAccrualMinutes, long expiringMinutes, long projectedAvailableMinutes,
                         List<Forfeit> forfeits, long cappedMinutes) {

        public Result(long scheduledAccrualMinutes, long expiringMinutes, long projectedAvailableMinutes) {
            this(scheduledAccrualMinutes, expiringMinutes, projectedAvailableMinutes, List.of(), 0);
        }
    }

    /** Why minutes leave the balance on the way. */
    public enum ForfeitKind {
        /** Above the carryover cap on the reset date. */
        CARRYOVER_CAP,
        /** The yearly expiration date of the policy. */
        EXPIRATION,
        /** Carried-over minutes not used in time ({@code carryover.expires_after_days}). */
        CARRIED_EXPIRY
    }

    /** Minutes forfeited on one date, and why. */
    public record Forfeit(LocalDate date, ForfeitKind kind, long minutes) {
    }

    /**
     * @param after     the last date already in the balance (the accrual worker's last run, or today)
     * @param date      the forecast date (inclusive)
     * @param available available now (accrued − used − held)
     * @param banked    accrued − used now (what the bank cap limits)
     * @param scheduled expected accruals (uncapped); only those dated in {@code (after, date]} count
     */
    public static Result project(LocalDate after, LocalDate date, long available, long banked,
                                 List<ExpectedAccruals.Expected> scheduled, Rules rules, List<CarriedExpiry> carried) {
        TreeSet<LocalDate> days = new TreeSet<>();
        scheduled.stream().map(ExpectedAccruals.Expected::date).forEach(days::add);
        carried.stream().map(CarriedExpiry::expiresOn).forEach(days::add);
        TreeSet<LocalDate> resets = resetDates(after, date, rules);
        days.addAll(resets);
        if (rules.expiresOn() != null) {
            for (int year = after.getYear(); year <= date.getYear(); year++) {
                days.add(safeDate(year, rules.expiresOn()));
            }
        }
        long accrued = 0;
        long expiring = 0;
        long capped = 0;
        List<Forfeit> forfeits = new java.util.ArrayList<>();
        List<CarriedExpiry> pending = new java.util.ArrayList<>(carried);
        for (LocalDate day = days.higher(after); day != null && !day.isAfter(date); day = days.higher(day)) {
            if (resets.contains(day) && rules.carryoverEnabled() && available > 0) {
                long carriedNow = CarryoverCalculator.split(available, rules.carryoverCapMinutes()).carried();
                long forfeited = available - carriedNow;
                available -= forfeited;
                banked -= forfeited;
                expiring += forfeited;
                record(forfeits, day, ForfeitKind.CARRYOVER_CAP, forfeited);
                if (rules.carryoverExpiresAfterDays() != null && carriedNow > 0) {
                    LocalDate expiresOn = day.plusDays(rules.carryoverExpiresAfterDays());
                    pending.add(new CarriedExpiry(expiresOn, carriedNow));
                    days.add(expiresOn);
                }
            }
            if (rules.expiresOn() != null && day.equals(safeDate(day.getYear(), rules.expiresOn()))) {
                long gone = ExpirationCalculator.expireAvailable(available);
                available -= gone;
                banked -= gone;
                expiring += gone;
                record(forfeits, day, ForfeitKind.EXPIRATION, gone);
            }
            for (CarriedExpiry c : pending) {
                if (c.expiresOn().equals(day)) {
                    long gone = ExpirationCalculator.expireCarried(c.unusedMinutes(), 0, available);
                    available -= gone;
                    banked -= gone;
                    expiring += gone;
                    record(forfeits, day, ForfeitKind.CARRIED_EXPIRY, gone);
                }
            }
            for (ExpectedAccruals.Expected e : scheduled) {
                if (e.date().equals(day)) {
                    long grant = BankCap.grant(e.uncapped(), banked, rules.bankCapMinutes());
                    capped += e.uncapped() - grant;
                    available += grant;
                    banked += grant;
                    accrued += grant;
                }
            }
        }
        return new Result(accrued, expiring, available, List.copyOf(forfeits), capped);
    }

    private static void record(List<Forfeit> forfeits, LocalDate day, ForfeitKind kind, long minutes) {
        if (minutes > 0) {
            forfeits.add(new Forfeit(day, kind, minutes));
        }
    }

    /** The carryover reset dates in {@code (after, date]}. */
    static TreeSet<LocalDate> resetDates(LocalDate after, LocalDate date, Rules rules) {
        TreeSet<LocalDate> resets = new TreeSet<>();
        for (LocalDate reset = CarryoverDates.nextResetDate(after, rules.reset(), rules.anchor());
             reset != null && !reset.isAfter(date); reset = CarryoverDates.nextResetDate(reset, rules.reset(), rules.anchor())) {
            resets.add(reset);
        }
        return resets;
    }

    private static LocalDate safeDate(int year, MonthDay monthDay) {
        return monthDay.isValidYear(year) ? monthDay.atYear(year) : LocalDate.of(year, monthDay.getMonth(), 28);
    }
}
