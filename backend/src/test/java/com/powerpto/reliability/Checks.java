package com.powerpto.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.Http;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Assertions and helpers shared by the reliability tests. */
final class Checks {

    private Checks() {
    }

    /** Null when the response is the contract's error body for its status, else why not. */
    static String errorShapeProblem(Http.Response response) {
        JsonNode body;
        try {
            body = response.json();
        } catch (AssertionError e) {
            return "not JSON";
        }
        if (!String.valueOf(response.header("Content-Type")).startsWith("application/json")) {
            return "content type " + response.header("Content-Type");
        }
        if (!body.path("error").isTextual() || body.path("error").asText().isBlank()) {
            return "no error message";
        }
        if (body.path("status_code").asInt() != response.status()) {
            return "status_code " + body.path("status_code") + " != " + response.status();
        }
        if (!body.has("detail")) {
            return "no detail field";
        }
        if (!body.get("detail").isTextual() && !body.get("detail").isNull()) {
            return "detail is neither a string nor null: " + body.get("detail");
        }
        if (!body.path("code").isTextual() || !body.path("code").asText().matches("[a-z][a-z0-9_]*")) {
            return "no snake_case code";
        }
        String text = response.text();
        if (text.contains("Exception") || text.contains("\tat ") || text.contains("org.springframework")
                || text.contains("org.postgresql") || text.contains("java.")) {
            return "leaks internals";
        }
        return null;
    }

    /** Starts n calls at the same instant and returns their responses in order. */
    static List<Http.Response> race(int n, IntFunction<Http.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Http.Response> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Tables with a company_id column (plus companies itself), read once from the catalog. */
    static List<String> companyTables(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name = 'company_id'
                ORDER BY table_name
                """).query(String.class).list();
    }

    /** Rows of every table that belong to the company (one statement), and every row of tables without a company. */
    static Map<String, Long> rowCounts(JdbcClient jdbc, List<String> companyTables, UUID companyId) {
        StringBuilder sql = new StringBuilder("SELECT (SELECT count(*) FROM companies WHERE id = :c) AS companies");
        for (String table : companyTables) {
            sql.append(", (SELECT count(*) FROM \"").append(table).append("\" WHERE company_id = :c) AS \"").append(table).append('"');
        }
        sql.append(", (SELECT count(*) FROM job_progress) AS job_progress");
        return jdbc.sql(sql.toString()).param("c", companyId).query((rs, i) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                counts.put(rs.getMetaData().getColumnLabel(c), rs.getLong(c));
            }
            return counts;
        }).single();
    }

    /** Requests without their HOLD entry, and HOLD entries without their request: both must be empty. */
    static List<String> partialRequests(JdbcClient jdbc, UUID companyId) {
        return jdbc.sql("""
                SELECT 'request without HOLD: ' || r.id FROM requests r
                WHERE r.company_id = :c AND NOT EXISTS (
                    SELECT 1 FROM ledger_entries l WHERE l.company_id = r.company_id AND l.source_type = 'REQUEST'
                      AND l.source_id = r.id::text AND l.entry_type = 'HOLD')
                UNION ALL
                SELECT 'HOLD without request: ' || l.source_id FROM ledger_entries l
                WHERE l.company_id = :c AND l.source_type = 'REQUEST' AND l.entry_type = 'HOLD' AND NOT EXISTS (
                    SELECT 1 FROM requests r WHERE r.company_id = l.company_id AND r.id::text = l.source_id)
                """).param("c", companyId).query(String.class).list();
    }
}
