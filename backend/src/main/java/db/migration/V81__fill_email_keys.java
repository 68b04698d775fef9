package db.migration;

import com.powerpto.platform.security.EmailKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills employees.email_key and accounts.email_key (V80) for existing rows. A Java migration
 * because the key must be computed exactly as the application computes it ({@link EmailKey}),
 * not by PostgreSQL's locale-dependent lower().
 */
public class V81__fill_email_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        fill(connection, "employees", "id");
        fill(connection, "accounts", "employee_id");
    }

    private static void fill(Connection connection, String table, String idColumn) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT company_id::text, " + idColumn + "::text, email FROM " + table + " WHERE email_key IS NULL");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new String[]{rs.getString(1), rs.getString(2), EmailKey.of(rs.getString(3))});
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET email_key = ? WHERE company_id = ?::uuid AND " + idColumn + " = ?::uuid")) {
            for (String[] row : rows) {
                update.setString(1, row[2]);
                update.setString(2, row[0]);
                update.setString(3, row[1]);
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
