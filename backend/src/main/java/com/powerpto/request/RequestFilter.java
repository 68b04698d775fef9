package com.powerpto.request;

import java.time.LocalDate;
import java.util.UUID;

/** List filters; null = any. {@code startDate}/{@code endDate} keep requests that overlap those days (UTC). */
public record RequestFilter(RequestStatus status, UUID policyId, UUID employeeId, LocalDate startDate, LocalDate endDate) {
}
