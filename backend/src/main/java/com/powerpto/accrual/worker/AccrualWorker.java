package com.powerpto.accrual.worker;

import com.powerpto.accrual.AccrualService;
import com.powerpto.accrual.BatchGate;
import com.powerpto.accrual.JobProgressRepository;
import com.powerpto.platform.process.PollingWorker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The accrual worker loop ({@code pto.worker.enabled=true}: modes {@code worker} and {@code all}):
 * a dedicated thread runs a {@link WorkerCycle} after {@code pto.worker.initial-delay} and then every
 * {@code pto.worker.interval} (default PT1H). On shutdown (SIGTERM) a stop asks the
 * cycle to stop before its next batch: the current batch commits or rolls back whole, the date in
 * progress stays unrecorded and is run again by the next start.
 */
@Component
@ConditionalOnProperty(name = "pto.worker.enabled", havingValue = "true")
public class AccrualWorker extends PollingWorker {

    private final WorkerCycle cycle;

    @org.springframework.beans.factory.annotation.Autowired
    public AccrualWorker(DataSource dataSource, AccrualService accruals, JobProgressRepository progress, Clock clock,
                         @Value("${pto.worker.interval:PT1H}") Duration interval,
                         @Value("${pto.worker.initial-delay:PT5S}") Duration initialDelay) {
        this(new WorkerCycle(dataSource, accruals, progress, () -> LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                WorkerCycle.DEFAULT_JOB, null, WorkerCycle.DEFAULT_LOCK_KEY), interval, initialDelay);
    }

    public AccrualWorker(WorkerCycle cycle, Duration interval, Duration initialDelay) {
        super("accrual-worker", interval, initialDelay);
        this.cycle = cycle;
    }

    @Override
    protected void poll() {
        cycle.runOnce(batch -> {
            if (stopping()) {
                throw new BatchGate.StopRequested();
            }
        });
    }
}
