package com.powerpto.accrual.worker;

import com.powerpto.accrual.AccrualRecalculation;
import com.powerpto.accrual.BatchGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Works off the recalculation queue (policy versions effective in the past, docs/corrections.md)
 * every {@code pto.recalc.poll-interval} (default 30 s) in the worker process. Claims use SKIP
 * LOCKED and a balance leaves the queue in the transaction that posts its corrections, so replicas
 * may poll at the same time and a crash leaves the work queued.
 */
@Component
@ConditionalOnProperty(name = "pto.worker.enabled", havingValue = "true")
public class RecalcQueueWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecalcQueueWorker.class);

    private final AccrualRecalculation recalculation;
    private final Duration interval;
    private final int batch;
    private volatile boolean stopping;
    private volatile Thread thread;

    public RecalcQueueWorker(AccrualRecalculation recalculation,
                             @Value("${pto.recalc.poll-interval:PT30S}") Duration interval,
                             @Value("${pto.recalc.batch-size:1000}") int batch) {
        this.recalculation = recalculation;
        this.interval = interval;
        this.batch = Math.max(1, batch);
    }

    @Override
    public void start() {
        stopping = false;
        Thread t = new Thread(this::loop, "recalc-queue");
        t.setDaemon(false);
        thread = t;
        t.start();
    }

    private void loop() {
        while (!stopping) {
            try {
                var result = recalculation.processQueue(batch, round -> {
                    if (stopping) {
                        throw new BatchGate.StopRequested();
                    }
                });
                if (result.balancesChecked() > 0) {
                    log.info("recalculation queue: {}", result.toMap());
                }
            } catch (BatchGate.StopRequested e) {
                return;
            } catch (RuntimeException e) {
                log.error("recalculation queue failed, retrying next poll: {}", e.toString());
            }
            try {
                synchronized (this) {
                    if (!stopping) {
                        wait(interval.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        synchronized (this) {
            notifyAll();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
