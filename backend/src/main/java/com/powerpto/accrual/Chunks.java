package com.powerpto.accrual;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs a per-row job in chunks, one transaction per chunk; a chunk that fails is retried row by
 * row (one transaction each), so one bad row costs one error and never the run.
 */
final class Chunks {

    private static final Logger log = LoggerFactory.getLogger(Chunks.class);

    private Chunks() {
    }

    /** What one row did: counts to add to its company's totals. */
    interface RowWork<T> {
        RunCounts apply(T row);
    }

    static <T> void run(List<T> rows, int chunkSize, TransactionTemplate tx, BatchGate gate, Function<T, UUID> company,
                        RowWork<T> work, Map<UUID, RunCounts> byCompany, String what) {
        int batch = 0;
        for (int from = 0; from < rows.size(); from += chunkSize) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + chunkSize));
            gate.beforeBatch(batch++);
            try {
                Map<UUID, RunCounts> chunkCounts = tx.execute(status -> {
                    Map<UUID, RunCounts> counts = new HashMap<>();
                    for (T row : chunk) {
                        counts.computeIfAbsent(company.apply(row), k -> new RunCounts()).add(work.apply(row));
                    }
                    return counts;
                });
                chunkCounts.forEach((c, counts) -> byCompany.computeIfAbsent(c, k -> new RunCounts()).add(counts));
            } catch (BatchGate.StopRequested e) {
                throw e;
            } catch (RuntimeException chunkFailure) {
                log.warn("{} chunk failed, retrying its {} rows one by one: {}", what, chunk.size(), chunkFailure.toString());
                for (T row : chunk) {
                    RunCounts target = byCompany.computeIfAbsent(company.apply(row), k -> new RunCounts());
                    try {
                        target.add(tx.execute(status -> work.apply(row)));
                    } catch (RuntimeException rowFailure) {
                        target.processed++;
                        target.errors++;
                        log.error("{} failed for {}: {}", what, row, rowFailure.toString());
                    }
                }
            }
        }
    }
}
