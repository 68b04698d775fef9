package com.powerpto.ledger;

import java.util.List;

/** What a post appended (empty on a replay) and the balance after it. */
public record PostingResult(List<LedgerEntry> appended, Balance before, Balance after) {

    public boolean replayed() {
        return appended.isEmpty();
    }
}
