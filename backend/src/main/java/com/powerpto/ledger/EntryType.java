package com.powerpto.ledger;

/** Ledger entry types, with the sign each amount must have and which balance bucket it moves. */
public enum EntryType {
    ACCRUAL(Sign.NON_NEGATIVE, Bucket.ACCRUED),
    HOLD(Sign.NEGATIVE, Bucket.HELD),
    HOLD_RELEASE(Sign.POSITIVE, Bucket.HELD),
    USAGE(Sign.NEGATIVE, Bucket.USED),
    USAGE_REVERSAL(Sign.POSITIVE, Bucket.USED),
    ADJUSTMENT(Sign.NON_ZERO, Bucket.ACCRUED),
    EXPIRATION(Sign.NON_POSITIVE, Bucket.ACCRUED),
    CARRYOVER(Sign.NON_NEGATIVE, Bucket.ACCRUED),
    /** A recalculated time-accrual date: what it earns now minus what the ledger held for it (docs/corrections.md). */
    ACCRUAL_CORRECTION(Sign.NON_ZERO, Bucket.ACCRUED);

    enum Sign { POSITIVE, NEGATIVE, NON_NEGATIVE, NON_POSITIVE, NON_ZERO }

    enum Bucket { ACCRUED, USED, HELD }

    private final Sign sign;
    private final Bucket bucket;

    EntryType(Sign sign, Bucket bucket) {
        this.sign = sign;
        this.bucket = bucket;
    }

    Bucket bucket() {
        return bucket;
    }

    boolean acceptsAmount(long amount) {
        return switch (sign) {
            case POSITIVE -> amount > 0;
            case NEGATIVE -> amount < 0;
            case NON_NEGATIVE -> amount >= 0;
            case NON_POSITIVE -> amount <= 0;
            case NON_ZERO -> amount != 0;
        };
    }
}
