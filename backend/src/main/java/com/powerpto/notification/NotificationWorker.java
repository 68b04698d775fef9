package com.powerpto.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import com.powerpto.platform.process.PollingWorker;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The e-mail loop of the worker (modes {@code worker} and {@code all}): every
 * {@code pto.notifications.poll-interval} (PT5S) it sends due outbox rows, and once per UTC day
 * it runs the daily notification jobs. Several workers may run: the outbox claim keeps them apart.
 */
@Component
@ConditionalOnProperty(name = "pto.worker.enabled", havingValue = "true")
public class NotificationWorker extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);
    private static final int BATCH = 200;

    private final OutboxDelivery delivery;
    private final List<DailyNotificationJob> dailyJobs;
    private final Clock clock;
    private LocalDate lastDailyRun;

    public NotificationWorker(OutboxDelivery delivery, List<DailyNotificationJob> dailyJobs, Clock clock,
                              @Value("${pto.notifications.poll-interval:PT5S}") Duration interval) {
        super("notification-worker", interval);
        this.delivery = delivery;
        this.dailyJobs = dailyJobs;
        this.clock = clock;
    }

    @Override
    protected void poll() {
        runDailyJobs();
        OutboxDelivery.Pass pass;
        do {
            pass = delivery.deliverDue(clock.instant(), BATCH);
        } while (!stopping() && pass.total() == BATCH);
    }

    private void runDailyJobs() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (today.equals(lastDailyRun)) {
            return;
        }
        for (DailyNotificationJob job : dailyJobs) {
            int written = job.run(today);
            log.info("daily notification job {} for {}: {} message(s) queued", job.name(), today, written);
        }
        lastDailyRun = today;
    }
}
