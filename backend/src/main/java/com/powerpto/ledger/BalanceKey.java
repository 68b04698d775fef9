package com.powerpto.ledger;

import java.util.UUID;

/** One balance: an employee on a policy, inside a company. */
public record BalanceKey(UUID companyId, UUID employeeId, UUID policyId) {
}
