package com.powerpto.accrual;

/** The accrual jobs: the {@code accrual_runs.job} value and the {@code job} tag of the metrics. */
public enum JobKind {
    TIME_ACCRUAL("time_accrual"), CARRYOVER("carryover"), EXPIRATION("expiration"), PAYROLL("payroll");

    private final String tag;

    JobKind(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
