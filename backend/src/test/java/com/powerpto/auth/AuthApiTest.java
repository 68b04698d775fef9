package com.powerpto.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.company.CompanyRepository;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

/**
 * Base of the auth tests: helpers to make employees (inserted directly until the employee API
 * exists), give them accounts and sign in. Throttle state is cleared around every test because
 * every test signs in from 127.0.0.1.
 */
abstract class AuthApiTest extends ApiTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CompanyRepository companies;
    @Autowired
    AccountService accounts;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    PtoProperties properties;

    @BeforeEach
    @AfterEach
    void clearThrottle() {
        throttle.reset();
    }

    /** A fresh company and an employee row in it. */
    Person newEmployee(Role role) {
        Person admin = fixtures.newCompanyAdmin();
        return addEmployee(admin.companyId(), role);
    }

    Person addEmployee(UUID companyId, Role role) {
        UUID id = UUID.randomUUID();
        insertEmployee(companyId, id, emailOf(id));
        return new Person(companyId, id, role);
    }

    void insertEmployee(UUID companyId, UUID id, String email) {
        jdbc.sql("INSERT INTO employees (company_id, id, first_name, last_name, email) VALUES (:c, :id, 'Ada', 'Lovelace', :email)")
                .param("c", companyId).param("id", id).param("email", email).update();
    }

    static String emailOf(UUID employeeId) {
        return "user-" + employeeId + "@example.com";
    }

    /** An employee with an active account and {@link #PASSWORD}. */
    Person newAccount(Role role) {
        Person person = newEmployee(role);
        accounts.setPassword(person.companyId(), person.id(), role, PASSWORD);
        return person;
    }

    Http.Response login(String email, String password) {
        return http.post("/api/auth/login", Map.of("email", email, "password", password));
    }

    String tokenFor(Person person) {
        JsonNode body = login(emailOf(person.id()), PASSWORD).expectJson(200);
        return body.path("access_token").asText();
    }

    String accountPath(Person person) {
        return "/api/companies/" + person.companyId() + "/employees/" + person.id() + "/account";
    }

    /** An admin acting through the development headers in the same company. */
    Person adminOf(Person person) {
        return new Person(person.companyId(), UUID.randomUUID(), Role.ADMIN);
    }
}
