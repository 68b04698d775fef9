package com.powerpto.accrual.worker;

import com.powerpto.accrual.AccrualRecalculation;
import com.powerpto.accrual.BatchGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import com.powerpto.platform.process.PollingWorker;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Works off the recalculation queue (policy versions effective in the past, docs/corrections.md)
 * every {@code pto.recalc.poll-interval} (default 30 s) in the worker process. Claims use SKIP
 * LOCKED and a balance leaves the queue in the transaction that posts its corrections, so replicas
 * may poll at the same time and a crash leaves the work queued.
 */
@Component
@ConditionalOnProperty(name = "pto.worker.enabled", havingValue = "true")
public class RecalcQueueWorker extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(RecalcQueueWorker.class);

    private final AccrualRecalculation recalculation;
    private final int batch;

    public RecalcQueueWorker(AccrualRecalculation recalculation,
                             @Value("${pto.recalc.poll-interval:PT30S}") Duration interval,
                             @Value("${pto.recalc.batch-size:1000}") int batch) {
        super("recalc-queue", interval);
        this.recalculation = recalculation;
        this.batch = Math.max(1, batch);
    }

    @Override
    protected void poll() {
        try {
            var result = recalculation.processQueue(batch, round -> {
                if (stopping()) {
                    throw new BatchGate.StopRequested();
                }
            });
            if (result.balancesChecked() > 0) {
                log.info("recalculation queue: {}", result.toMap());
            }
        } catch (BatchGate.StopRequested e) {
            // stopping: the rest stays queued for the next start
        }
    }
}
