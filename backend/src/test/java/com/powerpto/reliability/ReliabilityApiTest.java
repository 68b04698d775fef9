package com.powerpto.reliability;

import com.powerpto.ledger.LedgerService;
import com.powerpto.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;

/**
 * The one application context of the reliability tests (shared by all of them): the test
 * profile's settings, except a short statement timeout (so a cancelled query takes 1.5 s, not
 * 15 s) and a login throttle the fuzzer cannot exhaust.
 */
@TestPropertySource(properties = {
        "pto.database.statement-timeout-ms=" + ReliabilityApiTest.STATEMENT_TIMEOUT_MS,
        "pto.auth.max-failures-per-address=1000000",
        "pto.auth.max-failures-per-account=1000000"})
abstract class ReliabilityApiTest extends ApiTest {

    static final int STATEMENT_TIMEOUT_MS = 1500;

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected DataSource dataSource;
    @Autowired
    protected LedgerService ledgerService;
}
