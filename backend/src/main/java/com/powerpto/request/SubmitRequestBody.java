package com.powerpto.request;

import java.util.UUID;

/**
 * Body of submit and preview. Datetimes stay strings until the employee's time zone is known:
 * one without an offset is local time there (what a browser's datetime-local input sends).
 * {@code approve} (a manager or admin entering time off for someone else) approves it at once;
 * {@code ruleOverrideReason} lets an admin submit past the policy's request rules.
 */
public record SubmitRequestBody(UUID employeeId, UUID policyId, String startAt, String endAt, String reason,
                                String idempotencyKey, Boolean approve, String ruleOverrideReason) {

    public SubmitRequestBody(UUID employeeId, UUID policyId, String startAt, String endAt, String reason,
                             String idempotencyKey) {
        this(employeeId, policyId, startAt, endAt, reason, idempotencyKey, null, null);
    }
}
