package com.powerpto.accrual;

import com.powerpto.platform.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** Manual accrual, carryover and expiration runs for one company (admins). */
@RestController
public class AccrualController {

    private final AccrualService accruals;

    public AccrualController(AccrualService accruals) {
        this.accruals = accruals;
    }

    @PostMapping("/api/companies/{companyId}/accruals/trigger")
    public Map<String, Object> trigger(Caller caller, @PathVariable UUID companyId,
                                       @RequestParam(name = "target_date", required = false) String targetDate) {
        return accruals.triggerTimeAccrual(caller, companyId, targetDate);
    }

    @PostMapping("/api/companies/{companyId}/accruals/carryover")
    public Map<String, Object> carryover(Caller caller, @PathVariable UUID companyId,
                                         @RequestParam(name = "target_date", required = false) String targetDate) {
        return accruals.triggerCarryover(caller, companyId, targetDate);
    }

    @PostMapping("/api/companies/{companyId}/accruals/expiration")
    public Map<String, Object> expiration(Caller caller, @PathVariable UUID companyId,
                                          @RequestParam(name = "target_date", required = false) String targetDate) {
        return accruals.triggerExpiration(caller, companyId, targetDate);
    }
}
