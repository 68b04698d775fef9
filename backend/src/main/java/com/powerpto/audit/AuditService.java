package com.powerpto.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** Writes one audit row per mutation, inside the caller's transaction (so both commit or neither). */
@Service
public class AuditService {

    private final AuditRepository repository;
    private final ObjectMapper mapper;

    public AuditService(AuditRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    /** {@code before}/{@code after} are the API representations of the entity (any JSON-able value). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID companyId, UUID actorId, AuditEntityType entityType, UUID entityId, AuditAction action,
                       Object before, Object after) {
        repository.insert(companyId, actorId, entityType, entityId, action, toJson(before), toJson(after));
    }

    /** One row per entity of {@code changes} (entity id → [before, after]), in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(UUID companyId, UUID actorId, AuditEntityType entityType, AuditAction action,
                          java.util.Map<UUID, Object[]> changes) {
        java.util.List<AuditRepository.Change> rows = new java.util.ArrayList<>(changes.size());
        changes.forEach((id, beforeAfter) -> rows.add(new AuditRepository.Change(id, toJson(beforeAfter[0]), toJson(beforeAfter[1]))));
        repository.insertAll(companyId, actorId, entityType, action, rows);
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> find(UUID companyId, AuditQuery query, PageRequest page) {
        return repository.find(companyId, query, page);
    }

    /** The matching rows as CSV, oldest first, streamed from a cursor in one read-only transaction. */
    @Transactional(readOnly = true)
    public void writeCsv(UUID companyId, AuditQuery query, java.io.Writer out) {
        AuditCsv csv = new AuditCsv(out);
        csv.header();
        repository.stream(companyId, query, csv::row);
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize audit value", e);
        }
    }
}
