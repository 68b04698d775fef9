package com.powerpto.support;

import com.powerpto.PowerPtoApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every HTTP-level test: the real application on a random port, against the JVM's one
 * throwaway embedded PostgreSQL 17. Tests isolate themselves by working in fresh companies.
 */
@SpringBootTest(classes = PowerPtoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

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
