package com.powerpto.reliability;

import com.powerpto.auth.RouteCatalog;
import com.powerpto.payroll.PayrollSignature;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random and adversarial input against every route of {@link RouteCatalog}, as the admin of
 * a real company: wrong types, huge numbers, 1 MB strings, unicode, nulls, SQL and script
 * fragments, impossible dates, bad UUIDs, in bodies, headers, paths and query strings. Every
 * answer is 2xx or 4xx (never 5xx), every refusal has the error body, and a refused call leaves
 * no row anywhere (the company's row counts of every table, before and after each call).
 * Reproduce a failure with {@code -Dfuzz.seed=<seed printed>}.
 */
class BadInputFuzzTest extends ReliabilityApiTest {

    static final int CALLS = Integer.getInteger("fuzz.calls", 2100);

    /** Routes that hash a password on every call. */
    static final java.util.Set<String> SLOW = java.util.Set.of("POST /api/auth/login", "POST /api/auth/accept-invite",
            "POST /api/auth/change-password", "PUT /api/companies/{cid}/employees/{eid}/account");

    @Autowired
    PtoProperties properties;

    private Random random;
    private Map<String, String> ids;

    static final List<Object> ADVERSARIAL = List.of(
            "", " ", "null", "' OR '1'='1", "'; DROP TABLE ledger_entries; --", "1; SELECT pg_sleep(10)",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}",
            "../../etc/passwd", "\u0000", "a\u0000b", "\uD83D\uDE00\uD83D\uDC4D", "שלום עולם", "Ω≈ç√∫", "\u202Eevil", "\uFEFF",
            "0000-00-00", "9999-12-31", "0001-01-01", "2024-02-30", "2024-13-01", "-0001-01-01", "+275760-09-13",
            "2027-03-02T25:00", "2027-03-02T09:00:00+25:00", "9999-12-31T23:59:59Z", "0000-00-00T00:00", "1970-01-01T00:00:00Z",
            "00000000-0000-0000-0000-000000000000", "not-a-uuid", "ffffffff-ffff-ffff-ffff-fffffffffffz",
            "123e4567-e89b-12d3-a456-4266141740000", "-1", "1e999", "NaN", "Infinity", "true", "[]", "{}",
            "x".repeat(1001), "y".repeat(70_000),
            0, -1, 1, Integer.MAX_VALUE, 2_147_483_648L, -2_147_483_649L, Long.MAX_VALUE, Long.MIN_VALUE,
            new BigInteger("9223372036854775808"), new BigInteger("1" + "0".repeat(400)), 1e308, -1e308, 0.5, 1.0e-300,
            true, false, List.of(), Map.of(), List.of("MON", "XYZ"), List.of(1, 2, 3), Map.of("a", 1),
            List.of(Map.of("employee_id", "x", "worked_minutes", -5)));

    @Test
    void everyRouteAnswersEveryBadInputWith2xxOr4xxAndRefusalsWriteNothing() {
        long seed = Long.getLong("fuzz.seed", 20_261_125L);
        random = new Random(seed);
        World world = fixtures.newWorld();
        Person max = world.manager("Max");
        Person emma = world.employee("Emma", max.id());
        UUID vacation = world.timePolicy("vacation", Map.of());
        UUID sick = world.unlimitedPolicy("sick");
        UUID assignment = world.assign(vacation, emma, "2026-01-01", null);
        world.assign(sick, emma, "2026-01-01", null);
        world.adjust(emma, vacation, 40 * 480, "forty days");
        world.holiday("2027-12-25", "Christmas");
        String holiday = world.asAdmin().get(world.base() + "/holidays").expectJson(200).path("items").get(0).path("id").asText();
        String request = world.submit(emma, vacation, "2027-03-02T00:00", "2027-03-03T00:00").expectJson(201).path("id").asText();
        ids = new HashMap<>(Map.of("cid", world.companyId().toString(), "eid", emma.id().toString(),
                "pid", vacation.toString(), "aid", assignment.toString(), "rid", request, "hid", holiday,
                "max", max.id().toString(), "admin", world.admin.id().toString(), "sick", sick.toString()));
        // ids of rows a fuzzed call cannot know (outbox row, calendar feed, delegation, location): unknown ones answer 404
        for (String unknown : List.of("nid", "fid", "did", "lid")) {
            ids.put(unknown, UUID.randomUUID().toString());
        }
        ids.put("token", "unknown-feed-token-" + UUID.randomUUID());

        List<String> tables = Checks.companyTables(jdbc);
        Map<String, Long> counts = Checks.rowCounts(jdbc, tables, world.companyId());
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        Map<String, Long> timeByRoute = new HashMap<>();
        long started = System.nanoTime();
        long slowest = 0;
        List<RouteCatalog.Route> routes = RouteCatalog.ROUTES;
        for (int i = 0; i < CALLS; i++) {
            RouteCatalog.Route route = routes.get(i % routes.size());
            if (SLOW.contains(route.toString()) && chance(0.8)) {
                // Password hashing is slow by design: these routes get a fifth of the calls.
                do {
                    route = routes.get(random.nextInt(routes.size()));
                } while (SLOW.contains(route.toString()));
            }
            Call call = call(route, world);
            long t0 = System.nanoTime();
            Http.Response response;
            try {
                response = call.send(http);
            } catch (RuntimeException e) {
                failures.add("#" + i + " " + call + " -> client error " + e);
                continue;
            }
            long took = (System.nanoTime() - t0) / 1_000_000;
            slowest = Math.max(slowest, took);
            timeByRoute.merge(route.toString(), took, Long::sum);
            byStatus.merge(response.status(), 1, Integer::sum);
            Map<String, Long> after = Checks.rowCounts(jdbc, tables, world.companyId());
            String problem = null;
            if (response.status() >= 500 || response.status() < 200) {
                problem = "status " + response.status();
            } else if (response.status() >= 300 && response.status() < 400 && !expectedRedirect(route.path(), response)) {
                problem = "redirect outside the Swagger UI and the SSO start: " + response.header("Location");
            } else if (response.status() >= 400 && Checks.errorShapeProblem(response) != null) {
                problem = "error body: " + Checks.errorShapeProblem(response);
            } else if ((response.status() >= 300 || call.method.equals("GET")) && !after.equals(counts)) {
                problem = "rows changed by a refused or read-only call: " + counts + " -> " + after;
            }
            if (problem != null) {
                failures.add("#" + i + " " + call + " -> " + problem + ": " + abbreviate(response.text()));
            }
            counts = after;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[fuzz] seed %d: %d calls on %d routes in %d ms (slowest %d ms), statuses %s, %d failures%n",
                seed, CALLS, routes.size(), millis, slowest, byStatus, failures.size());
        timeByRoute.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.println("[fuzz] time in " + e.getKey() + ": " + e.getValue() + " ms"));
        failures.stream().limit(40).forEach(f -> System.out.println("[fuzz] " + f));
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(byStatus.keySet()).as("the fuzzer also got through to successes").anyMatch(s -> s < 300);
        assertThat(ledgerService.reconcile(world.companyId()).mismatches()).isEmpty();
        assertThat(Checks.partialRequests(jdbc, world.companyId())).isEmpty();
    }

    final class Call {
        String method;
        String path;
        String body;
        String contentType;
        final Map<String, String> headers = new LinkedHashMap<>();

        Http.Response send(Http base) {
            Http h = base;
            for (Map.Entry<String, String> e : headers.entrySet()) {
                h = h.header(e.getKey(), e.getValue());
            }
            return h.send(method, path, body, contentType);
        }

        @Override
        public String toString() {
            return method + " " + abbreviate(path) + " headers=" + abbreviate(headers.toString())
                    + " type=" + contentType + " body=" + abbreviate(body);
        }
    }

    private Call call(RouteCatalog.Route route, World world) {
        Call call = new Call();
        call.method = chance(0.03) ? pick("PATCH", "PUT", "DELETE", "POST", "GET") : route.method();
        Map<String, String> values = new HashMap<>();
        java.util.regex.Matcher variables = java.util.regex.Pattern.compile("\\{([a-z_]+)}").matcher(route.path());
        while (variables.find()) {
            String name = variables.group(1);
            String real = ids.get(name);
            values.put(name, chance(name.equals("cid") ? 0.9 : 0.7) ? real : pathSegment(adversarialText()));
        }
        StringBuilder path = new StringBuilder(route.expand(values));
        List<String> query = new ArrayList<>();
        for (String parameter : List.of("offset", "limit", "status", "policy_id", "employee_id", "start_date", "end_date",
                "year", "entity_type", "action", "actor_id", "manager_id", "format", "target_date", "effective_to")) {
            if (chance(0.15)) {
                String value = chance(0.5) ? validParameter(parameter) : adversarialText();
                query.add(parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        if (chance(0.03)) {
            query.add(URLEncoder.encode(adversarialText(), StandardCharsets.UTF_8) + "=1");
        }
        if (!query.isEmpty()) {
            path.append('?').append(String.join("&", query));
        }
        call.path = path.toString();

        // Identity: the company's admin, mostly; else broken or foreign identities.
        boolean hmac = route.auth() == RouteCatalog.Auth.PAYROLL_HMAC;
        if (chance(0.9) || hmac) {
            call.headers.put("X-Company-Id", ids.get("cid"));
            call.headers.put("X-User-Id", ids.get("admin"));
            call.headers.put("X-Role", "admin");
        }
        if (chance(0.08)) {
            call.headers.put(pick("X-Company-Id", "X-User-Id", "X-Role", "Authorization", "X-Request-Id", "X-Forwarded-For"),
                    headerText());
        }
        if (chance(0.04)) {
            call.headers.put("Authorization", pick("Bearer ", "Bearer a.b.c", "Basic YWRtaW46YWRtaW4=",
                    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer " + "A".repeat(4000)));
        }
        if (chance(0.05)) {
            call.headers.put("Accept", pick("text/csv", "application/xml", "*/*", "text/html", "application/json;q=0", "garbage"));
        }

        boolean writes = call.method.equals("POST") || call.method.equals("PUT");
        if (writes || chance(0.05)) {
            call.body = body(route, world);
            call.contentType = chance(0.9) ? "application/json"
                    : pick(null, "text/plain", "application/xml", "application/json; charset=utf-16", "multipart/form-data", "garbage");
        }
        if (hmac && call.body != null && chance(0.75)) {
            call.headers.put(PayrollSignature.HEADER,
                    PayrollSignature.sign(call.body.getBytes(StandardCharsets.UTF_8), properties.payrollWebhookSecret()));
        } else if (hmac && chance(0.5)) {
            call.headers.put(PayrollSignature.HEADER, pick("sha256=", "sha256=00", "md5=abc", headerText()));
        }
        return call;
    }

    private String body(RouteCatalog.Route route, World world) {
        double roll = random.nextDouble();
        if (roll < 0.07) {
            return pick("{", "}", "[", "{\"a\":", "not json", "<xml/>", "\u0000", "{\"a\":1,}", "{'a':1}", "",
                    "[".repeat(1500) + "]".repeat(1500), "{\"a\":" + "[".repeat(3000), "null", "123", "\"text\"", "[{}]");
        }
        if (roll < 0.12) {
            return json(adversarial());
        }
        Map<String, Object> body = template(route);
        Map<String, Object> mutated = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : body.entrySet()) {
            double r = random.nextDouble();
            if (r < 0.1) {
                continue; // missing
            }
            mutated.put(field.getKey(), r < 0.45 ? adversarial() : field.getValue());
        }
        if (chance(0.05)) {
            mutated.put(pick("unknown", "id", "company_id", "status", "__proto__", "constructor"), adversarial());
        }
        if (chance(0.015) && !mutated.isEmpty()) {
            // A 1 MB string in a real field (the body stays under the 1 MiB limit).
            String key = new ArrayList<>(mutated.keySet()).get(random.nextInt(mutated.size()));
            mutated.put(key, "\u00e9".repeat(250_000) + "z".repeat(499_000));
        }
        return json(mutated);
    }

    private Map<String, Object> template(RouteCatalog.Route route) {
        Map<String, Object> b = new LinkedHashMap<>();
        String shape = RouteCatalog.shape(route.method(), route.path());
        String eid = ids.get("eid");
        switch (shape) {
            case "POST /api/companies/{}/policies" -> {
                b.put("key", "p" + random.nextInt(1_000_000));
                b.put("category", pick("VACATION", "SICK", "OTHER"));
                b.put("version", version());
            }
            case "PUT /api/companies/{}/policies/{}" -> b.put("version", version());
            case "POST /api/companies/{}/policies/{}/assignments" -> {
                b.put("employee_id", pick(eid, ids.get("max"), ids.get("admin")));
                b.put("effective_from", "20" + (30 + random.nextInt(40)) + "-01-01");
                b.put("effective_to", null);
            }
            case "PUT /api/companies/{}/employees/{}" -> {
                b.put("first_name", "Fuzz");
                b.put("last_name", "Tester");
                b.put("email", "fuzz" + random.nextInt(1_000_000) + "@example.test");
                b.put("pay_type", pick("SALARY", "HOURLY"));
                b.put("workday_minutes", 480);
                b.put("timezone", pick("UTC", "Europe/Paris", "America/New_York"));
                b.put("hire_date", "2020-01-01");
                b.put("manager_id", ids.get("max"));
                b.put("work_days", List.of("MON", "TUE"));
                b.put("workday_start", "09:00");
            }
            case "POST /api/companies/{}/requests", "POST /api/companies/{}/requests/preview" -> {
                b.put("employee_id", eid);
                b.put("policy_id", pick(ids.get("pid"), ids.get("sick")));
                String day = "2028-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
                b.put("start_at", day + "T09:00");
                b.put("end_at", day + "T13:00");
                b.put("reason", "fuzz");
                b.put("idempotency_key", "k" + random.nextInt(1000));
            }
            case "POST /api/companies/{}/requests/{}/approve", "POST /api/companies/{}/requests/{}/deny",
                 "POST /api/companies/{}/requests/{}/cancel" -> b.put("note", "fuzz");
            case "POST /api/companies/{}/adjustments" -> {
                b.put("employee_id", eid);
                b.put("policy_id", ids.get("pid"));
                b.put("amount_minutes", random.nextInt(2000) - 1000);
                b.put("reason", "fuzz");
                b.put("idempotency_key", "a" + random.nextInt(1000));
            }
            case "POST /api/companies/{}/holidays" -> {
                b.put("date", "20" + (30 + random.nextInt(60)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
                b.put("name", "Fuzz day");
            }
            case "POST /api/webhooks/payroll_processed" -> {
                b.put("payroll_run_id", UUID.randomUUID().toString());
                b.put("company_id", ids.get("cid"));
                b.put("period_start", "2026-03-01");
                b.put("period_end", "2026-03-15");
                b.put("entries", List.of(Map.of("employee_id", eid, "worked_minutes", 1 + random.nextInt(5000))));
            }
            case "POST /api/auth/login" -> {
                b.put("email", "nobody" + random.nextInt(100) + "@example.test");
                b.put("password", "wrong password");
            }
            case "POST /api/auth/change-password" -> {
                b.put("current_password", "wrong password");
                b.put("new_password", "another long password");
            }
            case "POST /api/auth/accept-invite" -> {
                b.put("token", "t" + random.nextInt(1000));
                b.put("password", "a long enough password");
            }
            case "PUT /api/companies/{}/employees/{}/account" -> {
                b.put("password", "a long enough password");
                b.put("role", pick("employee", "manager"));
            }
            default -> b.put("note", "fuzz");
        }
        return b;
    }

    private Map<String, Object> version() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("effective_from", pick("2030-01-01", "2031-06-01", "2026-01-01"));
        v.put("settings", chance(0.5) ? Map.of("type", "UNLIMITED") : new HashMap<>(Map.of("type", "ACCRUAL",
                "accrual_method", "TIME", "accrual_frequency", pick("DAILY", "MONTHLY", "YEARLY", "HOURLY"),
                "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_year", adversarialOr(9600), "proration", "NONE")));
        v.put("change_reason", "fuzz");
        return v;
    }

    private String validParameter(String name) {
        return switch (name) {
            case "offset" -> String.valueOf(random.nextInt(5));
            case "limit" -> String.valueOf(1 + random.nextInt(100));
            case "status" -> pick("SUBMITTED", "APPROVED", "DRAFT");
            case "policy_id" -> ids.get("pid");
            case "employee_id" -> ids.get("eid");
            case "actor_id" -> ids.get("admin");
            case "manager_id" -> ids.get("max");
            case "start_date", "target_date", "effective_to" -> pick("2026-01-01", "2027-06-30", "2030-12-31");
            case "end_date" -> "2027-12-31";
            case "year" -> pick("2027", "0", "99999");
            case "entity_type" -> pick("REQUEST", "POLICY");
            case "action" -> pick("APPROVE", "CREATE");
            case "format" -> pick("csv", "json", "xml");
            default -> "1";
        };
    }

    private Object adversarial() {
        return ADVERSARIAL.get(random.nextInt(ADVERSARIAL.size()));
    }

    private Object adversarialOr(Object valid) {
        return chance(0.3) ? adversarial() : valid;
    }

    private String adversarialText() {
        Object value = adversarial();
        String text = value instanceof String s ? s : String.valueOf(value);
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private String headerText() {
        return pick("' OR 1=1 --", "<script>alert(1)</script>", "00000000-0000-0000-0000-000000000000", "not-a-uuid",
                "superuser", "ADMIN", "", "9".repeat(4000), "admin, admin", UUID.randomUUID().toString(), "1.2.3.4, 5.6.7.8");
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String json(Object value) {
        try {
            return Http.JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
    }


    /**
     * The Swagger UI redirects to its page; the SSO start (a browser navigation, not an API call)
     * redirects to the web UI's landing page with the refusal in the fragment, never anywhere else.
     */
    private static boolean expectedRedirect(String path, Http.Response response) {
        String location = response.header("Location");
        return path.equals("/api/docs")
                || path.startsWith("/api/auth/oidc/start/") && location != null && location.startsWith("/sign-in/sso#error=");
    }
}
