package com.powerpto.request;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Requests whose duration a holiday or location change altered, and the one action that corrects them (issue 28). */
@RestController
@RequestMapping("/api/companies/{companyId}/requests/duration-changes")
public class DurationCorrectionController {

    private final DurationCorrectionService corrections;

    public DurationCorrectionController(DurationCorrectionService corrections) {
        this.corrections = corrections;
    }

    @GetMapping
    public Page<DurationChange> list(Caller caller, @PathVariable UUID companyId, PageRequest page) {
        return corrections.list(caller, companyId, page);
    }

    @PostMapping("/apply")
    public DurationCorrection apply(Caller caller, @PathVariable UUID companyId,
                                    @RequestBody(required = false) DurationCorrectionBody body) {
        return corrections.apply(caller, companyId, body);
    }
}
