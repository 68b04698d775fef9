package com.powerpto.platform.company;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.UUID;

/**
 * The tenant registry. A company row is created the first time an admin of that company writes
 * anything (tokens for a company are only issued to its accounts, so this is not an open door).
 */
@Repository
public class CompanyRepository {

    private final JdbcClient jdbc;

    public CompanyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void ensureExists(UUID companyId) {
        jdbc.sql("INSERT INTO companies (id, name) VALUES (:id, :name) ON CONFLICT (id) DO NOTHING")
                .param("id", companyId)
                .param("name", "Company " + companyId.toString().substring(0, 8))
                .update();
    }

    public void create(UUID companyId, String name) {
        jdbc.sql("INSERT INTO companies (id, name) VALUES (:id, :name) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name")
                .param("id", companyId)
                .param("name", name)
                .update();
    }
}
