package com.powerpto.assignment;

import com.powerpto.platform.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
public class BulkAssignmentController {

    private final BulkAssignmentService bulk;

    public BulkAssignmentController(BulkAssignmentService bulk) {
        this.bulk = bulk;
    }

    /** One policy to many employees (all, a department, a manager's reports or a list), one range, one call. */
    @PostMapping("/api/companies/{companyId}/policies/{policyId}/assignments/bulk")
    public BulkAssignmentResult assign(Caller caller, @PathVariable UUID companyId, @PathVariable UUID policyId,
                                       @RequestBody BulkAssignmentBody body) {
        return bulk.assign(caller, companyId, policyId, body);
    }
}
