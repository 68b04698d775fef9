package com.powerpto.assignment;

import java.util.List;
import java.util.UUID;

/** What a bulk assignment did: the assignments it created and whom it skipped, and why. */
public record BulkAssignmentResult(int matched, List<Assignment> created, List<Skipped> skipped) {

    public record Skipped(UUID employeeId, String reason) {
    }
}
