package com.powerpto.ledger;

/**
 * The sums of one balance's ledger, in minutes. Amounts carry their sign in the ledger, so
 * {@code available = accrued − used − held} is also simply the sum of every amount.
 */
public record Balance(long accrued, long used, long held) {

    public static final Balance ZERO = new Balance(0, 0, 0);

    public long available() {
        return accrued - used - held;
    }

    /** Banked time for the bank cap: what was earned and not yet spent (holds do not count). */
    public long banked() {
        return accrued - used;
    }

    public Balance plus(EntryType type, long amount) {
        return switch (type.bucket()) {
            case ACCRUED -> new Balance(accrued + amount, used, held);
            case USED -> new Balance(accrued, used - amount, held);
            case HELD -> new Balance(accrued, used, held - amount);
        };
    }
}
