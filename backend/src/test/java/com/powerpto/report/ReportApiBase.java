package com.powerpto.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.ledger.LedgerService;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A fresh company per test, its admin, and a {@link ReportData} writer. */
public abstract class ReportApiBase extends ApiTest {

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected LedgerService ledgerService;

    @Autowired
    protected PlatformTransactionManager transactions;

    protected ReportData data;
    protected Person admin;
    protected UUID cid;

    @BeforeEach
    void newCompany() {
        data = new ReportData(jdbc, ledgerService, transactions);
        admin = fixtures.newCompanyAdmin();
        cid = admin.companyId();
        data.employee(cid, admin.id(), "Ada", "Admin", null, true);
    }

    protected String base() {
        return "/api/companies/" + cid;
    }

    protected Person as(UUID employeeId, Role role) {
        return new Person(cid, employeeId, role);
    }

    protected static List<JsonNode> items(JsonNode page) {
        List<JsonNode> list = new ArrayList<>();
        page.path("items").forEach(list::add);
        return list;
    }
}
