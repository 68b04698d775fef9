package com.powerpto.sso;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Hand-written SQL over {@code company_sso}. */
@Repository
class SsoRepository {

    private final JdbcClient jdbc;

    SsoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(UUID companyId, String providerName, String issuer, String clientId, String clientSecretCiphertext,
                  String emailDomain, boolean requireSso, UUID breakGlassEmployeeId, Instant updatedAt,
                  String providerMetadata, Instant metadataFetchedAt) {
    }

    private static final String SELECT = """
            SELECT company_id, provider_name, issuer, client_id, client_secret_ciphertext, email_domain, require_sso,
                   break_glass_employee_id, updated_at, provider_metadata, metadata_fetched_at FROM company_sso
            """;

    Optional<Stored> find(UUID companyId) {
        return jdbc.sql(SELECT + " WHERE company_id = :company").param("company", companyId).query(SsoRepository::row).optional();
    }

    Optional<Stored> findByDomain(String domain) {
        return jdbc.sql(SELECT + " WHERE email_domain = :domain").param("domain", domain).query(SsoRepository::row).optional();
    }

    boolean domainTakenByAnother(String domain, UUID companyId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM company_sso WHERE email_domain = :domain AND company_id <> :company)")
                .param("domain", domain).param("company", companyId).query(Boolean.class).single();
    }

    void upsert(Stored s) {
        jdbc.sql("""
                        INSERT INTO company_sso (company_id, provider_name, issuer, client_id, client_secret_ciphertext,
                                                 email_domain, require_sso, break_glass_employee_id, updated_at,
                                                 provider_metadata, metadata_fetched_at)
                        VALUES (:company, :name, :issuer, :client, :secret, :domain, :require, :breakGlass, :now,
                                :metadata, :fetched)
                        ON CONFLICT (company_id) DO UPDATE SET provider_name = EXCLUDED.provider_name, issuer = EXCLUDED.issuer,
                            client_id = EXCLUDED.client_id, client_secret_ciphertext = EXCLUDED.client_secret_ciphertext,
                            email_domain = EXCLUDED.email_domain, require_sso = EXCLUDED.require_sso,
                            break_glass_employee_id = EXCLUDED.break_glass_employee_id, updated_at = EXCLUDED.updated_at,
                            provider_metadata = EXCLUDED.provider_metadata, metadata_fetched_at = EXCLUDED.metadata_fetched_at
                        """)
                .param("company", s.companyId()).param("name", s.providerName()).param("issuer", s.issuer())
                .param("client", s.clientId()).param("secret", s.clientSecretCiphertext()).param("domain", s.emailDomain())
                .param("require", s.requireSso()).param("breakGlass", s.breakGlassEmployeeId())
                .param("now", s.updatedAt().atOffset(ZoneOffset.UTC))
                .param("metadata", s.providerMetadata())
                .param("fetched", s.metadataFetchedAt() == null ? null : s.metadataFetchedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Companies whose provider document is missing or was fetched before {@code before} (background refresh), oldest first. */
    java.util.List<Stored> dueForRefresh(Instant before, int limit) {
        return jdbc.sql(SELECT + " WHERE metadata_fetched_at IS NULL OR metadata_fetched_at < :before"
                        + " ORDER BY metadata_fetched_at NULLS FIRST LIMIT :limit")
                .param("before", before.atOffset(ZoneOffset.UTC)).param("limit", limit).query(SsoRepository::row).list();
    }

    /** A refreshed document, unless the settings changed issuer meanwhile. */
    void refreshed(UUID companyId, String issuer, String metadata, Instant at) {
        jdbc.sql("""
                        UPDATE company_sso SET provider_metadata = :metadata, metadata_fetched_at = :at
                         WHERE company_id = :company AND issuer = :issuer
                        """)
                .param("metadata", metadata).param("at", at.atOffset(ZoneOffset.UTC))
                .param("company", companyId).param("issuer", issuer).update();
    }


    boolean delete(UUID companyId) {
        return jdbc.sql("DELETE FROM company_sso WHERE company_id = :company").param("company", companyId).update() == 1;
    }

    /**
     * Whether a password may sign this account in: the company does not require single sign-on, or
     * the account is its break-glass admin. Reads only those two columns (not the provider's metadata
     * or the sealed secret): it runs for every request that carries a password token.
     */
    boolean passwordAllowed(UUID companyId, UUID employeeId) {
        return jdbc.sql("""
                        SELECT NOT EXISTS (
                            SELECT 1 FROM company_sso s
                            WHERE s.company_id = :company AND s.require_sso
                              AND NOT (s.break_glass_employee_id IS NOT NULL AND s.break_glass_employee_id = :employee
                                       AND EXISTS (SELECT 1 FROM accounts a WHERE a.company_id = :company
                                                   AND a.employee_id = :employee AND a.role = 'admin')))
                        """)
                .param("company", companyId).param("employee", employeeId).query(Boolean.class).single();
    }

    boolean isAdmin(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts WHERE company_id = :company AND employee_id = :employee AND role = 'admin')")
                .param("company", companyId).param("employee", employeeId).query(Boolean.class).single();
    }

    private static Stored row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getObject("company_id", UUID.class), rs.getString("provider_name"), rs.getString("issuer"),
                rs.getString("client_id"), rs.getString("client_secret_ciphertext"), rs.getString("email_domain"),
                rs.getBoolean("require_sso"), rs.getObject("break_glass_employee_id", UUID.class),
                rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("provider_metadata"),
                java.util.Optional.ofNullable(rs.getObject("metadata_fetched_at", java.time.OffsetDateTime.class))
                        .map(java.time.OffsetDateTime::toInstant).orElse(null));
    }
}
