import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The floor of the request path (issue 27): the same servlet container (embedded Tomcat, NIO, the
 * app's version), the same pool, driver and JSON library as the API, and nothing else — no Spring,
 * no security, no log line, no metrics. Two routes:
 *   GET /noop                                   -> {} (what a request costs that does nothing)
 *   GET /api/companies/{c}/employees/{e}/balances -> the balance read's own statement, as JSON
 * The balance rows are written with seven of the API's eleven fields (a few microseconds of JSON).
 * Usage: java -cp <the app's libs>:. Floor PORT JDBC_URL POOL
 * bench/run.sh (phases floor-*) drives it with the bench's own wrk script and copies the libraries
 * out of the jar; it is a measuring stick, not a product.
 */
public class Floor {
    /** BalanceRepository.forEmployee's statement, positional. */
    private static final String SQL = """
            SELECT p.id, p.key, p.category, p.name, p.description,
                   (SELECT v.type FROM policy_versions v
                    WHERE v.company_id = p.company_id AND v.policy_id = p.id
                    ORDER BY (v.effective_from <= ?) DESC,
                             CASE WHEN v.effective_from <= ? THEN -v.version ELSE v.version END
                    LIMIT 1) AS type,
                   coalesce(b.accrued_minutes, 0) AS accrued, coalesce(b.used_minutes, 0) AS used,
                   coalesce(b.held_minutes, 0) AS held, coalesce(b.updated_at, p.created_at) AS updated_at
            FROM policies p
            LEFT JOIN balance_snapshots b
              ON b.company_id = p.company_id AND b.employee_id = ? AND b.policy_id = p.id
            WHERE p.company_id = ?
              AND (b.policy_id IS NOT NULL OR EXISTS (
                    SELECT 1 FROM assignments a
                    WHERE a.company_id = ? AND a.employee_id = ? AND a.policy_id = p.id
                      AND (a.effective_to IS NULL OR a.effective_to > ?)))
            ORDER BY p.key
            """;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setMaximumPoolSize(Integer.parseInt(args[2]));
        HikariDataSource pool = new HikariDataSource(config);
        ObjectMapper mapper = new ObjectMapper();

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("floor").toString());
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "floor", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String uri = request.getRequestURI();
                response.setContentType("application/json");
                if (uri.equals("/noop")) {
                    response.getOutputStream().write("{}".getBytes());
                    return;
                }
                String[] parts = uri.split("/");  // "", api, companies, c, employees, e, balances
                UUID company = UUID.fromString(parts[3]);
                UUID employee = UUID.fromString(parts[5]);
                List<Map<String, Object>> rows = new ArrayList<>();
                try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
                    Date today = Date.valueOf(LocalDate.now());
                    s.setDate(1, today);
                    s.setDate(2, today);
                    s.setObject(3, employee);
                    s.setObject(4, company);
                    s.setObject(5, company);
                    s.setObject(6, employee);
                    s.setDate(7, today);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("policyId", r.getString(1));
                            row.put("key", r.getString(2));
                            row.put("name", r.getString(4));
                            row.put("type", r.getString(6));
                            row.put("accrued", r.getInt(7));
                            row.put("used", r.getInt(8));
                            row.put("held", r.getInt(9));
                            rows.add(row);
                        }
                    }
                } catch (java.sql.SQLException e) {
                    response.setStatus(500);
                    return;
                }
                mapper.writeValue(response.getOutputStream(), Map.of("balances", rows));
            }
        });
        context.addServletMappingDecoded("/*", "floor");
        tomcat.start();
        System.out.println("floor listening on " + port);
        tomcat.getServer().await();
    }
}
