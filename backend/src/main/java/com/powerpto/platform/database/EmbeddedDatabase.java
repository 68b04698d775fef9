package com.powerpto.platform.database;

import java.nio.file.Path;

/** One embedded server per JVM, shared by every application context (tests start many). */
public final class EmbeddedDatabase {

    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    public static synchronized DatabaseUrl shared(Path dataDir, int port) {
        if (server == null) {
            server = EmbeddedPostgres.start(dataDir, port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
        }
        return new DatabaseUrl(server.jdbcUrl(), server.user(), null);
    }

    /** The running server, for tests that stop and restart it. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            throw new IllegalStateException("no embedded PostgreSQL started in this JVM");
        }
        return server;
    }
}
