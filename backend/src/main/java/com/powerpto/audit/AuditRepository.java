package com.powerpto.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Repository
public class AuditRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public AuditRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** One change of a batch: the entity and its before/after JSON. */
    public record Change(UUID entityId, String beforeJson, String afterJson) {
    }

    /** Many rows of one actor, entity type and action in one statement (imports of thousands of rows). */
    public void insertAll(UUID companyId, UUID actorId, AuditEntityType entityType, AuditAction action, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String[] ids = new String[changes.size()];
        String[] entities = new String[changes.size()];
        String[] befores = new String[changes.size()];
        String[] afters = new String[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            ids[i] = UUID.randomUUID().toString();
            entities[i] = changes.get(i).entityId().toString();
            befores[i] = changes.get(i).beforeJson();
            afters[i] = changes.get(i).afterJson();
        }
        jdbc.sql("""
                INSERT INTO audit_log (company_id, id, actor_id, entity_type, entity_id, action, before_json, after_json)
                SELECT :company, CAST(r.id AS uuid), :actor, :type, CAST(r.entity AS uuid), :action,
                       CAST(r.before AS jsonb), CAST(r.after AS jsonb)
                FROM unnest(CAST(:ids AS text[]), CAST(:entities AS text[]), CAST(:befores AS text[]), CAST(:afters AS text[]))
                     AS r(id, entity, before, after)
                """)
                .param("company", companyId).param("actor", actorId).param("type", entityType.name())
                .param("action", action.name()).param("ids", ids).param("entities", entities)
                .param("befores", befores).param("afters", afters)
                .update();
    }

    public void insert(UUID companyId, UUID actorId, AuditEntityType entityType, UUID entityId, AuditAction action,
                       String beforeJson, String afterJson) {
        jdbc.sql("""
                INSERT INTO audit_log (company_id, id, actor_id, entity_type, entity_id, action, before_json, after_json)
                VALUES (:company, :id, :actor, :type, :entity, :action, CAST(:before AS jsonb), CAST(:after AS jsonb))
                """)
                .param("company", companyId)
                .param("id", UUID.randomUUID())
                .param("actor", actorId)
                .param("type", entityType.name())
                .param("entity", entityId)
                .param("action", action.name())
                .param("before", beforeJson)
                .param("after", afterJson)
                .update();
    }

    public Page<AuditEntry> find(UUID companyId, AuditQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE company_id = :company");
        Map<String, Object> params = new HashMap<>();
        params.put("company", companyId);
        if (query.entityType() != null) {
            where.append(" AND entity_type = :type");
            params.put("type", query.entityType().name());
        }
        if (query.action() != null) {
            where.append(" AND action = :action");
            params.put("action", query.action().name());
        }
        if (query.actorId() != null) {
            where.append(" AND actor_id = :actor");
            params.put("actor", query.actorId());
        }
        if (query.entityId() != null) {
            where.append(" AND entity_id = :entity");
            params.put("entity", query.entityId());
        }
        if (query.startDate() != null) {
            where.append(" AND created_at >= :start");
            params.put("start", query.startDate().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (query.endDate() != null) {
            where.append(" AND created_at < :end");
            params.put("end", query.endDate().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_log" + where).params(params).query(Long.class).single();
        List<AuditEntry> items = jdbc.sql("SELECT * FROM audit_log" + where
                        + " ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit")
                .params(params).param("offset", page.offset()).param("limit", page.limit())
                .query(rowMapper()).list();
        return new Page<>(new ArrayList<>(items), total);
    }

    private RowMapper<AuditEntry> rowMapper() {
        return (rs, i) -> new AuditEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("company_id", UUID.class),
                rs.getObject("actor_id", UUID.class),
                AuditEntityType.valueOf(rs.getString("entity_type")),
                rs.getObject("entity_id", UUID.class),
                AuditAction.valueOf(rs.getString("action")),
                json(rs.getString("before_json")),
                json(rs.getString("after_json")),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private JsonNode json(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("audit_log holds invalid JSON", e);
        }
    }
}
