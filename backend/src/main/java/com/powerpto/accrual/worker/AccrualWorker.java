package com.powerpto.accrual.worker;

import com.powerpto.accrual.AccrualService;
import com.powerpto.accrual.BatchGate;
import com.powerpto.accrual.JobProgressRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The accrual worker loop ({@code pto.worker.enabled=true}: modes {@code worker} and {@code all}):
 * a dedicated thread runs a {@link WorkerCycle} after {@code pto.worker.initial-delay} and then every
 * {@code pto.worker.interval} (default PT1H). On shutdown (SIGTERM) {@link #stop(Runnable)} asks the
 * cycle to stop before its next batch: the current batch commits or rolls back whole, the date in
 * progress stays unrecorded and is run again by the next start.
 */
@Component
@ConditionalOnProperty(name = "pto.worker.enabled", havingValue = "true")
public class AccrualWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccrualWorker.class);

    private final WorkerCycle cycle;
    private final Duration interval;
    private final Duration initialDelay;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean stopping;
    private volatile Thread thread;

    @org.springframework.beans.factory.annotation.Autowired
    public AccrualWorker(DataSource dataSource, AccrualService accruals, JobProgressRepository progress, Clock clock,
                         @Value("${pto.worker.interval:PT1H}") Duration interval,
                         @Value("${pto.worker.initial-delay:PT5S}") Duration initialDelay) {
        this(new WorkerCycle(dataSource, accruals, progress, () -> LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                WorkerCycle.DEFAULT_JOB, null, WorkerCycle.DEFAULT_LOCK_KEY), interval, initialDelay);
    }

    public AccrualWorker(WorkerCycle cycle, Duration interval, Duration initialDelay) {
        this.cycle = cycle;
        this.interval = interval;
        this.initialDelay = initialDelay;
    }

    @Override
    public void start() {
        stopping = false;
        Thread t = new Thread(this::loop, "accrual-worker");
        t.setDaemon(false);
        thread = t;
        t.start();
        log.info("accrual worker started (interval {}, initial delay {})", interval, initialDelay);
    }

    private void loop() {
        if (!sleep(initialDelay)) {
            return;
        }
        while (!stopping) {
            try {
                cycle.runOnce(batch -> {
                    if (stopping) {
                        throw new BatchGate.StopRequested();
                    }
                });
            } catch (RuntimeException e) {
                log.error("accrual worker cycle failed: {}", e.toString(), e);
            }
            if (!sleep(interval)) {
                return;
            }
        }
    }

    /** Sleeps unless stopped; false when stopping. */
    private boolean sleep(Duration duration) {
        lock.lock();
        try {
            long nanos = duration.toNanos();
            while (!stopping && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
        return !stopping;
    }

    @Override
    public void stop(Runnable callback) {
        stop();
        callback.run();
    }

    @Override
    public void stop() {
        stopping = true;
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                log.warn("accrual worker did not stop within 20 s; its open batch rolls back when the process exits");
            }
        }
        thread = null;
        log.info("accrual worker stopped");
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stop before the web server and the connection pool (highest phase stops first). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
