package com.powerpto.reliability;

import com.powerpto.platform.database.DatabaseUrl;
import com.powerpto.platform.database.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Extra databases on the JVM's embedded PostgreSQL server, for tests that must not share the test database. */
final class Databases {

    private Databases() {
    }

    /** Creates an empty database and returns its JDBC URL (user in the URL, as DATABASE_URL allows). */
    static String create(String name) {
        DatabaseUrl server = EmbeddedDatabase.shared(null, 0);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return server.jdbcUrl().replaceFirst("/postgres$", "/" + name) + "?user=" + server.user();
    }
}
