package com.powerpto.payroll;

import com.powerpto.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** A company's own payroll webhook secret (admin): made here, shown once, never returned again. */
@RestController
@RequestMapping("/api/companies/{companyId}/payroll/webhook-secret")
public class CompanyWebhookSecretController {

    private final CompanyWebhookSecrets secrets;

    public CompanyWebhookSecretController(CompanyWebhookSecrets secrets) {
        this.secrets = secrets;
    }

    @PostMapping
    public ResponseEntity<CompanyWebhookSecrets.NewSecret> create(Caller caller, @PathVariable UUID companyId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(secrets.create(caller, companyId));
    }

    @DeleteMapping
    public ResponseEntity<Void> delete(Caller caller, @PathVariable UUID companyId) {
        secrets.delete(caller, companyId);
        return ResponseEntity.noContent().build();
    }
}
