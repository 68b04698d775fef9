package com.powerpto.delegation;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/companies/{companyId}/delegations")
public class DelegationController {

    private final DelegationService delegations;

    public DelegationController(DelegationService delegations) {
        this.delegations = delegations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Delegation create(Caller caller, @PathVariable UUID companyId, @RequestBody DelegationBody body) {
        return delegations.create(caller, companyId, body);
    }

    @GetMapping
    public Page<Delegation> list(Caller caller, @PathVariable UUID companyId,
                                 @RequestParam(name = "active", required = false, defaultValue = "false") boolean active,
                                 PageRequest page) {
        return delegations.list(caller, companyId, active, page);
    }

    @GetMapping("/approvers")
    public Map<String, List<Approver>> approvers(Caller caller, @PathVariable UUID companyId) {
        return Map.of("items", delegations.approvers(caller, companyId));
    }

    /** Employees whose requests the caller decides today as a delegate (issue 19). */
    @GetMapping("/reports")
    public Map<String, List<com.powerpto.employee.Employee>> reports(Caller caller, @PathVariable UUID companyId) {
        return Map.of("items", delegations.delegatedReports(caller, companyId));
    }

    @PostMapping("/{delegationId}/revoke")
    public Delegation revoke(Caller caller, @PathVariable UUID companyId, @PathVariable UUID delegationId) {
        return delegations.revoke(caller, companyId, delegationId);
    }
}
