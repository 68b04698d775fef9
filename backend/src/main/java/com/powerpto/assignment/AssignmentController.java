package com.powerpto.assignment;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

@RestController
public class AssignmentController {

    private final AssignmentService assignments;

    public AssignmentController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @PostMapping("/api/companies/{companyId}/policies/{policyId}/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    public Assignment create(Caller caller, @PathVariable UUID companyId, @PathVariable UUID policyId,
                             @RequestBody AssignmentBody body) {
        return assignments.create(caller, companyId, policyId, body);
    }

    @GetMapping("/api/companies/{companyId}/policies/{policyId}/assignments")
    public Page<Assignment> byPolicy(Caller caller, @PathVariable UUID companyId, @PathVariable UUID policyId,
                                     PageRequest page) {
        return assignments.byPolicy(caller, companyId, policyId, page);
    }

    @GetMapping("/api/companies/{companyId}/employees/{employeeId}/assignments")
    public Page<Assignment> byEmployee(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId,
                                       PageRequest page) {
        return assignments.byEmployee(caller, companyId, employeeId, page);
    }

    @DeleteMapping("/api/companies/{companyId}/assignments/{assignmentId}")
    public Assignment end(Caller caller, @PathVariable UUID companyId, @PathVariable UUID assignmentId,
                          @RequestParam(name = "effective_to", required = false) LocalDate effectiveTo) {
        return assignments.end(caller, companyId, assignmentId, effectiveTo);
    }
}
