package com.powerpto.lifecycle;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.powerpto.employee.Employee;

import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code POST …/terminate}: the Employee (every field of the contract's shape, with
 * {@code status} and {@code termination_date}) plus what the termination did, so the admin sees at
 * once whom to reassign. {@code trimmedRequests} (issue 24, additive): approved requests across the
 * last day, whose days after it were given back. A replay of the same termination answers empty lists.
 */
public record TerminationResult(@JsonUnwrapped Employee employee, List<UUID> endedAssignments,
                                List<UUID> cancelledRequests, List<UUID> reversedRequests,
                                List<Report> reportsWithoutManager, List<UUID> trimmedRequests) {

    /** A direct report left without a manager. */
    public record Report(UUID id, String firstName, String lastName, String email) {
    }
}
