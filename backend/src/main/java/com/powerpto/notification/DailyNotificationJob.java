package com.powerpto.notification;

import java.time.LocalDate;

/** A job that writes notifications once a day (the forfeit warnings); run by {@link NotificationWorker}. */
public interface DailyNotificationJob {

    /** Writes the day's messages; idempotent (outbox dedupe keys), so a rerun of a day adds nothing. */
    int run(LocalDate day);

    String name();
}
