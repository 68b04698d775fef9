package com.powerpto.platform.database;

import java.nio.file.Path;

/**
 * A process that starts an embedded PostgreSQL, says where, and waits to be killed: what
 * {@link EmbeddedPostgresWatchdogTest} kills with SIGKILL. Argument: a data directory, or none for a
 * throwaway cluster.
 */
public final class EmbeddedServerProcess {

    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgres server = EmbeddedPostgres.start(args.length > 0 ? Path.of(args[0]) : null, 0);
        System.out.println("READY " + server.port() + " " + server.dataDir());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
