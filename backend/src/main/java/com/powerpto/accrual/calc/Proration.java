package com.powerpto.accrual.calc;

/** DAYS_ACTIVE: a period the assignment only partly covers earns rate × active days ÷ period days. */
public enum Proration {
    DAYS_ACTIVE, NONE
}
