package com.powerpto.support;

import com.powerpto.platform.company.CompanyRepository;
import com.powerpto.platform.security.Role;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Builds isolated worlds for tests: every test gets its own company, so tests never see each
 * other's rows (the ledger and audit log are append-only, nothing is ever truncated).
 */
@Component
public class Fixtures {

    private final CompanyRepository companies;
    private Http http;

    public Fixtures(CompanyRepository companies) {
        this.companies = companies;
    }

    void use(Http http) {
        this.http = http;
    }

    /** A fresh company with an admin (who is also an employee record once upserted). */
    public Person newCompanyAdmin() {
        UUID companyId = UUID.randomUUID();
        companies.create(companyId, "Test Co " + companyId.toString().substring(0, 6));
        return new Person(companyId, UUID.randomUUID(), Role.ADMIN);
    }

    /** A fresh company with its admin, built through the API. */
    public World newWorld() {
        return new World(http, this);
    }

    public Http http() {
        return http;
    }
}
