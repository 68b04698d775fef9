package com.powerpto.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import com.powerpto.policy.settings.PolicySettings;
import com.powerpto.policy.settings.PolicySettingsParser;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class PolicyRepository {

    /** The version shown as "current": in force on :today, else the latest. */
    private static final String CURRENT_VERSION = """
            LEFT JOIN LATERAL (
                SELECT * FROM policy_versions v WHERE v.company_id = p.company_id AND v.policy_id = p.id
                ORDER BY (v.effective_from <= :today AND (v.effective_to IS NULL OR v.effective_to > :today)) DESC,
                         v.version DESC
                LIMIT 1) v ON true
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    PolicyRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    boolean keyTaken(UUID companyId, String key) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM policies WHERE company_id = :company AND key = :key)")
                .param("company", companyId).param("key", key).query(Boolean.class).single();
    }

    void insertPolicy(UUID companyId, UUID id, String key, PolicyCategory category, String name, String description) {
        jdbc.sql("""
                INSERT INTO policies (company_id, id, key, category, name, description)
                VALUES (:company, :id, :key, :category, :name, :description)
                """)
                .param("company", companyId).param("id", id).param("key", key).param("category", category.name())
                .param("name", name).param("description", description)
                .update();
    }

    void updateTexts(UUID companyId, UUID id, String name, String description) {
        jdbc.sql("UPDATE policies SET name = :name, description = :description WHERE company_id = :company AND id = :id")
                .param("name", name).param("description", description).param("company", companyId).param("id", id)
                .update();
    }

    void insertVersion(UUID companyId, PolicyVersionView v) {
        jdbc.sql("""
                INSERT INTO policy_versions (company_id, id, policy_id, version, effective_from, effective_to, type,
                    accrual_method, settings, created_by, change_reason)
                VALUES (:company, :id, :policy, :version, :from, :to, :type, :method, CAST(:settings AS jsonb), :by, :reason)
                """)
                .param("company", companyId).param("id", v.id()).param("policy", v.policyId())
                .param("version", v.version()).param("from", v.effectiveFrom()).param("to", v.effectiveTo())
                .param("type", v.type()).param("method", v.accrualMethod()).param("settings", json(v.settings()))
                .param("by", v.createdBy()).param("reason", v.changeReason())
                .update();
    }

    void endVersion(UUID companyId, UUID versionId, LocalDate effectiveTo) {
        jdbc.sql("UPDATE policy_versions SET effective_to = :to WHERE company_id = :company AND id = :id")
                .param("to", effectiveTo).param("company", companyId).param("id", versionId).update();
    }

    Optional<Policy> find(UUID companyId, UUID policyId, LocalDate today) {
        return jdbc.sql("SELECT p.*, " + versionColumns() + " FROM policies p " + CURRENT_VERSION
                        + " WHERE p.company_id = :company AND p.id = :policy")
                .param("company", companyId).param("policy", policyId).param("today", today)
                .query(policyMapper()).optional();
    }

    /** Locks the policy row so two concurrent updates cannot both become version N+1. */
    void lock(UUID companyId, UUID policyId) {
        jdbc.sql("SELECT id FROM policies WHERE company_id = :company AND id = :policy FOR UPDATE")
                .param("company", companyId).param("policy", policyId).query(UUID.class).optional();
    }

    Optional<PolicyVersionView> latestVersion(UUID companyId, UUID policyId) {
        return jdbc.sql("SELECT * FROM policy_versions WHERE company_id = :company AND policy_id = :policy ORDER BY version DESC LIMIT 1")
                .param("company", companyId).param("policy", policyId).query(versionMapper("")).optional();
    }

    Page<Policy> page(UUID companyId, LocalDate today, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM policies WHERE company_id = :company")
                .param("company", companyId).query(Long.class).single();
        List<Policy> items = jdbc.sql("SELECT p.*, " + versionColumns() + " FROM policies p " + CURRENT_VERSION
                        + " WHERE p.company_id = :company ORDER BY p.key OFFSET :offset LIMIT :limit")
                .param("company", companyId).param("today", today)
                .param("offset", page.offset()).param("limit", page.limit())
                .query(policyMapper()).list();
        return new Page<>(items, total);
    }

    Page<PolicyVersionView> versions(UUID companyId, UUID policyId, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM policy_versions WHERE company_id = :company AND policy_id = :policy")
                .param("company", companyId).param("policy", policyId).query(Long.class).single();
        List<PolicyVersionView> items = jdbc.sql("""
                        SELECT * FROM policy_versions WHERE company_id = :company AND policy_id = :policy
                        ORDER BY version OFFSET :offset LIMIT :limit
                        """)
                .param("company", companyId).param("policy", policyId)
                .param("offset", page.offset()).param("limit", page.limit())
                .query(versionMapper("")).list();
        return new Page<>(items, total);
    }

    Optional<PolicyVersionView> versionOn(UUID companyId, UUID policyId, LocalDate date) {
        return jdbc.sql("""
                SELECT * FROM policy_versions WHERE company_id = :company AND policy_id = :policy
                  AND effective_from <= :date AND (effective_to IS NULL OR effective_to > :date)
                ORDER BY version DESC LIMIT 1
                """).param("company", companyId).param("policy", policyId).param("date", date)
                .query(versionMapper("")).optional();
    }

    Optional<PolicyVersionView> version(UUID companyId, UUID versionId) {
        return jdbc.sql("SELECT * FROM policy_versions WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", versionId).query(versionMapper("")).optional();
    }

    private static String versionColumns() {
        return "v.id AS v_id, v.policy_id AS v_policy_id, v.version AS v_version, v.effective_from AS v_effective_from, "
                + "v.effective_to AS v_effective_to, v.type AS v_type, v.accrual_method AS v_accrual_method, "
                + "v.settings AS v_settings, v.created_by AS v_created_by, v.change_reason AS v_change_reason, "
                + "v.created_at AS v_created_at";
    }

    private RowMapper<Policy> policyMapper() {
        RowMapper<PolicyVersionView> versions = versionMapper("v_");
        return (rs, i) -> new Policy(
                rs.getObject("id", UUID.class),
                rs.getObject("company_id", UUID.class),
                rs.getString("key"),
                PolicyCategory.valueOf(rs.getString("category")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("v_id") == null ? null : versions.mapRow(rs, i),
                rs.getString("name"),
                rs.getString("description"));
    }

    private RowMapper<PolicyVersionView> versionMapper(String prefix) {
        return (rs, i) -> new PolicyVersionView(
                rs.getObject(prefix + "id", UUID.class),
                rs.getObject(prefix + "policy_id", UUID.class),
                rs.getInt(prefix + "version"),
                rs.getObject(prefix + "effective_from", LocalDate.class),
                rs.getObject(prefix + "effective_to", LocalDate.class),
                rs.getString(prefix + "type"),
                rs.getString(prefix + "accrual_method"),
                settings(rs, prefix + "settings"),
                rs.getObject(prefix + "created_by", UUID.class),
                rs.getString(prefix + "change_reason"),
                rs.getObject(prefix + "created_at", OffsetDateTime.class).toInstant());
    }

    private PolicySettings settings(ResultSet rs, String column) throws SQLException {
        try {
            return PolicySettingsParser.parse(mapper.readTree(rs.getString(column)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy settings are not JSON", e);
        }
    }

    private String json(PolicySettings settings) {
        try {
            return mapper.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise policy settings", e);
        }
    }
}
