package com.powerpto.ledger;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
public class BalanceController {

    private final BalanceService balances;

    public BalanceController(BalanceService balances) {
        this.balances = balances;
    }

    @GetMapping("/api/companies/{companyId}/employees/{employeeId}/balances")
    public Page<BalanceView> balances(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId) {
        List<BalanceView> items = balances.balances(caller, companyId, employeeId);
        return new Page<>(items, items.size());
    }

    @GetMapping("/api/companies/{companyId}/employees/{employeeId}/ledger")
    public Page<LedgerEntry> ledger(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId,
                                    @RequestParam(name = "policy_id", required = false) UUID policyId, PageRequest page) {
        return balances.ledger(caller, companyId, employeeId, policyId, page);
    }
}
