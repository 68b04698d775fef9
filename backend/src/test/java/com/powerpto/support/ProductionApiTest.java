package com.powerpto.support;

import com.powerpto.PowerPtoApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests of production behaviour. They run in surefire's {@code production-mode}
 * execution: a JVM of their own whose process environment says ENVIRONMENT=production (only the
 * process environment decides it, issue 25) and whose host names resolve from
 * {@code src/test/resources/provider-hosts.txt}. One application context for all of them.
 */
@Tag("production-mode")
@SpringBootTest(classes = PowerPtoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                // Ignored: only ENVIRONMENT decides (a second variable could otherwise turn development on).
                "pto.environment=development",
                "PTO_ENVIRONMENT=development",
                "management.cloudwatch.metrics.export.enabled=false",
                "spring.flyway.enabled=true",
                "pto.worker.enabled=false",
                // Small budgets, so the single sign-on start's limit is reached in a few requests.
                "pto.sso.start-limit-per-company=5",
                "pto.sso.start-limit-per-address=3"})
@ActiveProfiles("test")
public abstract class ProductionApiTest {

    /** JWT_SECRET of the production-mode execution (backend/pom.xml). */
    public static final String SECRET = "production-test-secret-0123456789-abcdefghij";

    @LocalServerPort
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    protected Http http;

    @BeforeEach
    void setUpHttp() {
        http = new Http("http://127.0.0.1:" + port);
        fixtures.use(http);
    }
}
