package com.powerpto.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 30: a commit cut off by a database outage surfaces as the rollback's failure alone (Spring's
 * "Commit exception overridden by rollback exception": TransactionSystemException "JDBC rollback failed"
 * caused by HikariCP's "Connection is closed", no SQLState, no application exception). It must answer
 * 503 like every other lost connection, not 500. Seen in DatabaseOutageTest and the infra outage drill.
 */
class DatabaseFailureStatusTest {

    private final GlobalExceptionHandler handler = new GlobalExceptionHandler();

    @Test
    void aRollbackThatFailedOnAClosedConnectionIs503() {
        ResponseEntity<ErrorBody> response = handler.unexpected(
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void anUnrelatedFailureIsStill500() {
        ResponseEntity<ErrorBody> response = handler.unexpected(new IllegalStateException("a bug"));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(handler.unexpected(new TransactionSystemException("no resource")).getStatusCode().value()).isEqualTo(500);
    }
}
