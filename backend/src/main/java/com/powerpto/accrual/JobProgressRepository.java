package com.powerpto.accrual;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Optional;

/** {@code job_progress}: the last date a worker job completed (catch-up starts the day after). */
@Repository
public class JobProgressRepository {

    private final JdbcClient jdbc;

    public JobProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocalDate> lastCompleted(String job) {
        return jdbc.sql("SELECT last_completed_date FROM job_progress WHERE job = :job").param("job", job)
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).optional();
    }

    /** The first date the job completed (the reconciliation's accrual check starts there). */
    public Optional<LocalDate> firstCompleted(String job) {
        return jdbc.sql("SELECT first_completed_date FROM job_progress WHERE job = :job").param("job", job)
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).optional();
    }

    /** Moves the job forward to {@code day} (never backwards); call in the date's last transaction. */
    public void complete(String job, LocalDate day) {
        jdbc.sql("""
                INSERT INTO job_progress (job, last_completed_date, first_completed_date) VALUES (:job, :day, :day)
                ON CONFLICT (job) DO UPDATE SET last_completed_date = EXCLUDED.last_completed_date, updated_at = now()
                WHERE job_progress.last_completed_date < EXCLUDED.last_completed_date
                """).param("job", job).param("day", day).update();
    }

    /** Sets the job's position (tests, operations: "start catching up from this date"). */
    public void set(String job, LocalDate day) {
        jdbc.sql("""
                INSERT INTO job_progress (job, last_completed_date, first_completed_date) VALUES (:job, :day, :day)
                ON CONFLICT (job) DO UPDATE SET last_completed_date = EXCLUDED.last_completed_date, updated_at = now()
                """).param("job", job).param("day", day).update();
    }
}
