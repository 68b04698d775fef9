package com.powerpto.auth;

import com.powerpto.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
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

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PutMapping
    public AccountView put(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId,
                           @RequestBody Bodies.AccountBody body) {
        return accounts.put(caller, companyId, employeeId, body.password(), body.role());
    }

    @GetMapping
    public AccountView get(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId) {
        return accounts.get(caller, companyId, employeeId);
    }
}
