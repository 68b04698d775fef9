package com.powerpto.accrual.timeline;

import com.powerpto.accrual.calc.CarryoverDates;
import com.powerpto.accrual.calc.TenureTier;
import com.powerpto.accrual.calc.TimeAccrualRule;

import java.time.MonthDay;
import java.util.List;

/**
 * The part of a policy version's settings a timeline needs, in calculator types. {@code time} is
 * set for ACCRUAL/TIME, {@code hours} for ACCRUAL/HOURS_WORKED; an UNLIMITED version has neither
 * and earns, carries and forfeits nothing.
 */
public record PolicyRules(TimeAccrualRule time, HoursRatio hours, Long bankCapMinutes, Long floorMinutes,
                          boolean negativeWithoutLimit, Carryover carryover, Expiration expiration, PartTime partTime) {

    public static final PolicyRules UNLIMITED = new PolicyRules(null, null, null, null, true,
            Carryover.NONE, Expiration.NONE, PartTime.NONE);

    public PolicyRules {
        carryover = carryover == null ? Carryover.NONE : carryover;
        expiration = expiration == null ? Expiration.NONE : expiration;
        partTime = partTime == null ? PartTime.NONE : partTime;
    }

    public boolean unlimited() {
        return time == null && hours == null;
    }

    /** The lowest available the forfeitures may leave (0, or −limit); null = no floor (negative without limit). */
    public Long floor() {
        return negativeWithoutLimit ? null : floorMinutes == null ? 0L : floorMinutes;
    }

    /** {@code accrueMinutes} per {@code perWorkedMinutes} worked; tiers replace {@code accrueMinutes} by tenure. */
    public record HoursRatio(long accrueMinutes, long perWorkedMinutes, List<TenureTier> tiers) {

        public HoursRatio {
            tiers = tiers == null ? List.of() : List.copyOf(tiers);
        }
    }

    public record Carryover(boolean enabled, Long capMinutes, Integer expiresAfterDays, CarryoverDates.Rule reset) {

        public static final Carryover NONE = new Carryover(false, null, null, CarryoverDates.Rule.JANUARY_FIRST);

        public Carryover {
            reset = reset == null ? CarryoverDates.Rule.JANUARY_FIRST : reset;
        }
    }

    /** {@code onDate}: every year on that day; {@code afterDays}: that many days after the last grant. */
    public record Expiration(boolean enabled, Integer afterDays, MonthDay onDate) {

        public static final Expiration NONE = new Expiration(false, null, null);
    }

    /** Grants scale by the employee's weekly minutes against {@code fullTimeWeekMinutes} (never above 1). */
    public record PartTime(boolean enabled, long fullTimeWeekMinutes) {

        public static final long DEFAULT_FULL_TIME_WEEK = 5 * 480;
        public static final PartTime NONE = new PartTime(false, DEFAULT_FULL_TIME_WEEK);
    }
}
