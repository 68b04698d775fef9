package com.powerpto.platform.backup;

import com.powerpto.platform.database.DatabaseUrl;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A logical dump and restore of the application's data with PostgreSQL's {@code COPY}, for the
 * local backup/restore drill and for environments without a matching {@code pg_dump} (the
 * embedded bundle has none). Production backups are RDS snapshots and {@code pg_dump -Fc}: see
 * docs/operations.md "Backup and restore drill".
 * <ul>
 *   <li><b>dump</b>: every base table of schema {@code public} except Flyway's history, parents
 *       before children (foreign-key order), each as {@code COPY (columns) TO STDOUT} into
 *       {@code NN-table.copy.gz}, all inside one {@code REPEATABLE READ READ ONLY} transaction
 *       (one consistent snapshot, like pg_dump). {@code manifest.properties} records the schema
 *       version, the order, the columns, the row counts and the sequence values.</li>
 *   <li><b>restore</b>: into a database migrated by Flyway to the same version whose tables are
 *       empty; {@code COPY FROM STDIN} in the same order in one transaction, then sequences, then
 *       row counts are checked. Restore only inserts, so the append-only triggers of the ledger
 *       and the audit log stay on.</li>
 * </ul>
 * Command line (the application jar, {@code DATABASE_URL} as for the application):
 * {@code java -Dloader.main=com.powerpto.platform.backup.LogicalBackup -cp power-pto.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher dump|restore DIR}.
 */
public final class LogicalBackup {

    static final String MANIFEST = "manifest.properties";
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private LogicalBackup() {
    }

    /** What a dump holds: tables in restore order, with their columns and row counts. */
    public record Manifest(String schemaVersion, List<Table> tables, Map<String, Long> sequences) {

        public long rows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }

        public Map<String, Long> rowCounts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            tables.forEach(t -> counts.put(t.name(), t.rows()));
            return counts;
        }
    }

    public record Table(String name, List<String> columns, long rows) {
    }

    /** Dumps every table into {@code directory} (created; must be empty or new). */
    public static Manifest dump(Connection connection, Path directory) throws SQLException, IOException {
        Files.createDirectories(directory);
        try (var existing = Files.list(directory)) {
            if (existing.findAny().isPresent()) {
                throw new IllegalArgumentException("backup directory is not empty: " + directory);
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            CopyManager copy = copyManager(connection);
            String version = schemaVersion(connection);
            List<Table> tables = new ArrayList<>();
            int index = 0;
            for (String table : tablesInForeignKeyOrder(connection)) {
                List<String> columns = columns(connection, table);
                Path file = directory.resolve(fileName(++index, table));
                long rows;
                try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), 64 * 1024)) {
                    rows = copy.copyOut("COPY " + quote(table) + " (" + columnList(columns) + ") TO STDOUT", out);
                }
                tables.add(new Table(table, columns, rows));
            }
            Map<String, Long> sequences = sequences(connection);
            connection.commit();
            Manifest manifest = new Manifest(version, tables, sequences);
            writeManifest(directory.resolve(MANIFEST), manifest);
            return manifest;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Restores a dump into a database that Flyway migrated to the dump's schema version and that
     * holds no data yet; all or nothing (one transaction).
     */
    public static Manifest restore(Connection connection, Path directory) throws SQLException, IOException {
        Manifest manifest = readManifest(directory.resolve(MANIFEST));
        String version = schemaVersion(connection);
        if (!manifest.schemaVersion().equals(version)) {
            throw new IllegalStateException("the dump is of schema version " + manifest.schemaVersion()
                    + " but the target database is at " + version + ": migrate it to the same version first");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            CopyManager copy = copyManager(connection);
            for (Table table : manifest.tables()) {
                if (count(connection, table.name()) > 0) {
                    throw new IllegalStateException("table " + table.name() + " of the target database is not empty");
                }
            }
            int index = 0;
            for (Table table : manifest.tables()) {
                Path file = directory.resolve(fileName(++index, table.name()));
                long rows;
                try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)), 64 * 1024)) {
                    rows = copy.copyIn("COPY " + quote(table.name()) + " (" + columnList(table.columns()) + ") FROM STDIN", in);
                }
                if (rows != table.rows()) {
                    throw new IllegalStateException(table.name() + ": restored " + rows + " rows, the dump holds " + table.rows());
                }
            }
            for (Map.Entry<String, Long> sequence : manifest.sequences().entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT setval(?::regclass, ?)")) {
                    statement.setString(1, sequence.getKey());
                    statement.setLong(2, sequence.getValue());
                    statement.execute();
                }
            }
            connection.commit();
            return manifest;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Base tables of schema public, each after every table it references (self-references allowed). */
    static List<String> tablesInForeignKeyOrder(Connection connection) throws SQLException {
        Set<String> tables = new java.util.TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                     """)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        tables.remove(FLYWAY_HISTORY);
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        tables.forEach(t -> parents.put(t, new LinkedHashSet<>()));
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT child.relname, parent.relname FROM pg_constraint k
                     JOIN pg_class child ON child.oid = k.conrelid
                     JOIN pg_class parent ON parent.oid = k.confrelid
                     JOIN pg_namespace n ON n.oid = child.relnamespace
                     WHERE k.contype = 'f' AND n.nspname = 'public'
                     """)) {
            while (rs.next()) {
                String child = rs.getString(1);
                String parent = rs.getString(2);
                if (!child.equals(parent) && parents.containsKey(child) && tables.contains(parent)) {
                    parents.get(child).add(parent);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (String table : tables) {
                if (!done.contains(table) && done.containsAll(parents.get(table))) {
                    ordered.add(table);
                    done.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle between tables " + parents);
            }
        }
        return ordered;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT a.attname FROM pg_attribute a
                WHERE a.attrelid = ('public.' || quote_ident(?))::regclass AND a.attnum > 0
                  AND NOT a.attisdropped AND a.attgenerated = ''
                ORDER BY a.attnum
                """)) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value
                     FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL
                     """)) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getLong(2));
            }
        }
        return values;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM " + FLYWAY_HISTORY
                     + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static CopyManager copyManager(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    private static String fileName(int index, String table) {
        return String.format("%02d-%s.copy.gz", index, table);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(LogicalBackup::quote).toList());
    }

    private static void writeManifest(Path file, Manifest manifest) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", "power-pto-copy-1");
        p.setProperty("schema.version", manifest.schemaVersion());
        p.setProperty("tables", String.join(",", manifest.tables().stream().map(Table::name).toList()));
        for (Table table : manifest.tables()) {
            p.setProperty("table." + table.name() + ".columns", String.join(",", table.columns()));
            p.setProperty("table." + table.name() + ".rows", Long.toString(table.rows()));
        }
        manifest.sequences().forEach((name, value) -> p.setProperty("sequence." + name, Long.toString(value)));
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Power PTO logical backup (COPY text format, gzip)");
        }
    }

    static Manifest readManifest(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        if (!"power-pto-copy-1".equals(p.getProperty("format"))) {
            throw new IllegalStateException("not a Power PTO logical backup: " + file);
        }
        List<Table> tables = new ArrayList<>();
        for (String name : p.getProperty("tables", "").split(",")) {
            if (!name.isEmpty()) {
                tables.add(new Table(name, List.of(p.getProperty("table." + name + ".columns").split(",")),
                        Long.parseLong(p.getProperty("table." + name + ".rows"))));
            }
        }
        Map<String, Long> sequences = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("sequence.")) {
                sequences.put(key.substring("sequence.".length()), Long.parseLong(p.getProperty(key)));
            }
        }
        return new Manifest(p.getProperty("schema.version"), tables, sequences);
    }

    /** {@code dump DIR} or {@code restore DIR} against {@code DATABASE_URL}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("dump", "restore").contains(args[0])) {
            System.err.println("usage: LogicalBackup dump|restore DIR   (DATABASE_URL names the database)");
            System.exit(2);
        }
        DatabaseUrl url = DatabaseUrl.parse(System.getenv("DATABASE_URL"));
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            Path directory = Path.of(args[1]);
            Manifest manifest = args[0].equals("dump") ? dump(connection, directory) : restore(connection, directory);
            System.out.println(args[0] + ": " + manifest.tables().size() + " tables, " + manifest.rows()
                    + " rows, schema version " + manifest.schemaVersion());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
