package com.powerpto.accrual;

import com.powerpto.platform.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** Admin: recalculate one employee's time accruals now (docs/corrections.md). */
@RestController
public class RecalculationController {

    private final RecalculationAdmin admin;

    public RecalculationController(RecalculationAdmin admin) {
        this.admin = admin;
    }

    @PostMapping("/api/companies/{companyId}/employees/{employeeId}/accruals/recalculate")
    public Map<String, Object> recalculate(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId,
                                           @RequestParam(name = "through", required = false) String through) {
        return admin.recalculate(caller, companyId, employeeId, through);
    }
}
