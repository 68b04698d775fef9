package com.powerpto.accrual;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code accrual.job.success} / {@code accrual.job.failure} with tag {@code job}: names used verbatim
 * by the Terraform alarms (docs/metrics.md). A run with row errors counts as a failure.
 */
@Component
public class AccrualMetrics {

    public static final String SUCCESS = "accrual.job.success";
    public static final String FAILURE = "accrual.job.failure";

    private final MeterRegistry registry;

    public AccrualMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void success(JobKind job) {
        counter(SUCCESS, job).increment();
    }

    public void failure(JobKind job) {
        counter(FAILURE, job).increment();
    }

    public void outcome(RunResult result) {
        if (result.totals().errors > 0) {
            failure(result.job());
        } else {
            success(result.job());
        }
    }

    private Counter counter(String name, JobKind job) {
        return Counter.builder(name).tag("job", job.tag()).description("accrual job runs").register(registry);
    }
}
