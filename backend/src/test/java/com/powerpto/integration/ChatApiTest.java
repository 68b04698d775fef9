package com.powerpto.integration;

import com.powerpto.integration.slack.SlackStandIn;
import com.powerpto.notification.OutboxDelivery;
import com.powerpto.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.UUID;

/**
 * Base of the Slack and Teams tests: one application context whose Slack Web API is a real local
 * HTTP stand-in ({@link SlackStandIn}, started once per JVM), and helpers to deliver the outbox and
 * count what a refused call must not have written.
 */
public abstract class ChatApiTest extends ApiTest {

    protected static final SlackStandIn SLACK = SlackStandIn.start(0);
    protected static final String BASE = "https://pto.example.test";

    @DynamicPropertySource
    static void chat(DynamicPropertyRegistry registry) {
        registry.add("pto.slack.api-url", SLACK::apiUrl);
        registry.add("pto.notifications.base-url", () -> BASE);
    }

    @Autowired
    protected OutboxDelivery delivery;
    @Autowired
    protected JdbcClient jdbc;

    /** Runs the outbox as the worker would (e-mail has no SMTP server here: only chat rows go out). */
    protected void deliver() {
        delivery.deliverDue(Instant.now().plusSeconds(1), 1000);
    }

    protected String email(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT email FROM employees WHERE company_id = :c AND id = :id").param("c", companyId)
                .param("id", employeeId).query(String.class).single();
    }

    /** Rows a refused interaction must leave as they were: requests, ledger, audit log, outbox. */
    protected String footprint(UUID companyId) {
        return jdbc.sql("""
                SELECT (SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM requests WHERE company_id = :c)
                    || '|' || (SELECT count(*) FROM ledger_entries WHERE company_id = :c)
                    || '|' || (SELECT count(*) FROM audit_log WHERE company_id = :c)
                    || '|' || (SELECT count(*) FROM notification_outbox WHERE company_id = :c)
                """).param("c", companyId).query(String.class).single();
    }
}
