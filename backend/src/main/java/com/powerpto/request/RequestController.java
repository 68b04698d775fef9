package com.powerpto.request;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/companies/{companyId}/requests")
public class RequestController {

    private final RequestService requests;

    public RequestController(RequestService requests) {
        this.requests = requests;
    }

    @PostMapping
    public ResponseEntity<TimeOffRequest> submit(Caller caller, @PathVariable UUID companyId,
                                                 @RequestBody SubmitRequestBody body) {
        RequestService.Submission submission = requests.submit(caller, companyId, body);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", Boolean.toString(submission.replayed()))
                .body(submission.request());
    }

    @PostMapping("/preview")
    public RequestPreview preview(Caller caller, @PathVariable UUID companyId, @RequestBody SubmitRequestBody body) {
        return requests.preview(caller, companyId, body);
    }

    @GetMapping
    public Page<TimeOffRequest> list(Caller caller, @PathVariable UUID companyId,
                                     @RequestParam(required = false) RequestStatus status,
                                     @RequestParam(name = "policy_id", required = false) UUID policyId,
                                     @RequestParam(name = "employee_id", required = false) UUID employeeId,
                                     @RequestParam(name = "start_date", required = false) LocalDate startDate,
                                     @RequestParam(name = "end_date", required = false) LocalDate endDate,
                                     PageRequest page) {
        return requests.list(caller, companyId, new RequestFilter(status, policyId, employeeId, startDate, endDate), page);
    }

    @GetMapping("/{requestId}")
    public TimeOffRequest get(Caller caller, @PathVariable UUID companyId, @PathVariable UUID requestId) {
        return requests.get(caller, companyId, requestId);
    }

    /** The request day by day: the minutes each local day counts and why (issue 26). */
    @GetMapping("/{requestId}/days")
    public RequestDays days(Caller caller, @PathVariable UUID companyId, @PathVariable UUID requestId) {
        return requests.days(caller, companyId, requestId);
    }

    @PostMapping("/{requestId}/approve")
    public TimeOffRequest approve(Caller caller, @PathVariable UUID companyId, @PathVariable UUID requestId,
                                  @RequestBody(required = false) DecisionBody body) {
        return requests.approve(caller, companyId, requestId, body);
    }

    @PostMapping("/{requestId}/deny")
    public TimeOffRequest deny(Caller caller, @PathVariable UUID companyId, @PathVariable UUID requestId,
                               @RequestBody(required = false) DecisionBody body) {
        return requests.deny(caller, companyId, requestId, body);
    }

    @PostMapping("/{requestId}/cancel")
    public TimeOffRequest cancel(Caller caller, @PathVariable UUID companyId, @PathVariable UUID requestId) {
        return requests.cancel(caller, companyId, requestId);
    }
}
