package com.powerpto.accrual;

import com.powerpto.accrual.calc.*;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccrualCalculatorsProperties {

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 40).map(i -> LocalDate.of(1990, 1, 1).plusDays(i));
    }

    @Property
    void everyPeriodHasExactlyOnePostingDate(@ForAll("dates") LocalDate day, @ForAll Frequency frequency,
                                             @ForAll Timing timing) {
        AccrualPeriod period = AccrualPeriod.containing(frequency, day);
        long postings = period.first().datesUntil(period.last().plusDays(1))
                .filter(d -> AccrualSchedule.isCalendarPostingDate(frequency, timing, d)).count();
        assertThat(postings).isEqualTo(1);
        assertThat(period.contains(day)).isTrue();
        assertThat(period.days()).isBetween(1L, 366L);
    }

    @Property
    void anAssignmentIsCreditedOncePerPeriodItTouches(@ForAll("dates") LocalDate from, @ForAll @IntRange(min = 1, max = 800) int length,
                                                      @ForAll Frequency frequency, @ForAll Timing timing) {
        LocalDate to = from.plusDays(length);
        AccrualPeriod first = AccrualPeriod.containing(frequency, from);
        AccrualPeriod last = AccrualPeriod.containing(frequency, to.minusDays(1));
        long periods = 0;
        for (AccrualPeriod p = first; !p.first().isAfter(last.first());
             p = AccrualPeriod.containing(frequency, p.last().plusDays(1))) {
            periods++;
        }
        long postings = first.first().datesUntil(last.last().plusDays(1))
                .filter(d -> AccrualSchedule.periodPostedOn(frequency, timing, d, from, to).isPresent()).count();
        assertThat(postings).isEqualTo(periods);
    }

    @Property
    void bankedBalanceNeverExceedsTheCap(@ForAll @LongRange(min = 1, max = 100_000) long cap,
                                         @ForAll List<@LongRange(min = -5000, max = 5000) Long> events) {
        long banked = 0;
        for (long event : events) {
            if (event >= 0) {
                long grant = BankCap.grant(event, banked, cap);
                assertThat(grant).isBetween(0L, event);
                banked += grant;
                assertThat(banked).isLessThanOrEqualTo(Math.max(cap, banked - grant));
                if (grant < event) {
                    assertThat(banked).isGreaterThanOrEqualTo(cap); // capped only when the cap is reached
                }
            } else {
                banked += event; // usage
            }
        }
    }

    @Property
    void tenureRateIsATierOrTheBaseAndNeverDecreasesOverTime(@ForAll("dates") LocalDate hire,
                                                             @ForAll @IntRange(min = 0, max = 600) int days) {
        List<TenureTier> tiers = List.of(new TenureTier(0, 100), new TenureTier(6, 200), new TenureTier(12, 300));
        long now = TenureRates.rate(50, tiers, hire, null, hire.plusDays(days));
        long later = TenureRates.rate(50, tiers, hire, null, hire.plusDays(days + 31L));
        assertThat(now).isIn(100L, 200L, 300L);
        assertThat(later).isGreaterThanOrEqualTo(now);
        assertThat(TenureRates.rate(50, tiers, hire, null, hire.plusMonths(6))).isEqualTo(200);
        assertThat(TenureRates.rate(50, tiers, hire, null, hire.plusMonths(6).minusDays(1))).isEqualTo(100);
    }

    @Property
    void carryoverSplitsTheAvailableBalanceExactly(@ForAll @LongRange(min = -100_000, max = 100_000) long available,
                                                   @ForAll @LongRange(min = 0, max = 50_000) long cap,
                                                   @ForAll boolean capped) {
        CarryoverCalculator.Split split = CarryoverCalculator.split(available, capped ? cap : null);
        assertThat(split.carried()).isGreaterThanOrEqualTo(0);
        assertThat(split.expired()).isGreaterThanOrEqualTo(0);
        if (available > 0) {
            assertThat(split.carried() + split.expired()).isEqualTo(available);
            assertThat(split.carried()).isEqualTo(capped ? Math.min(available, cap) : available);
        } else {
            assertThat(split).isEqualTo(new CarryoverCalculator.Split(0, 0));
        }
    }

    @Property
    void carriedExpiryNeverTakesAvailableBelowZero(@ForAll @LongRange(min = 0, max = 50_000) long carried,
                                                   @ForAll @LongRange(min = 0, max = 60_000) long used,
                                                   @ForAll @LongRange(min = -10_000, max = 100_000) long available) {
        long expired = ExpirationCalculator.expireCarried(carried, used, available);
        assertThat(expired).isBetween(0L, Math.max(0, carried - used));
        assertThat(available - expired).isGreaterThanOrEqualTo(Math.min(0, available));
    }
}
