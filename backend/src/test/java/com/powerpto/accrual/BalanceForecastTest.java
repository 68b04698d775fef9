package com.powerpto.accrual;

import com.powerpto.accrual.calc.BalanceForecast;
import com.powerpto.accrual.calc.ExpectedAccruals;
import com.powerpto.accrual.calc.Frequency;
import com.powerpto.accrual.calc.Proration;
import com.powerpto.accrual.calc.TimeAccrualRule;
import com.powerpto.accrual.calc.Timing;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast calculator against hand-computed figures (fixed dates; the HTTP test covers the endpoint). */
class BalanceForecastTest {

    static final UUID V = UUID.randomUUID();

    static List<ExpectedAccruals.Expected> monthly(long rate, String from, String through) {
        var rule = new TimeAccrualRule(Frequency.MONTHLY, Timing.START_OF_PERIOD, rate, Proration.NONE, List.of());
        return ExpectedAccruals.expected(List.of(new ExpectedAccruals.Span(LocalDate.parse(from), null)),
                List.of(new ExpectedAccruals.Version(V, LocalDate.parse("2020-01-01"), null, rule, null)), null,
                LocalDate.parse(through), List.of());
    }

    @Test
    void accrualsThenCarryoverForfeitThenCarriedExpiry() {
        // Today 2026-12-03, 1,000 available. Dec 1 is posted; Jan 1, Feb 1, Mar 1 (800 each) are scheduled up to Mar 15.
        // Jan 1: carryover first: 1,000 → cap 600 carried, 400 forfeited; then +800 → 1,400.
        // Feb 1: +800 → 2,200. Carried 600 expire after 45 days = Feb 15: −600 → 1,600. Mar 1: +800 → 2,400.
        var scheduled = monthly(800, "2026-01-01", "2027-03-15");
        var rules = new BalanceForecast.Rules(null, true, 600L, 45, null);
        var r = BalanceForecast.project(LocalDate.parse("2026-12-03"), LocalDate.parse("2027-03-15"), 1000, 1000,
                scheduled, rules, List.of());
        assertThat(r.scheduledAccrualMinutes()).isEqualTo(2400);
        assertThat(r.expiringMinutes()).isEqualTo(400 + 600);
        assertThat(r.projectedAvailableMinutes()).isEqualTo(2400);
        // issue 26: what the projection contains, date by date, so the preview can say it
        assertThat(r.forfeits()).containsExactly(
                new BalanceForecast.Forfeit(LocalDate.parse("2027-01-01"), BalanceForecast.ForfeitKind.CARRYOVER_CAP, 400),
                new BalanceForecast.Forfeit(LocalDate.parse("2027-02-15"), BalanceForecast.ForfeitKind.CARRIED_EXPIRY, 600));
        assertThat(r.cappedMinutes()).isZero();
    }

    @Test
    void fixedDateExpirationAndBankCapOnTheWay() {
        // 1,500 available (banked 1,700: 200 held). Cap 2,000. Jan 1 +300 (cap: 2,000 − 1,700), Feb 1 +0;
        // Mar 31 everything available expires (1,800); Apr 1 +800 → 800.
        var scheduled = monthly(800, "2026-01-01", "2027-04-10");
        var rules = new BalanceForecast.Rules(2000L, false, null, null, MonthDay.of(3, 31));
        var r = BalanceForecast.project(LocalDate.parse("2026-12-03"), LocalDate.parse("2027-04-10"), 1500, 1700,
                scheduled, rules, List.of());
        assertThat(r.scheduledAccrualMinutes()).isEqualTo(300 + 0 + 0 + 800);
        assertThat(r.expiringMinutes()).isEqualTo(1800);
        assertThat(r.projectedAvailableMinutes()).isEqualTo(800);
        assertThat(r.forfeits()).containsExactly(
                new BalanceForecast.Forfeit(LocalDate.parse("2027-03-31"), BalanceForecast.ForfeitKind.EXPIRATION, 1800));
        assertThat(r.cappedMinutes()).isEqualTo(500 + 800 + 800); // Jan 500 of 800 withheld, Feb and Mar all
    }

    @Test
    void carriedMinutesAlreadyInTheBalanceExpireOnTheirDate() {
        // 700 of last year's carried minutes are left and expire on 2026-12-20; nothing scheduled.
        var r = BalanceForecast.project(LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-31"), 1000, 1000, List.of(),
                new BalanceForecast.Rules(null, false, null, null, null),
                List.of(new BalanceForecast.CarriedExpiry(LocalDate.parse("2026-12-20"), 700)));
        assertThat(r.expiringMinutes()).isEqualTo(700);
        assertThat(r.projectedAvailableMinutes()).isEqualTo(300);
        var before = BalanceForecast.project(LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-19"), 1000, 1000,
                List.of(), new BalanceForecast.Rules(null, false, null, null, null),
                List.of(new BalanceForecast.CarriedExpiry(LocalDate.parse("2026-12-20"), 700)));
        assertThat(before.projectedAvailableMinutes()).isEqualTo(1000);
    }

    @Test
    void carryoverHappensOnAFiscalResetDateNotOnTheFirstOfJanuary() {
        // 3,000 available on 2026-12-03, cap 1,200, fiscal year from 1 April; nothing scheduled.
        // Jan 1 passes untouched; Apr 1: 1,200 carried, 1,800 forfeited.
        var rules = new BalanceForecast.Rules(null, true, 1200L, null, null,
                com.powerpto.accrual.calc.CarryoverDates.Rule.of(null, 4, 1), null);
        var march = BalanceForecast.project(LocalDate.parse("2026-12-03"), LocalDate.parse("2027-03-31"), 3000, 3000,
                List.of(), rules, List.of());
        assertThat(march.projectedAvailableMinutes()).isEqualTo(3000);
        assertThat(march.expiringMinutes()).isZero();
        var april = BalanceForecast.project(LocalDate.parse("2026-12-03"), LocalDate.parse("2027-04-01"), 3000, 3000,
                List.of(), rules, List.of());
        assertThat(april.projectedAvailableMinutes()).isEqualTo(1200);
        assertThat(april.expiringMinutes()).isEqualTo(1800);
        // two resets on the way (Apr 2027, Apr 2028) with monthly 100 from Jan 2027:
        // Jan-Mar +300 → 3,300; Apr 1 2027: carryover 1,200 (2,100 forfeited), +100 → 1,300;
        // May 2027-Mar 2028 +1,100 → 2,400; Apr 1 2028: 1,200 (1,200 forfeited), +100 → 1,300.
        var twoYears = BalanceForecast.project(LocalDate.parse("2026-12-03"), LocalDate.parse("2028-04-01"), 3000, 3000,
                monthly(100, "2027-01-01", "2028-04-01"), rules, List.of());
        assertThat(twoYears.expiringMinutes()).isEqualTo(2100 + 1200);
        assertThat(twoYears.projectedAvailableMinutes()).isEqualTo(1300);
    }

    @Test
    void carryoverOnTheHireAnniversaryNeedsTheAnchor() {
        var anniversary = com.powerpto.accrual.calc.CarryoverDates.Rule.of("HIRE_ANNIVERSARY", null, null);
        var hired = new BalanceForecast.Rules(null, true, 500L, null, null, anniversary, LocalDate.parse("2019-06-10"));
        var dayBefore = BalanceForecast.project(LocalDate.parse("2026-12-03"), LocalDate.parse("2027-06-09"), 2000, 2000,
                List.of(), hired, List.of());
        assertThat(dayBefore.projectedAvailableMinutes()).isEqualTo(2000);
        var onTheDay = BalanceForecast.project(LocalDate.parse("2026-12-03"), LocalDate.parse("2027-06-10"), 2000, 2000,
                List.of(), hired, List.of());
        assertThat(onTheDay.projectedAvailableMinutes()).isEqualTo(500);
        assertThat(onTheDay.expiringMinutes()).isEqualTo(1500);
        // without an anchor an anniversary rule has no reset date: nothing is forfeited
        var noAnchor = new BalanceForecast.Rules(null, true, 500L, null, null, anniversary, null);
        assertThat(BalanceForecast.project(LocalDate.parse("2026-12-03"), LocalDate.parse("2028-01-01"), 2000, 2000,
                List.of(), noAnchor, List.of()).projectedAvailableMinutes()).isEqualTo(2000);
    }
}
