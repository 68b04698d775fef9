package com.powerpto.accrual;

/** Who started a run ({@code accrual_runs.trigger}). */
public enum RunTrigger {
    WORKER, ADMIN, WEBHOOK
}
