package com.powerpto.integration.teams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The SQL of a company's Teams webhook. */
@Repository
class TeamsRepository {

    private final JdbcClient jdbc;

    TeamsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Settings(UUID companyId, String webhookUrlCiphertext, String webhookHost, UUID updatedBy, Instant updatedAt) {
    }

    Optional<Settings> settings(UUID companyId) {
        return jdbc.sql("""
                SELECT company_id, webhook_url_ciphertext, webhook_host, updated_by, updated_at FROM company_teams
                WHERE company_id = :company
                """).param("company", companyId).query((rs, n) -> new Settings(rs.getObject("company_id", UUID.class),
                rs.getString("webhook_url_ciphertext"), rs.getString("webhook_host"), rs.getObject("updated_by", UUID.class),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant())).optional();
    }

    void upsert(Settings s) {
        jdbc.sql("""
                INSERT INTO company_teams (company_id, webhook_url_ciphertext, webhook_host, updated_by, updated_at)
                VALUES (:company, :url, :host, :by, :at)
                ON CONFLICT (company_id) DO UPDATE SET webhook_url_ciphertext = EXCLUDED.webhook_url_ciphertext,
                    webhook_host = EXCLUDED.webhook_host, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """).param("company", s.companyId()).param("url", s.webhookUrlCiphertext()).param("host", s.webhookHost())
                .param("by", s.updatedBy()).param("at", Timestamp.from(s.updatedAt())).update();
    }

    boolean delete(UUID companyId) {
        return jdbc.sql("DELETE FROM company_teams WHERE company_id = :company").param("company", companyId).update() == 1;
    }
}
