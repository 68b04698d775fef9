package com.powerpto.ledger;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** Filters of ledger listings and exports; null means "any". Dates are inclusive, in UTC. */
public record LedgerFilter(UUID employeeId, UUID policyId, LocalDate startDate, LocalDate endDate) {

    String where(UUID companyId, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE company_id = :company");
        params.put("company", companyId);
        if (employeeId != null) {
            where.append(" AND employee_id = :employee");
            params.put("employee", employeeId);
        }
        if (policyId != null) {
            where.append(" AND policy_id = :policy");
            params.put("policy", policyId);
        }
        if (startDate != null) {
            where.append(" AND effective_at >= :start");
            params.put("start", startDate.atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (endDate != null) {
            where.append(" AND effective_at < :end");
            params.put("end", endDate.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return where.toString();
    }
}
