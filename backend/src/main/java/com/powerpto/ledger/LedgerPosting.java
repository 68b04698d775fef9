package com.powerpto.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry to append. {@code (sourceType, sourceId, type)} is unique in the ledger: posting the
 * same triple twice appends nothing the second time, which is what makes every writer idempotent.
 */
public record LedgerPosting(EntryType type, long amountMinutes, UUID policyVersionId, Instant effectiveAt,
                            SourceType sourceType, String sourceId, Map<String, Object> metadata) {

    public LedgerPosting {
        if (!type.acceptsAmount(amountMinutes)) {
            throw new IllegalArgumentException(type + " cannot carry the amount " + amountMinutes);
        }
        if (amountMinutes > Integer.MAX_VALUE || amountMinutes < -Integer.MAX_VALUE) { // not Math.abs: |Long.MIN_VALUE| < 0
            throw new IllegalArgumentException("amount out of range: " + amountMinutes);
        }
    }
}
