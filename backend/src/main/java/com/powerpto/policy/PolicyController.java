package com.powerpto.policy;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/companies/{companyId}/policies")
public class PolicyController {

    private final PolicyService policies;

    public PolicyController(PolicyService policies) {
        this.policies = policies;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Policy create(Caller caller, @PathVariable UUID companyId, @RequestBody PolicyBodies.CreatePolicy body) {
        return policies.create(caller, companyId, body);
    }

    @GetMapping
    public Page<Policy> list(Caller caller, @PathVariable UUID companyId, PageRequest page) {
        return policies.list(caller, companyId, page);
    }

    @GetMapping("/{policyId}")
    public Policy get(Caller caller, @PathVariable UUID companyId, @PathVariable UUID policyId) {
        return policies.get(caller, companyId, policyId);
    }

    @PutMapping("/{policyId}")
    public Policy update(Caller caller, @PathVariable UUID companyId, @PathVariable UUID policyId,
                         @RequestBody PolicyBodies.UpdatePolicy body) {
        return policies.update(caller, companyId, policyId, body);
    }

    @GetMapping("/{policyId}/versions")
    public Page<PolicyVersionView> versions(Caller caller, @PathVariable UUID companyId, @PathVariable UUID policyId,
                                            PageRequest page) {
        return policies.versions(caller, companyId, policyId, page);
    }
}
