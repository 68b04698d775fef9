package com.powerpto.request;

import java.util.List;
import java.util.UUID;

/**
 * What one correction did: each request corrected (minutes before and after, and the ledger entry
 * that carried the difference), and how many listed requests needed nothing.
 */
public record DurationCorrection(int corrected, int unchanged, List<Item> items) {

    /** {@code status}: the request's status afterwards (CANCELLED when no working time is left). */
    public record Item(UUID requestId, long minutesBefore, long minutesAfter, String entryType, long amountMinutes,
                       RequestStatus status) {
    }
}
