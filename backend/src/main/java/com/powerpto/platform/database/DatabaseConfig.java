package com.powerpto.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * Uses DATABASE_URL when it is set and starts nothing; otherwise starts (or reuses, within one
 * JVM) an embedded PostgreSQL 17.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    @Bean
    DataSource dataSource(@Value("${pto.database.url:}") String databaseUrl,
                          @Value("${pto.database.pool-size}") int poolSize,
                          @Value("${pto.database.connection-timeout-ms}") long connectionTimeoutMs,
                          @Value("${pto.database.statement-timeout-ms}") long statementTimeoutMs,
                          @Value("${pto.embedded.data-dir:}") String dataDir,
                          @Value("${pto.embedded.port:0}") int embeddedPort,
                          @Value("${pto.service:api}") String service) {
        DatabaseUrl url = databaseUrl.isBlank()
                ? EmbeddedDatabase.shared(dataDir.isBlank() ? null : Path.of(dataDir), embeddedPort)
                : DatabaseUrl.parse(databaseUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("pto-" + service);
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(connectionTimeoutMs);
        config.setValidationTimeout(Math.min(1000, connectionTimeoutMs));
        // Never wait on a dead database at start-up: health reports it and requests fail fast.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("options", "-c statement_timeout=" + statementTimeoutMs
                + " -c lock_timeout=" + Math.min(5000, statementTimeoutMs)
                + " -c idle_in_transaction_session_timeout=60000");
        config.addDataSourceProperty("connectTimeout", Math.max(1, connectionTimeoutMs / 1000));
        config.addDataSourceProperty("socketTimeout", Math.max(30, statementTimeoutMs / 1000 + 5));
        config.addDataSourceProperty("tcpKeepAlive", true);
        config.addDataSourceProperty("reWriteBatchedInserts", true);
        config.addDataSourceProperty("ApplicationName", "power-pto-" + service);
        return new HikariDataSource(config);
    }
}
