package com.powerpto.auth;

import com.powerpto.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** An employee's sign-in account, managed by admins of their company. */
@RestController
@RequestMapping("/api/companies/{companyId}/employees/{employeeId}/account")
public class AccountController {

    private final AccountService accounts;
    private final ClientAddress clientAddress;

    public AccountController(AccountService accounts, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.clientAddress = clientAddress;
    }

    @PutMapping
    public AccountView put(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId,
                           @RequestBody Bodies.AccountBody body, HttpServletRequest request) {
        return accounts.put(caller, companyId, employeeId, body.password(), body.role(), body.currentPassword(),
                clientAddress.of(request));
    }

    @PostMapping("/deactivate")
    public AccountView deactivate(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId) {
        return accounts.setActive(caller, companyId, employeeId, false);
    }

    @PostMapping("/reactivate")
    public AccountView reactivate(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId) {
        return accounts.setActive(caller, companyId, employeeId, true);
    }

    @PostMapping("/sign-out-everywhere")
    public ResponseEntity<Void> signOutEverywhere(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId) {
        accounts.signOutEverywhere(caller, companyId, employeeId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    public AccountView get(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId) {
        return accounts.get(caller, companyId, employeeId);
    }
}
