package com.powerpto.ledger;

import java.util.List;

public record ReconciliationReport(long checked, List<ReconciliationMismatch> mismatches) {

    public boolean clean() {
        return mismatches.isEmpty();
    }
}
