package com.powerpto.ledger;

import java.util.UUID;

/** A snapshot that disagrees with the sums of its ledger. */
public record ReconciliationMismatch(UUID companyId, UUID employeeId, UUID policyId, Balance snapshot, Balance ledger) {
}
