package com.powerpto.holiday;

import com.powerpto.platform.process.PollingWorker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The worker's holiday upkeep loop ({@code pto.worker.enabled=true}: modes {@code worker} and
 * {@code all}): every {@code pto.holidays.upkeep-interval} (default PT1H) it fills in bound
 * locations' holidays that are due (next year's from the first of December, UTC).
 */
@Component
@ConditionalOnProperty(name = "pto.worker.enabled", havingValue = "true")
public class HolidayUpkeepWorker extends PollingWorker {

    private final HolidayUpkeep upkeep;
    private final Clock clock;

    public HolidayUpkeepWorker(HolidayUpkeep upkeep, Clock clock,
                               @Value("${pto.holidays.upkeep-interval:PT1H}") Duration interval,
                               @Value("${pto.worker.initial-delay:PT5S}") Duration initialDelay) {
        super("holiday-upkeep", interval, initialDelay);
        this.upkeep = upkeep;
        this.clock = clock;
    }

    @Override
    protected void poll() {
        upkeep.runDue(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), null);
    }
}
