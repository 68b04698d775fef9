package com.powerpto.accrual.timeline;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One dated system entry of a balance's timeline: what the ledger must hold for it ({@code amount},
 * signed as the ledger carries it: grants positive, forfeitures negative), the rule that made it
 * ({@code kind}), which occurrence it is ({@code ref}: the grant date, the reset year, the payroll
 * run id, …; with the kind it identifies the event for ever) and the figures behind it ({@code cause}).
 */
public record TimelineEvent(LocalDate date, Kind kind, String ref, long amount, UUID versionId, Map<String, Object> cause) {

    public enum Kind {
        /** A time grant (rate, tenure tier, proration, part-time, bank cap) on its posting date. */
        GRANT,
        /** An hours-worked grant of a payroll run, on the period's last day. */
        PAYROLL,
        /** The carryover of a reset date: minus what exceeds the cap (the carried minutes are in {@code cause}). */
        CARRYOVER,
        /** The fixed yearly expiry date of the policy. */
        EXPIRY_ON_DATE,
        /** {@code expires_after_days} after the last grant ({@code ref} = that grant's date). */
        EXPIRY_AFTER_LAST_GRANT,
        /** Carried minutes not used by the end of their {@code expires_after_days} ({@code ref} = reset year). */
        CARRIED_EXPIRY;

        /** Whether the kind takes minutes away (a forfeiture). */
        public boolean forfeits() {
            return this != GRANT && this != PAYROLL;
        }
    }

    /** The identity of the event: kind and occurrence. */
    public Key key() {
        return new Key(kind, ref);
    }

    public record Key(Kind kind, String ref) {
    }
}
