package com.powerpto.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The e-mail loop of the worker (modes {@code worker} and {@code all}): every
 * {@code pto.notifications.poll-interval} (PT5S) it sends due outbox rows, and once per UTC day
 * it runs the daily notification jobs. Several workers may run: the outbox claim keeps them apart.
 */
@Component
@ConditionalOnProperty(name = "pto.worker.enabled", havingValue = "true")
public class NotificationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);
    private static final int BATCH = 200;

    private final OutboxDelivery delivery;
    private final List<DailyNotificationJob> dailyJobs;
    private final Clock clock;
    private final Duration interval;
    private final Object wake = new Object();
    private volatile boolean stopping;
    private volatile Thread thread;
    private LocalDate lastDailyRun;

    public NotificationWorker(OutboxDelivery delivery, List<DailyNotificationJob> dailyJobs, Clock clock,
                              @Value("${pto.notifications.poll-interval:PT5S}") Duration interval) {
        this.delivery = delivery;
        this.dailyJobs = dailyJobs;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void start() {
        stopping = false;
        Thread t = new Thread(this::loop, "notification-worker");
        thread = t;
        t.start();
        log.info("notification worker started (interval {})", interval);
    }

    private void loop() {
        while (!stopping) {
            try {
                runDailyJobs();
                OutboxDelivery.Pass pass;
                do {
                    pass = delivery.deliverDue(clock.instant(), BATCH);
                } while (!stopping && pass.total() == BATCH);
            } catch (RuntimeException e) {
                log.error("notification worker pass failed: {}", e.toString(), e);
            }
            synchronized (wake) {
                try {
                    if (!stopping) {
                        wake.wait(interval.toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
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

    @Override
    public void stop() {
        stopping = true;
        synchronized (wake) {
            wake.notifyAll();
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
