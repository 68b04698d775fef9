package com.powerpto.imports;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer of an import: how many data rows were read, what was (or, in a dry run, would be)
 * created and updated, and every problem with its row (header = row 1) and column.
 * {@code invites} lists the one-time invitation tokens of a real run with {@code invite=true}.
 */
public record ImportReport(int rows, int created, int updated, int unchanged, boolean dryRun,
                           List<Problem> errors,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<Invite> invites) {

    /**
     * One problem of one row: {@code message} is the English sentence; {@code code} (a stable
     * snake_case name) and {@code params} (the values in it) let a client say it in its reader's
     * language (issue 26). Both are additions: existing clients read {@code row, column, message}.
     */
    public record Problem(int row, String column, String message, String code, Map<String, Object> params) {

        public Problem {
            params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }

        static Problem of(int row, String column, String code, String message) {
            return new Problem(row, column, message, code, Map.of());
        }

        static Problem of(int row, String column, String code, String message, Map<String, Object> params) {
            return new Problem(row, column, message, code, params);
        }
    }

    public record Invite(UUID employeeId, String email, String inviteToken) {
    }
}
