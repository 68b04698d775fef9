package com.powerpto.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that goes away while a transaction commits: Spring logs the commit's failure and throws
 * the failed rollback, on a connection the pool has already closed (HikariCP: "Connection is closed",
 * no SQLState). That is the database being unavailable (503), not an internal error — the race
 * DatabaseOutageTest hit now and then under load (a list answered 500 during the outage).
 */
class ConnectionLostTest {

    @Test
    void aRollbackThatFailsOnAClosedConnectionIs503() {
        var response = new GlobalExceptionHandler().unexpected(
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(new GlobalExceptionHandler().unexpected(new IllegalStateException("a bug")).getStatusCode())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
