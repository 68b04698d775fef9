package com.powerpto.platform.database;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, defect 10: DATABASE_URL's {@code sslmode=verify-full&sslrootcert=…} (what the RDS secrets
 * hold, with the CA bundle the image ships) really verifies the server. A PostgreSQL 17 with TLS on
 * and a certificate for "localhost" from a test CA: the URL, turned into JDBC by {@link DatabaseUrl},
 * connects over TLS with that CA, and refuses another CA or a host name the certificate does not name,
 * which {@code sslmode=require} (the old setting) would have accepted.
 */
class DatabaseTlsTest {

    private static EmbeddedPostgres server;
    private static Path certs;

    @BeforeAll
    static void startPostgresWithTls() throws Exception {
        server = EmbeddedPostgres.start(null, 0);
        certs = Files.createTempDirectory("pto-tls-");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Test RDS CA",
                "-keyout", certs.resolve("ca.key").toString(), "-out", certs.resolve("ca.pem").toString());
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Other CA",
                "-keyout", certs.resolve("other.key").toString(), "-out", certs.resolve("other.pem").toString());
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-keyout", certs.resolve("server.key").toString(), "-out", certs.resolve("server.csr").toString());
        Files.writeString(certs.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl("x509", "-req", "-in", certs.resolve("server.csr").toString(), "-days", "2",
                "-CA", certs.resolve("ca.pem").toString(), "-CAkey", certs.resolve("ca.key").toString(), "-CAcreateserial",
                "-extfile", certs.resolve("san.ext").toString(), "-out", certs.resolve("server.crt").toString());
        Path crt = Files.copy(certs.resolve("server.crt"), server.dataDir().resolve("server.crt"));
        Path key = Files.copy(certs.resolve("server.key"), server.dataDir().resolve("server.key"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        if (EmbeddedPostgres.isRoot()) {
            // The server runs as nobody: it must own its key (PostgreSQL refuses a key it cannot read safely).
            UserPrincipal nobody = key.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(key, nobody);
            Files.setOwner(crt, nobody);
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), null);
             Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET ssl = on");
            s.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String url(String host, String query) {
        return "postgresql://postgres@" + host + ":" + server.port() + "/postgres?" + query;
    }

    private static boolean connectedOverTls(String secretValue) throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse(secretValue);
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             ResultSet r = c.createStatement().executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    @Test
    void verifyFullWithTheShippedCaConnectsOverTls() throws Exception {
        String ca = certs.resolve("ca.pem").toString();
        assertThat(connectedOverTls(url("localhost", "sslmode=verify-full&sslrootcert=" + ca))).isTrue();
    }

    @Test
    void verifyFullRefusesAServerSignedByAnotherCaOrNamedOtherwise() {
        String other = certs.resolve("other.pem").toString();
        String ca = certs.resolve("ca.pem").toString();
        assertThatThrownBy(() -> connectedOverTls(url("localhost", "sslmode=verify-full&sslrootcert=" + other)))
                .isInstanceOf(SQLException.class);
        // The certificate names localhost, not 127.0.0.1: verify-full checks the host name too.
        assertThatThrownBy(() -> connectedOverTls(url("127.0.0.1", "sslmode=verify-full&sslrootcert=" + ca)))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void requireWouldHaveAcceptedAnyServer() throws Exception {
        // Why the secrets moved off sslmode=require: encrypted, but the server is not verified.
        assertThat(connectedOverTls(url("127.0.0.1", "sslmode=require&sslrootcert=" + certs.resolve("other.pem")))).isTrue();
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + out);
        }
    }
}
