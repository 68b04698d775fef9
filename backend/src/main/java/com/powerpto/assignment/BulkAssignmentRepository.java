package com.powerpto.assignment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The employees a bulk assignment picks, locked (in id order, so two bulk calls cannot deadlock). */
@Repository
class BulkAssignmentRepository {

    private static final String ACTIVE = " AND (access_ends_at IS NULL OR access_ends_at > :now)";

    private final JdbcClient jdbc;

    BulkAssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> lockAll(UUID companyId, Instant now) {
        return jdbc.sql("SELECT id FROM employees WHERE company_id = :company" + ACTIVE + " ORDER BY id FOR UPDATE")
                .param("company", companyId).param("now", utc(now)).query(UUID.class).list();
    }

    List<UUID> lockDepartment(UUID companyId, String department, Instant now) {
        return jdbc.sql("SELECT id FROM employees WHERE company_id = :company AND lower(department) = lower(:department)"
                        + ACTIVE + " ORDER BY id FOR UPDATE")
                .param("company", companyId).param("department", department).param("now", utc(now)).query(UUID.class).list();
    }

    List<UUID> lockReports(UUID companyId, UUID managerId, Instant now) {
        return jdbc.sql("SELECT id FROM employees WHERE company_id = :company AND manager_id = :manager"
                        + ACTIVE + " ORDER BY id FOR UPDATE")
                .param("company", companyId).param("manager", managerId).param("now", utc(now)).query(UUID.class).list();
    }

    /** The listed employees of this company that have not left, locked. */
    List<UUID> lockListed(UUID companyId, List<UUID> ids, Instant now) {
        return jdbc.sql("SELECT id FROM employees WHERE company_id = :company AND id IN (:ids)" + ACTIVE + " ORDER BY id FOR UPDATE")
                .param("company", companyId).param("ids", ids).param("now", utc(now)).query(UUID.class).list();
    }

    List<UUID> existing(UUID companyId, List<UUID> ids) {
        return jdbc.sql("SELECT id FROM employees WHERE company_id = :company AND id IN (:ids)")
                .param("company", companyId).param("ids", ids).query(UUID.class).list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
