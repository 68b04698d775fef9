package com.powerpto.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST …/imports/employees} over real HTTP: dry run, all-or-nothing, idempotence, every problem with row and column. */
class EmployeeImportApiTest extends ApiTest {

    static final String HEADER = "email,first_name,last_name,manager_email,timezone,hire_date,work_days,workday_minutes,pay_type,role,department,location";

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
    }

    Http.Response upload(String query, String csv) {
        return world.asAdmin().send("POST", world.base() + "/imports/employees" + query, csv, "text/csv");
    }

    static String file(String... rows) {
        return HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    /** Reports come before their managers: the file is resolved as a whole. */
    static final String COMPANY = file(
            "liam@acme.test,Liam,Lopez,mia@acme.test,Europe/Paris,2024-03-01,MON TUE WED THU,420,HOURLY,employee,Sales,Paris",
            "mia@acme.test,Mia,Moreau,boss@acme.test,Europe/Paris,2020-01-15,MON;TUE;WED;THU;FRI,480,SALARY,manager,Sales,Paris",
            "boss@acme.test,Bea,Boss,,America/New_York,2019-06-01,,,,admin,,",
            "\"Noor@Acme.test\",Noor,\"O'Neil, Jr.\",mia@acme.test,,,,,,,Support,");

    @Test
    void aDryRunReportsWithoutWritingAndARealRunImportsTheWholeCompanyOnce() {
        JsonNode dry = upload("?dry_run=true", COMPANY).expectJson(200);
        assertThat(dry.path("rows").asInt()).isEqualTo(4);
        assertThat(dry.path("created").asInt()).isEqualTo(4);
        assertThat(dry.path("dry_run").asBoolean()).isTrue();
        assertThat(dry.path("errors").size()).isZero();
        assertThat(employees("")).hasSize(1); // the admin only

        JsonNode real = upload("", COMPANY).expectJson(200);
        assertThat(real.path("created").asInt()).isEqualTo(4);
        assertThat(real.has("invites")).isFalse();
        Map<String, JsonNode> byEmail = new HashMap<>();
        employees("").forEach(e -> byEmail.put(e.path("email").asText(), e));
        JsonNode liam = byEmail.get("liam@acme.test");
        JsonNode mia = byEmail.get("mia@acme.test");
        JsonNode boss = byEmail.get("boss@acme.test");
        assertThat(liam.path("manager_id").asText()).isEqualTo(mia.path("id").asText());
        assertThat(mia.path("manager_id").asText()).isEqualTo(boss.path("id").asText());
        assertThat(liam.path("work_days").toString()).isEqualTo("[\"MON\",\"TUE\",\"WED\",\"THU\"]");
        assertThat(liam.path("workday_minutes").asInt()).isEqualTo(420);
        assertThat(liam.path("pay_type").asText()).isEqualTo("HOURLY");
        assertThat(liam.path("department").asText()).isEqualTo("Sales");
        assertThat(liam.path("location").asText()).isEqualTo("Paris");
        assertThat(boss.path("timezone").asText()).isEqualTo("America/New_York");
        assertThat(boss.path("department").isNull()).isTrue();
        JsonNode noor = byEmail.get("Noor@Acme.test");
        assertThat(noor.path("last_name").asText()).isEqualTo("O'Neil, Jr.");
        assertThat(noor.path("timezone").asText()).isEqualTo("UTC");
        assertThat(noor.path("hire_date").isNull()).isTrue();
        assertThat(employees("&department=sales")).extracting(e -> e.path("email").asText())
                .containsExactlyInAnyOrder("liam@acme.test", "mia@acme.test");
        assertThat(employees("&location=Paris")).hasSize(2);
        int audited = auditTotal();
        assertThat(audited).isEqualTo(5); // the admin's own upsert + 4 created

        // The same file again (e-mails in another case too) changes nothing.
        JsonNode again = upload("", COMPANY.replace("Noor@Acme.test", "NOOR@ACME.TEST")).expectJson(200);
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isEqualTo(1); // Noor's e-mail spelling changed
        JsonNode third = upload("", COMPANY.replace("Noor@Acme.test", "NOOR@ACME.TEST")).expectJson(200);
        assertThat(third.path("updated").asInt()).isZero();
        assertThat(third.path("unchanged").asInt()).isEqualTo(4);
        assertThat(auditTotal()).isEqualTo(audited + 1);

        // A changed row is an update of the same employee (matched by e-mail), audited with before and after.
        JsonNode moved = upload("", COMPANY.replace("Support,", "Sales,")).expectJson(200);
        assertThat(moved.path("updated").asInt()).isEqualTo(1);
        assertThat(employees("&department=Sales")).hasSize(3);
        assertThat(employees("")).hasSize(5);
    }

    @Test
    void theDryRunFindsEveryProblemOfABadFileWithItsRowAndColumnAndARealRunWritesNothing() {
        world.employee("Existing", null, Map.of("email", "existing@acme.test"));
        String bad = "email,first_name,last_name,manager_email,timezone,hire_date,work_days,workday_minutes,department\n"
                + "ok@acme.test,Ok,Row,existing@acme.test,UTC,2024-01-01,,,\n"
                + "b@acme.test,Bob,Unknown,ghost@acme.test,UTC,2024-01-01,,,\n"
                + "c@acme.test,Cleo,Cycle,d@acme.test,UTC,2024-01-01,,,\n"
                + "d@acme.test,Dan,Cycle,c@acme.test,UTC,2024-01-01,,,\n"
                + "e@acme.test,Eve,Zone,,Mars/Olympus,2024-01-01,,,\n"
                + "OK@acme.test,Dup,Licate,,UTC,2024-01-01,,,\n"
                + "f@acme.test,Fay,Date,,UTC,2024-02-30,,,\n"
                + "g@acme.test,=HYPERLINK(\"x\"),Formula,,UTC,2024-01-01,,,\n"
                + "h@acme.test,Hal,Days,,UTC,2024-01-01,MON FUNDAY,90000,\n"
                + "\"i@acme.test\",\"Ivy\nTwo lines\",Break,,UTC,2024-01-01,,,\n";
        JsonNode report = upload("?dry_run=true", bad).expectJson(200);
        assertProblems(report,
                "1 pay_type missing column",
                "3 manager_email unknown manager",
                "4 manager_email reporting cycle",
                "5 manager_email reporting cycle",
                "6 timezone \"Mars/Olympus\" is not an IANA time zone",
                "7 email duplicate e-mail: already on row 2",
                "8 hire_date \"2024-02-30\" is not a date",
                "9 first_name starts with = and would run as a spreadsheet formula",
                "10 work_days \"MON FUNDAY\" must be distinct day names",
                "10 workday_minutes must be a whole number",
                "11 first_name contains a line break");
        assertThat(report.path("rows").asInt()).isEqualTo(10);

        JsonNode refused = upload("", bad).expectError(422);
        assertThat(refused.path("errors").size()).isEqualTo(11);
        assertThat(refused.path("error").asText()).contains("nothing was imported");
        assertThat(employees("")).hasSize(2);
    }

    /** Issue 26: one upload lists every problem of a row, the unknown manager together with the row's other errors. */
    @Test
    void aRowWithSeveralProblemsReportsEveryOneOfThemInOnePassWithItsCode() {
        String csv = file(
                "ok@acme.test,Ok,Row,,UTC,2024-01-01,,,,,,",
                "bad@acme.test,=Bad,Row,ghost@acme.test,Mars/Olympus,2024-02-30,MON FUNDAY,30,WEEKLY,boss,,");
        JsonNode report = upload("?dry_run=true", csv).expectJson(200);
        assertProblems(report,
                "3 first_name starts with = and would run as a spreadsheet formula",
                "3 timezone \"Mars/Olympus\" is not an IANA time zone",
                "3 hire_date \"2024-02-30\" is not a date",
                "3 work_days \"MON FUNDAY\" must be distinct day names among MON TUE WED THU FRI SAT SUN",
                "3 workday_minutes must be a whole number",
                "3 pay_type must be SALARY or HOURLY",
                "3 role must be admin, manager or employee",
                "3 manager_email unknown manager ghost@acme.test");
        List<String> codes = new ArrayList<>();
        report.path("errors").forEach(e -> codes.add(e.path("code").asText()));
        assertThat(codes).containsExactly("cell_formula", "timezone_invalid", "date_invalid", "work_days_invalid",
                "workday_minutes_invalid", "pay_type_invalid", "role_invalid", "manager_unknown");
        JsonNode manager = report.path("errors").get(7);
        assertThat(manager.path("params").path("manager").asText()).isEqualTo("ghost@acme.test");
        assertThat(report.path("errors").get(3).path("params").path("value").asText()).isEqualTo("MON FUNDAY");
        // the valid row is the only one counted
        assertThat(report.path("created").asInt()).isEqualTo(1);
    }

    /** Issue 26: "26 new" for 25 valid rows — a row refused for its manager is no longer counted as new. */
    @Test
    void theCountsHoldOnlyRowsWithoutProblemsOnEveryDryRun() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add("p" + i + "@acme.test,P" + i + ",Person,,UTC,2024-01-01,,,,,,");
        }
        rows.add("late@acme.test,Late,Manager,nobody@acme.test,UTC,2024-01-01,,,,,,");
        String csv = file(rows.toArray(String[]::new));
        for (int run = 0; run < 2; run++) {
            JsonNode report = upload("?dry_run=true", csv).expectJson(200);
            assertThat(report.path("rows").asInt()).isEqualTo(26);
            assertThat(report.path("created").asInt()).as("dry run %d", run + 1).isEqualTo(25);
            assertThat(report.path("errors").size()).isEqualTo(1);
        }
        // a manager in a row that has problems of its own is still "in the file": only that row's problems show
        String withBadManagerRow = file(
                "rep@acme.test,Rep,One,mgr@acme.test,UTC,2024-01-01,,,,,,",
                "mgr@acme.test,Mgr,Two,,Nowhere/Zone,2024-01-01,,,,,,");
        JsonNode report = upload("?dry_run=true", withBadManagerRow).expectJson(200);
        assertProblems(report, "3 timezone");
        assertThat(report.path("created").asInt()).isEqualTo(1);
    }

    /**
     * Issue 25, finding 9: the formula check read the raw cell and the import stored it trimmed, so
     * a space (or a tab) before the "=" got a formula into the company's data.
     */
    @Test
    void aFormulaBehindLeadingSpacesIsRefusedAsTheTrimmedTextWouldBeStored() {
        String bad = file(
                "sly@acme.test,\" =HYPERLINK(\"\"https://evil.example\"\";\"\"Click\"\")\",Stone,,,,,,,,,",
                "tab@acme.test,Tab,\"\t+SUM(A1:A9)\",,,,,,,,,",
                "neg@acme.test,Neg,Ative,,,,,  -480,,,,");
        JsonNode refused = upload("", bad).expectError(422);
        List<String> problems = new ArrayList<>();
        refused.path("errors").forEach(e -> problems.add(e.path("row").asInt() + " " + e.path("column").asText()));
        assertThat(problems).containsExactly("2 first_name", "3 last_name", "4 workday_minutes");
        assertThat(refused.toString()).contains("starts with = and would run as a spreadsheet formula")
                .contains("starts with + and would run");
        assertThat(employees("")).hasSize(1);
    }

    @Test
    void unreadableFilesAreClear4xxAndWriteNothing() {
        byte[] latin1 = file("rene@acme.test,René,Roux,,UTC,,,,,,,").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload("", new String(latin1, StandardCharsets.ISO_8859_1)).status()).isEqualTo(200); // sent as UTF-8 by the client: fine
        world.asAdmin().send("POST", world.base() + "/imports/employees?dry_run=true",
                new String(latin1, StandardCharsets.ISO_8859_1), "text/csv; charset=ISO-8859-1").expectError(415);
        assertThat(rawUpload(latin1).expectError(422).path("error").asText()).contains("UTF-8");
        assertThat(upload("", "").expectError(422).path("error").asText()).startsWith("file:");
        assertThat(upload("", HEADER + "\n").expectError(422).path("error").asText()).contains("no rows");
        assertThat(upload("", HEADER + "\n\"a@acme.test,A,B\n").expectError(422).path("error").asText()).contains("not valid CSV");
        world.asAdmin().post(world.base() + "/imports/employees", Map.of("email", "x")).expectError(415);

        StringBuilder tooMany = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= 10_000; i++) {
            tooMany.append("p").append(i).append("@acme.test,P,Q,,,,,,,,,\n");
        }
        assertThat(upload("?dry_run=true", tooMany.toString()).expectError(422).path("error").asText()).contains("10000");
        String huge = HEADER + "\n" + ("x".repeat(99) + "\n").repeat(90_000); // 9 MB > the 8 MiB import limit
        upload("", huge).expectError(413);
        assertThat(employees("")).hasSize(2); // the admin and René
    }

    @Test
    void inviteTrueCreatesInvitedAccountsThroughTheAccountService() {
        JsonNode report = upload("?invite=true", COMPANY).expectJson(200);
        assertThat(report.path("invites").size()).isEqualTo(4);
        JsonNode invite = report.path("invites").get(0);
        String employeeId = invite.path("employee_id").asText();
        JsonNode account = world.asAdmin().get(world.base() + "/employees/" + employeeId + "/account").expectJson(200);
        assertThat(account.path("active").asBoolean()).isFalse();
        assertThat(account.path("has_password").asBoolean()).isFalse();
        http.post("/api/auth/accept-invite", Map.of("token", invite.path("invite_token").asText(),
                "password", "a long enough password")).expect(204);
        http.post("/api/auth/login", Map.of("email", invite.path("email").asText(), "password", "a long enough password")).expect(200);
        JsonNode roles = world.asAdmin().get(world.base() + "/employees/" + report.path("invites").get(2).path("employee_id").asText()
                + "/account").expectJson(200);
        assertThat(roles.path("role").asText()).isEqualTo("admin"); // boss@acme.test, role column

        // Accounts that exist are left alone on a re-import.
        assertThat(upload("?invite=true", COMPANY).expectJson(200).path("invites").size()).isZero();
    }

    @Test
    void onlyAdminsOfTheCompanyImport() {
        Person manager = world.manager("Mia");
        Person employee = world.employee("Emma", manager.id());
        for (Person caller : List.of(manager, new Person(employee.companyId(), employee.id(), Role.EMPLOYEE))) {
            world.as(caller).send("POST", world.base() + "/imports/employees?dry_run=true", COMPANY, "text/csv").expectError(403);
            world.as(caller).send("POST", world.base() + "/imports/balances?dry_run=true", "email\n", "text/csv").expectError(403);
        }
        World other = fixtures.newWorld();
        other.asAdmin().send("POST", world.base() + "/imports/employees", COMPANY, "text/csv").expectError(403);
        http.send("POST", world.base() + "/imports/employees", COMPANY, "text/csv").expectError(401);
        assertThat(employees("")).hasSize(3);
    }

    Http.Response rawUpload(byte[] body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.baseUrl() + world.base() + "/imports/employees"))
                    .header("X-Company-Id", world.companyId().toString()).header("X-User-Id", world.admin.id().toString())
                    .header("X-Role", "admin").header("Content-Type", "text/csv")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    List<JsonNode> employees(String query) {
        List<JsonNode> list = new ArrayList<>();
        world.asAdmin().get(world.base() + "/employees?limit=100" + query).expectJson(200).path("items").forEach(list::add);
        return list;
    }

    int auditTotal() {
        return world.asAdmin().get(world.base() + "/audit-log?entity_type=EMPLOYEE").expectJson(200).path("total").asInt();
    }

    /** Each problem as "row column message", in order; each expected line is a prefix of the actual one. */
    static void assertProblems(JsonNode report, String... expected) {
        List<String> actual = new ArrayList<>();
        report.path("errors").forEach(e -> actual.add(e.path("row").asInt() + " " + e.path("column").asText() + " " + e.path("message").asText()));
        assertThat(actual).as(String.join("\n", actual)).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).startsWith(expected[i]);
        }
    }
}
