package com.powerpto.accrual.calc;

import java.util.List;

/** The part of a TIME policy version that decides what one assignment earns on a date. */
public record TimeAccrualRule(Frequency frequency, Timing timing, long rateMinutes, Proration proration,
                              List<TenureTier> tenureTiers) {

    public TimeAccrualRule {
        tenureTiers = tenureTiers == null ? List.of() : List.copyOf(tenureTiers);
        if (rateMinutes <= 0) {
            throw new IllegalArgumentException("rate must be > 0");
        }
    }
}
