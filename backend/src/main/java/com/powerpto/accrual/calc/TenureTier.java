package com.powerpto.accrual.calc;

/** From {@code minMonths} whole months of tenure on, the rate per period is {@code rateMinutes}. */
public record TenureTier(int minMonths, long rateMinutes) {

    public TenureTier {
        if (minMonths < 0) {
            throw new IllegalArgumentException("min_months must be >= 0");
        }
        if (rateMinutes <= 0) {
            throw new IllegalArgumentException("accrual_rate_minutes must be > 0");
        }
    }
}
