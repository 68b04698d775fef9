package com.powerpto.accrual.calc;

/** How often a time-based policy accrues: calendar days, calendar months or calendar years. */
public enum Frequency {
    DAILY, MONTHLY, YEARLY
}
