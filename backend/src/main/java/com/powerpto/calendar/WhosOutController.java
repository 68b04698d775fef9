package com.powerpto.calendar;

import com.powerpto.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/** Who is out between two days, for every role (read-only; see {@link WhosOutService}). */
@RestController
public class WhosOutController {

    private final WhosOutService service;

    public WhosOutController(WhosOutService service) {
        this.service = service;
    }

    @GetMapping("/api/companies/{companyId}/whos-out")
    public WhosOut whosOut(Caller caller, @PathVariable UUID companyId,
                           @RequestParam(required = false) LocalDate from,
                           @RequestParam(required = false) LocalDate to,
                           @RequestParam(name = "manager_id", required = false) UUID managerId) {
        return service.whosOut(caller, companyId, from, to, managerId);
    }
}
