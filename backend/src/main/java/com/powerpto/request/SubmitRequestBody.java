package com.powerpto.request;

import java.util.UUID;

/**
 * Body of submit and preview. Datetimes stay strings until the employee's time zone is known:
 * one without an offset is local time there (what a browser's datetime-local input sends).
 */
public record SubmitRequestBody(UUID employeeId, UUID policyId, String startAt, String endAt, String reason,
                                String idempotencyKey) {
}
