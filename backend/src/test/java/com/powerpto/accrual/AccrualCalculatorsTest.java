package com.powerpto.accrual;

import com.powerpto.accrual.calc.*;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccrualCalculatorsTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    // ---- periods and posting dates -----------------------------------------------------

    @Test
    void monthLengthsAndLeapYears() {
        assertThat(AccrualPeriod.containing(Frequency.MONTHLY, d("2024-02-10")).days()).isEqualTo(29);
        assertThat(AccrualPeriod.containing(Frequency.MONTHLY, d("2023-02-10")).days()).isEqualTo(28);
        assertThat(AccrualPeriod.containing(Frequency.MONTHLY, d("2025-04-30")).days()).isEqualTo(30);
        assertThat(AccrualPeriod.containing(Frequency.MONTHLY, d("2025-12-31")).days()).isEqualTo(31);
        assertThat(AccrualPeriod.containing(Frequency.YEARLY, d("2024-06-01")).days()).isEqualTo(366);
        assertThat(AccrualPeriod.containing(Frequency.YEARLY, d("2100-06-01")).days()).isEqualTo(365);
        assertThat(AccrualPeriod.containing(Frequency.YEARLY, d("2000-06-01")).days()).isEqualTo(366);
        assertThat(AccrualPeriod.containing(Frequency.DAILY, d("2024-02-29")).days()).isEqualTo(1);
    }

    @Test
    void calendarPostingDates() {
        assertThat(AccrualSchedule.isCalendarPostingDate(Frequency.MONTHLY, Timing.START_OF_PERIOD, d("2025-03-01"))).isTrue();
        assertThat(AccrualSchedule.isCalendarPostingDate(Frequency.MONTHLY, Timing.START_OF_PERIOD, d("2025-03-02"))).isFalse();
        assertThat(AccrualSchedule.isCalendarPostingDate(Frequency.MONTHLY, Timing.END_OF_PERIOD, d("2024-02-29"))).isTrue();
        assertThat(AccrualSchedule.isCalendarPostingDate(Frequency.MONTHLY, Timing.END_OF_PERIOD, d("2023-02-28"))).isTrue();
        assertThat(AccrualSchedule.isCalendarPostingDate(Frequency.MONTHLY, Timing.END_OF_PERIOD, d("2024-02-28"))).isFalse();
        assertThat(AccrualSchedule.isCalendarPostingDate(Frequency.YEARLY, Timing.END_OF_PERIOD, d("2025-12-31"))).isTrue();
        assertThat(AccrualSchedule.isCalendarPostingDate(Frequency.YEARLY, Timing.START_OF_PERIOD, d("2026-01-01"))).isTrue();
        assertThat(AccrualSchedule.isCalendarPostingDate(Frequency.YEARLY, Timing.START_OF_PERIOD, d("2025-12-31"))).isFalse();
        assertThat(AccrualSchedule.isCalendarPostingDate(Frequency.DAILY, Timing.END_OF_PERIOD, d("2025-07-04"))).isTrue();
    }

    @Test
    void assignmentBoundariesMovePostingDateInsideThePeriod() {
        // Starts mid-month, START_OF_PERIOD: credited on its first day, not on the 1st.
        assertThat(AccrualSchedule.periodPostedOn(Frequency.MONTHLY, Timing.START_OF_PERIOD, d("2025-03-01"),
                d("2025-03-16"), null)).isEmpty();
        assertThat(AccrualSchedule.periodPostedOn(Frequency.MONTHLY, Timing.START_OF_PERIOD, d("2025-03-16"),
                d("2025-03-16"), null)).contains(new AccrualPeriod(d("2025-03-01"), d("2025-03-31")));
        // Ends mid-month (effective_to exclusive), END_OF_PERIOD: credited on its last day.
        assertThat(AccrualSchedule.periodPostedOn(Frequency.MONTHLY, Timing.END_OF_PERIOD, d("2025-03-10"),
                d("2024-01-01"), d("2025-03-11"))).isPresent();
        assertThat(AccrualSchedule.periodPostedOn(Frequency.MONTHLY, Timing.END_OF_PERIOD, d("2025-03-31"),
                d("2024-01-01"), d("2025-03-11"))).isEmpty();
        // Not active that day.
        assertThat(AccrualSchedule.periodPostedOn(Frequency.DAILY, Timing.START_OF_PERIOD, d("2025-03-11"),
                d("2024-01-01"), d("2025-03-11"))).isEmpty();
    }

    // ---- tenure ---------------------------------------------------------------------------

    @Test
    void tenureBoundariesAreWholeMonths() {
        List<TenureTier> tiers = List.of(new TenureTier(12, 1000), new TenureTier(24, 1200), new TenureTier(0, 900));
        LocalDate hire = d("2023-03-15");
        assertThat(TenureRates.rate(800, tiers, hire, d("2020-01-01"), d("2024-03-14"))).isEqualTo(900);
        assertThat(TenureRates.rate(800, tiers, hire, d("2020-01-01"), d("2024-03-15"))).isEqualTo(1000); // exactly 12
        assertThat(TenureRates.rate(800, tiers, hire, d("2020-01-01"), d("2025-03-14"))).isEqualTo(1000);
        assertThat(TenureRates.rate(800, tiers, hire, d("2020-01-01"), d("2025-03-15"))).isEqualTo(1200); // exactly 24
        assertThat(TenureRates.rate(800, List.of(), hire, d("2020-01-01"), d("2030-01-01"))).isEqualTo(800);
        assertThat(TenureRates.rate(800, List.of(new TenureTier(6, 1000)), hire, null, d("2023-04-01"))).isEqualTo(800);
    }

    @Test
    void tenureFallsBackToAssignmentStartAndHandlesMonthEnds() {
        List<TenureTier> tiers = List.of(new TenureTier(1, 2000));
        assertThat(TenureRates.rate(100, tiers, null, d("2025-01-31"), d("2025-02-27"))).isEqualTo(100);
        assertThat(TenureRates.rate(100, tiers, null, d("2025-01-31"), d("2025-02-28"))).isEqualTo(2000);
        assertThat(TenureRates.wholeMonths(d("2024-01-31"), d("2024-02-29"))).isEqualTo(1);
        assertThat(TenureRates.wholeMonths(d("2025-05-01"), d("2025-04-01"))).isZero();
    }

    @Test
    void timeAccrualGrant() {
        TimeAccrualRule monthly = new TimeAccrualRule(Frequency.MONTHLY, Timing.START_OF_PERIOD, 800, Proration.DAYS_ACTIVE,
                List.of(new TenureTier(12, 1000)));
        Optional<TimeAccrualCalculator.Grant> grant = TimeAccrualCalculator.grant(monthly, d("2025-03-16"), d("2025-03-16"),
                null, null);
        assertThat(grant).isPresent();
        assertThat(grant.get().amount()).isEqualTo(800L * 16 / 31);
        assertThat(grant.get().prorated()).isTrue();
        assertThat(TimeAccrualCalculator.grant(monthly, d("2026-03-01"), d("2025-03-16"), null, null).get().amount())
                .isEqualTo(800); // 11 whole months on Mar 1 2026
        assertThat(TimeAccrualCalculator.grant(monthly, d("2026-04-01"), d("2025-03-16"), null, null).get().amount())
                .isEqualTo(1000);
        assertThat(TimeAccrualCalculator.grant(monthly, d("2026-04-02"), d("2025-03-16"), null, null)).isEmpty();
    }

    // ---- bank cap, hours worked, carryover, expiration --------------------------------------

    @Test
    void bankCapReachedThenUsageThenAccrualAgain() {
        long cap = 2000;
        long accrued = 0;
        long used = 0;
        long[] grants = new long[4];
        for (int i = 0; i < 4; i++) {
            grants[i] = BankCap.grant(800, accrued - used, cap);
            accrued += grants[i];
        }
        assertThat(grants).containsExactly(800, 800, 400, 0);
        used += 1000; // time off taken
        assertThat(BankCap.grant(800, accrued - used, cap)).isEqualTo(800);
        assertThat(BankCap.grant(800, 1900, null)).isEqualTo(800);
        assertThat(BankCap.grant(800, 2500, cap)).isZero(); // already over (cap lowered)
        assertThat(BankCap.grant(0, 0, cap)).isZero();
    }

    @Test
    void carryoverSplit() {
        assertThat(CarryoverCalculator.split(5000, 2400L)).isEqualTo(new CarryoverCalculator.Split(2400, 2600));
        assertThat(CarryoverCalculator.split(1000, 2400L)).isEqualTo(new CarryoverCalculator.Split(1000, 0));
        assertThat(CarryoverCalculator.split(5000, null)).isEqualTo(new CarryoverCalculator.Split(5000, 0));
        assertThat(CarryoverCalculator.split(5000, 0L)).isEqualTo(new CarryoverCalculator.Split(0, 5000));
        assertThat(CarryoverCalculator.split(-300, 2400L)).isEqualTo(new CarryoverCalculator.Split(0, 0));
    }

    @Test
    void expirationAmounts() {
        assertThat(ExpirationCalculator.expireAvailable(1200)).isEqualTo(1200);
        assertThat(ExpirationCalculator.expireAvailable(-50)).isZero();
        assertThat(ExpirationCalculator.expireCarried(2400, 1000, 5000)).isEqualTo(1400); // usage draws carried first
        assertThat(ExpirationCalculator.expireCarried(2400, 3000, 5000)).isZero();
        assertThat(ExpirationCalculator.expireCarried(2400, 0, 1000)).isEqualTo(1000); // never below zero
        assertThat(ExpirationCalculator.expireCarried(2400, -100, 5000)).isEqualTo(2400);
    }
}
