package com.powerpto.policy.settings;

import java.util.List;

/** What both accrual shapes share: limits, tiers, carryover and expiration. */
public sealed interface AccrualSettings extends PolicySettings permits TimeAccrualSettings, HoursWorkedSettings {

    List<TenureTier> tenureTiers();

    Carryover carryover();

    Expiration expiration();

    @Override
    default String type() {
        return "ACCRUAL";
    }
}
