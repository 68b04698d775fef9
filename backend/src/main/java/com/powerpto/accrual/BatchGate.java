package com.powerpto.accrual;

/**
 * Called before each batch transaction of a run. The worker's gate throws {@link StopRequested}
 * when the process is shutting down, so a run ends between batches (a batch is always committed
 * or rolled back whole, and a stopped date is never recorded as completed). Tests use it to
 * simulate a crash between batches.
 */
@FunctionalInterface
public interface BatchGate {

    BatchGate OPEN = batch -> { };

    void beforeBatch(int batchIndex);

    final class StopRequested extends RuntimeException {
        public StopRequested() {
            super("stop requested", null, false, false);
        }
    }
}
