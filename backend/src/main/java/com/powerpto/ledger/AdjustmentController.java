package com.powerpto.ledger;

import com.powerpto.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
public class AdjustmentController {

    private final AdjustmentService adjustments;

    public AdjustmentController(AdjustmentService adjustments) {
        this.adjustments = adjustments;
    }

    @PostMapping("/api/companies/{companyId}/adjustments")
    public ResponseEntity<LedgerEntry> adjust(Caller caller, @PathVariable UUID companyId, @RequestBody AdjustmentBody body) {
        AdjustmentService.Adjustment adjustment = adjustments.adjust(caller, companyId, body);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", Boolean.toString(adjustment.replayed()))
                .body(adjustment.entry());
    }
}
