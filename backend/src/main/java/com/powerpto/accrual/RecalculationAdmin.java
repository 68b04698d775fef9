package com.powerpto.accrual;

import com.powerpto.employee.EmployeeService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The admin endpoint's use case: checks, then one recalculation in one transaction. */
@Service
class RecalculationAdmin {

    private final AccrualRecalculation recalculation;
    private final EmployeeService employees;
    private final Clock clock;

    RecalculationAdmin(AccrualRecalculation recalculation, EmployeeService employees, Clock clock) {
        this.recalculation = recalculation;
        this.employees = employees;
        this.clock = clock;
    }

    /**
     * {@code through} (default: the last date the accrual worker completed) may not lie in the
     * future; without it and before the worker ever ran there is nothing to compare ({@code through: null}).
     */
    @Transactional
    public Map<String, Object> recalculate(Caller caller, UUID companyId, UUID employeeId, String through) {
        caller.adminOf(companyId);
        employees.get(companyId, employeeId); // 404 for another company's or an unknown employee
        Optional<LocalDate> last = through == null ? recalculation.horizon() : Optional.of(parse(through));
        if (last.isEmpty()) {
            return TimelinePoster.Result.none(null).toMap();
        }
        return recalculation.recalculateEmployee(companyId, employeeId, "recalculation requested by an admin",
                last.get(), caller.userId()).toMap();
    }

    private LocalDate parse(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("through", "must be a date YYYY-MM-DD");
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("through", "must not be in the future");
        }
        return date;
    }
}
