package com.powerpto.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

@Repository
public class AuditRepository {

    /**
     * The audit rows with their readable names (issue 20), looked up in the entity's table as it is
     * now; a holiday, which can be deleted, is named from the row's own JSON.
     */
    private static final String LABELLED = """
            SELECT a.*, actor.first_name || ' ' || actor.last_name AS actor_name, lbl.entity_label
            FROM audit_log a
            LEFT JOIN employees actor ON actor.company_id = a.company_id AND actor.id = a.actor_id
            LEFT JOIN LATERAL (SELECT CASE a.entity_type
                WHEN 'POLICY' THEN (SELECT coalesce(p.name, p.key) FROM policies p
                                    WHERE p.company_id = a.company_id AND p.id = a.entity_id)
                WHEN 'POLICY_VERSION' THEN (SELECT coalesce(p.name, p.key) || ' v' || v.version FROM policy_versions v
                                    JOIN policies p ON p.company_id = v.company_id AND p.id = v.policy_id
                                    WHERE v.company_id = a.company_id AND v.id = a.entity_id)
                WHEN 'EMPLOYEE' THEN (SELECT e.first_name || ' ' || e.last_name FROM employees e
                                    WHERE e.company_id = a.company_id AND e.id = a.entity_id)
                WHEN 'REQUEST' THEN (SELECT e.first_name || ' ' || e.last_name || '''s ' || coalesce(p.name, p.key)
                                        || ' request, ' || (r.start_at AT TIME ZONE e.timezone)::date
                                        || ' – ' || ((r.end_at - interval '1 second') AT TIME ZONE e.timezone)::date
                                    FROM requests r
                                    JOIN employees e ON e.company_id = r.company_id AND e.id = r.employee_id
                                    JOIN policies p ON p.company_id = r.company_id AND p.id = r.policy_id
                                    WHERE r.company_id = a.company_id AND r.id = a.entity_id)
                WHEN 'ASSIGNMENT' THEN (SELECT e.first_name || ' ' || e.last_name || ' – ' || coalesce(p.name, p.key)
                                    FROM assignments s
                                    JOIN employees e ON e.company_id = s.company_id AND e.id = s.employee_id
                                    JOIN policies p ON p.company_id = s.company_id AND p.id = s.policy_id
                                    WHERE s.company_id = a.company_id AND s.id = a.entity_id)
                WHEN 'ADJUSTMENT' THEN (SELECT e.first_name || ' ' || e.last_name || ' – ' || coalesce(p.name, p.key)
                                    FROM ledger_entries l
                                    JOIN employees e ON e.company_id = l.company_id AND e.id = l.employee_id
                                    JOIN policies p ON p.company_id = l.company_id AND p.id = l.policy_id
                                    WHERE l.company_id = a.company_id AND l.id = a.entity_id)
                WHEN 'HOLIDAY' THEN (coalesce(a.after_json, a.before_json)->>'name')
                    || ' (' || (coalesce(a.after_json, a.before_json)->>'date') || ')'
                    || coalesce(', ' || (coalesce(a.after_json, a.before_json)->>'location'), '')
                WHEN 'LOCATION' THEN (coalesce(a.after_json, a.before_json)->>'name')
                END AS entity_label) lbl ON true
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final NamedParameterJdbcTemplate streaming;

    public AuditRepository(JdbcClient jdbc, ObjectMapper mapper, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        // A cursor with a bounded fetch size keeps the CSV export in constant memory (needs a transaction).
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
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
        Map<String, Object> params = new HashMap<>();
        long total = jdbc.sql("SELECT count(*) FROM audit_log a" + where(companyId, query, params))
                .params(params).query(Long.class).single();
        // page the bare rows first (index order), then name only the rows of the page
        List<AuditEntry> items = jdbc.sql(LABELLED.replace("FROM audit_log a", "FROM (SELECT * FROM audit_log a"
                        + where(companyId, query, params) + " ORDER BY a.created_at DESC, a.id DESC"
                        + " OFFSET :offset LIMIT :limit) a") + " ORDER BY a.created_at DESC, a.id DESC")
                .params(params).param("offset", page.offset()).param("limit", page.limit())
                .query(rowMapper()).list();
        return new Page<>(new ArrayList<>(items), total);
    }

    /** Every matching row with its names, oldest first, from a cursor (call inside a transaction). */
    public void stream(UUID companyId, AuditQuery query, Consumer<AuditEntry> sink) {
        Map<String, Object> params = new HashMap<>();
        String sql = LABELLED + where(companyId, query, params) + " ORDER BY a.created_at, a.id";
        try (var rows = streaming.queryForStream(sql, params, rowMapper())) {
            rows.forEach(sink);
        }
    }

    private static String where(UUID companyId, AuditQuery query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE a.company_id = :company");
        params.put("company", companyId);
        if (query.entityType() != null) {
            where.append(" AND a.entity_type = :type");
            params.put("type", query.entityType().name());
        }
        if (query.action() != null) {
            where.append(" AND a.action = :action");
            params.put("action", query.action().name());
        }
        if (query.actorId() != null) {
            where.append(" AND a.actor_id = :actor");
            params.put("actor", query.actorId());
        }
        if (query.entityId() != null) {
            where.append(" AND a.entity_id = :entity");
            params.put("entity", query.entityId());
        }
        if (query.startDate() != null) {
            where.append(" AND a.created_at >= :start");
            params.put("start", query.startDate().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (query.endDate() != null) {
            where.append(" AND a.created_at < :end");
            params.put("end", query.endDate().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return where.toString();
    }

    private RowMapper<AuditEntry> rowMapper() {
        return (rs, i) -> {
            AuditEntityType type = AuditEntityType.valueOf(rs.getString("entity_type"));
            AuditAction action = AuditAction.valueOf(rs.getString("action"));
            String actorName = rs.getString("actor_name");
            String label = rs.getString("entity_label");
            UUID actor = rs.getObject("actor_id", UUID.class);
            UUID entity = rs.getObject("entity_id", UUID.class);
            JsonNode after = json(rs.getString("after_json"));
            String change = AuditEntry.change(type, action, after);
            return new AuditEntry(
                    rs.getObject("id", UUID.class),
                    rs.getObject("company_id", UUID.class),
                    actor,
                    type,
                    entity,
                    action,
                    json(rs.getString("before_json")),
                    after,
                    rs.getObject("created_at", OffsetDateTime.class),
                    actorName, label,
                    AuditEntry.summary(actorName, action, type, label, change, actor != null && actor.equals(entity)),
                    change);
        };
    }

    private JsonNode json(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("audit_log holds invalid JSON", e);
        }
    }
}
