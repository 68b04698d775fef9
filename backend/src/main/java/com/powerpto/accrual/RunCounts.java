package com.powerpto.accrual;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counters of one run (or one company's share of it). {@code processed} = balances looked at,
 * {@code accrued} = ACCRUAL entries written, {@code skipped} = looked at and nothing to write
 * (already posted, bank cap reached, zero after proration, inactive employee), {@code errors} =
 * rows that failed; carryover/expiration runs count {@code carried}/{@code expired} entries.
 */
public final class RunCounts {

    public long processed;
    public long accrued;
    public long accruedMinutes;
    public long skipped;
    public long errors;
    public long carried;
    public long expired;
    public long expiredMinutes;

    public void add(RunCounts other) {
        processed += other.processed;
        accrued += other.accrued;
        accruedMinutes += other.accruedMinutes;
        skipped += other.skipped;
        errors += other.errors;
        carried += other.carried;
        expired += other.expired;
        expiredMinutes += other.expiredMinutes;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("processed", processed);
        map.put("accrued", accrued);
        map.put("accrued_minutes", accruedMinutes);
        map.put("carryovers_processed", carried);
        map.put("expirations_processed", expired);
        map.put("expired_minutes", expiredMinutes);
        map.put("skipped", skipped);
        map.put("errors", errors);
        return map;
    }
}
