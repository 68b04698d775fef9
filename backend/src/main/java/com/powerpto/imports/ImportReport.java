package com.powerpto.imports;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * The answer of an import: how many data rows were read, what was (or, in a dry run, would be)
 * created and updated, and every problem with its row (header = row 1) and column.
 * {@code invites} lists the one-time invitation tokens of a real run with {@code invite=true}.
 */
public record ImportReport(int rows, int created, int updated, int unchanged, boolean dryRun,
                           List<Problem> errors,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<Invite> invites) {

    public record Problem(int row, String column, String message) {
    }

    public record Invite(UUID employeeId, String email, String inviteToken) {
    }
}
