package com.powerpto.accrual.calc;

/** Whether a period's accrual is posted on its first or its last day. */
public enum Timing {
    START_OF_PERIOD, END_OF_PERIOD
}
