package com.powerpto.accrual;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One run of one job for one date (all companies when {@code companyId} is null). {@code complete}
 * is false when the run was stopped between batches (shutdown): such a run is never recorded.
 */
public record RunResult(UUID runId, JobKind job, LocalDate targetDate, UUID companyId, RunTrigger trigger,
                        Instant startedAt, RunCounts totals, Map<UUID, RunCounts> byCompany, boolean complete) {
}
