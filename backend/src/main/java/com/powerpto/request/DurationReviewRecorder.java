package com.powerpto.request;

import com.powerpto.employee.EmployeeLocationChanged;
import com.powerpto.holiday.HolidaysChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Lists the requests whose duration a holiday change or an employee's new location may have
 * changed, in the transaction that made the change: approved requests are never changed
 * silently, an admin corrects them ({@link DurationCorrectionService}).
 */
@Component
class DurationReviewRecorder {

    private final DurationReviewRepository reviews;
    private final Clock clock;

    DurationReviewRecorder(DurationReviewRepository reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @EventListener
    void holidaysChanged(HolidaysChanged change) {
        if (!change.dates().isEmpty()) {
            reviews.touchByDates(change.companyId(), change.location(), change.dates(), change.cause(), clock.instant());
        }
    }

    @EventListener
    void locationChanged(EmployeeLocationChanged change) {
        String cause = "location changed from " + (change.before() == null ? "none" : change.before()) + " to "
                + (change.after() == null ? "none" : change.after());
        reviews.touchEmployee(change.companyId(), change.employeeId(), change.at(), cause, clock.instant());
    }
}
