package com.powerpto.accrual;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The durable queue of balances waiting for a correction by the worker (policy-wide changes, bulk
 * changes: docs/decisions/0012). This feature's own table; one row per balance.
 */
@Repository
class RecalcRepository {

    private final JdbcClient jdbc;

    RecalcRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues every employee assigned to the policy (a span starting on or before {@code through}); returns the count. */
    int enqueuePolicy(UUID companyId, UUID policyId, LocalDate through, String cause) {
        return jdbc.sql("""
                INSERT INTO recalc_queue (company_id, employee_id, policy_id, cause)
                SELECT DISTINCT company_id, employee_id, policy_id, CAST(:cause AS text) FROM assignments
                WHERE company_id = :company AND policy_id = :policy AND effective_from <= :through
                ORDER BY 2
                ON CONFLICT (company_id, employee_id, policy_id) DO UPDATE SET cause = EXCLUDED.cause
                """)
                .param("company", companyId).param("policy", policyId).param("through", through)
                .param("cause", cause).update();
    }

    /** Queues the balances of these employees (of one policy, or every policy they are assigned to). */
    int enqueueEmployees(UUID companyId, UUID policyOrNull, Collection<UUID> employees, String cause) {
        return jdbc.sql("""
                INSERT INTO recalc_queue (company_id, employee_id, policy_id, cause)
                SELECT DISTINCT a.company_id, a.employee_id, a.policy_id, CAST(:cause AS text)
                FROM unnest(CAST(:employees AS uuid[])) AS x(id)
                JOIN assignments a ON a.company_id = :company AND a.employee_id = x.id
                WHERE CAST(:policy AS uuid) IS NULL OR a.policy_id = CAST(:policy AS uuid)
                ORDER BY 2
                ON CONFLICT (company_id, employee_id, policy_id) DO UPDATE SET cause = EXCLUDED.cause
                """).param("company", companyId).param("employees", TimelineRepository.uuidArray(employees))
                .param("policy", policyOrNull == null ? null : policyOrNull.toString()).param("cause", cause).update();
    }

    /** A queued balance. */
    record Queued(UUID companyId, UUID employeeId, UUID policyId, String cause) {
    }

    /** The oldest queued balances, locked (SKIP LOCKED) until the caller's transaction ends. */
    List<Queued> claim(int limit) {
        return jdbc.sql("""
                SELECT company_id, employee_id, policy_id, cause FROM recalc_queue
                ORDER BY enqueued_at, company_id, policy_id, employee_id LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """).param("limit", limit)
                .query((rs, i) -> new Queued(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4))).list();
    }

    void dequeue(UUID companyId, UUID policyId, Collection<UUID> employees) {
        jdbc.sql("""
                DELETE FROM recalc_queue q USING unnest(CAST(:employees AS uuid[])) AS x(id)
                WHERE q.company_id = :company AND q.policy_id = :policy AND q.employee_id = x.id
                """).param("company", companyId).param("policy", policyId)
                .param("employees", TimelineRepository.uuidArray(employees)).update();
    }

    long queued(UUID companyOrNull) {
        return jdbc.sql("SELECT count(*) FROM recalc_queue WHERE CAST(:company AS uuid) IS NULL OR company_id = CAST(:company AS uuid)")
                .param("company", companyOrNull == null ? null : companyOrNull.toString()).query(Long.class).single();
    }
}
