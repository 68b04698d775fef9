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
}
