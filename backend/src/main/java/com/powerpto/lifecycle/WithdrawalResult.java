package com.powerpto.lifecycle;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.powerpto.employee.Employee;

import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code DELETE …/employees/{eid}/termination} (issue 24): the Employee, employed again,
 * plus what the withdrawal restored and what it left as it was because someone changed it since
 * (assignment ends, manager links), and the requests the termination cancelled, reversed or cut at
 * the last day — they stay as they are.
 */
public record WithdrawalResult(@JsonUnwrapped Employee employee, List<UUID> restoredAssignments,
                               List<UUID> assignmentsChangedSince, List<UUID> restoredReports,
                               List<UUID> reportsChangedSince, List<UUID> cancelledRequests,
                               List<UUID> reversedRequests, List<UUID> trimmedRequests) {
}
