package com.powerpto.employee;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The employee routes over real HTTP: upsert, read rules per role, listing, validation, audit, isolation. */
class EmployeeApiTest extends ApiTest {

    @Autowired
    EmployeeService service;

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
    }

    String employees() {
        return world.base() + "/employees";
    }

    static Map<String, Object> minimal(String first, String last) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first_name", first);
        body.put("last_name", last);
        body.put("email", first.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        return body;
    }

    static String field(JsonNode error) {
        return error.path("fields").path(0).path("field").asText();
    }

    List<JsonNode> audit(String query) {
        JsonNode page = world.asAdmin().get(world.base() + "/audit-log?limit=100&" + query).expectJson(200);
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    static List<String> lastNames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(e -> names.add(e.path("last_name").asText()));
        return names;
    }

    // ---- upsert ----

    @Test
    void createFillsTheContractsDefaults() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = minimal("Grace", "Hopper");
        JsonNode e = world.asAdmin().put(employees() + "/" + id, body).expectJson(200);
        assertThat(e.path("id").asText()).isEqualTo(id.toString());
        assertThat(e.path("company_id").asText()).isEqualTo(world.companyId().toString());
        assertThat(e.path("first_name").asText()).isEqualTo("Grace");
        assertThat(e.path("last_name").asText()).isEqualTo("Hopper");
        assertThat(e.path("email").asText()).isEqualTo(body.get("email"));
        assertThat(e.path("pay_type").asText()).isEqualTo("SALARY");
        assertThat(e.path("workday_minutes").asInt()).isEqualTo(480);
        assertThat(e.path("timezone").asText()).isEqualTo("UTC");
        assertThat(e.has("hire_date") && e.path("hire_date").isNull()).isTrue();
        assertThat(e.has("manager_id") && e.path("manager_id").isNull()).isTrue();
        assertThat(e.path("work_days").toString()).isEqualTo("[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"]");
        assertThat(e.path("workday_start").asText()).isEqualTo("09:00");
        assertThat(world.asAdmin().get(employees() + "/" + id).expectJson(200)).isEqualTo(e);
    }

    @Test
    void updateReplacesEveryFieldAndKeepsTheId() {
        Person boss = world.manager("Boss");
        UUID id = UUID.randomUUID();
        world.asAdmin().put(employees() + "/" + id, minimal("Grace", "Hopper")).expectJson(200);
        Map<String, Object> body = minimal("Grace", "Murray");
        body.put("pay_type", "HOURLY");
        body.put("workday_minutes", 360);
        body.put("timezone", "America/New_York");
        body.put("hire_date", "2019-03-15");
        body.put("manager_id", boss.id().toString());
        body.put("work_days", List.of("SAT", "MON", "WED"));
        body.put("workday_start", "07:30");
        JsonNode e = world.asAdmin().put(employees() + "/" + id, body).expectJson(200);
        assertThat(e.path("last_name").asText()).isEqualTo("Murray");
        assertThat(e.path("pay_type").asText()).isEqualTo("HOURLY");
        assertThat(e.path("workday_minutes").asInt()).isEqualTo(360);
        assertThat(e.path("timezone").asText()).isEqualTo("America/New_York");
        assertThat(e.path("hire_date").asText()).isEqualTo("2019-03-15");
        assertThat(e.path("manager_id").asText()).isEqualTo(boss.id().toString());
        // stored in calendar order whatever order was sent
        assertThat(e.path("work_days").toString()).isEqualTo("[\"MON\",\"WED\",\"SAT\"]");
        assertThat(e.path("workday_start").asText()).isEqualTo("07:30");
        assertThat(world.asAdmin().get(employees() + "/" + id).expectJson(200)).isEqualTo(e);

        // the typed view other features use
        Employee typed = service.get(world.companyId(), id);
        assertThat(typed.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(typed.workDaySet()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY);
        assertThat(typed.workdayStart()).isEqualTo(LocalTime.of(7, 30));
        assertThat(service.isManagerOf(world.companyId(), boss.id(), id)).isTrue();
        assertThat(service.isManagerOf(world.companyId(), id, boss.id())).isFalse();
        assertThat(service.isManagerOf(UUID.randomUUID(), boss.id(), id)).isFalse();
        assertThatThrownBy(() -> service.get(UUID.randomUUID(), id)).hasMessageContaining("not found");
    }

    @Test
    void upsertsAreAuditedWithBeforeAndAfter() {
        UUID id = UUID.randomUUID();
        world.asAdmin().put(employees() + "/" + id, minimal("Grace", "Hopper")).expectJson(200);
        world.asAdmin().put(employees() + "/" + id, minimal("Grace", "Murray")).expectJson(200);
        List<JsonNode> rows = audit("entity_type=EMPLOYEE&entity_id=" + id);
        assertThat(rows).hasSize(2);
        JsonNode create = rows.stream().filter(r -> r.path("action").asText().equals("CREATE")).findFirst().orElseThrow();
        JsonNode update = rows.stream().filter(r -> r.path("action").asText().equals("UPDATE")).findFirst().orElseThrow();
        assertThat(create.path("actor_id").asText()).isEqualTo(world.admin.id().toString());
        assertThat(create.path("before_json").isNull()).isTrue();
        assertThat(create.path("after_json").path("last_name").asText()).isEqualTo("Hopper");
        assertThat(update.path("before_json").path("last_name").asText()).isEqualTo("Hopper");
        assertThat(update.path("after_json").path("last_name").asText()).isEqualTo("Murray");

        // refused writes leave no row
        world.asAdmin().put(employees() + "/" + id, Map.of("first_name", " ")).expectError(422);
        assertThat(audit("entity_type=EMPLOYEE&entity_id=" + id)).hasSize(2);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("first_name", null), Arguments.of("first_name", ""), Arguments.of("first_name", "   "),
                Arguments.of("first_name", "x".repeat(101)),
                Arguments.of("last_name", null), Arguments.of("last_name", "y".repeat(101)),
                Arguments.of("email", null), Arguments.of("email", "not-an-email"), Arguments.of("email", "a@b"),
                Arguments.of("email", "two@@example.com"), Arguments.of("email", "x".repeat(250) + "@e.io"),
                Arguments.of("pay_type", "WEEKLY"), Arguments.of("pay_type", "salary"),
                Arguments.of("workday_minutes", 59), Arguments.of("workday_minutes", 1441), Arguments.of("workday_minutes", -1),
                Arguments.of("workday_minutes", 480.5), Arguments.of("workday_minutes", "480"),
                Arguments.of("timezone", "Mars/Olympus_Mons"), Arguments.of("timezone", "Europe/Pariss"),
                Arguments.of("timezone", "+02:00"), Arguments.of("timezone", ""), Arguments.of("timezone", "EST"),
                Arguments.of("work_days", List.of()), Arguments.of("work_days", List.of("MON", "MON")),
                Arguments.of("work_days", List.of("FUNDAY")), Arguments.of("work_days", List.of("mon")),
                Arguments.of("work_days", "MON"),
                Arguments.of("workday_start", "9:00"), Arguments.of("workday_start", "24:00"),
                Arguments.of("workday_start", "09:60"), Arguments.of("workday_start", "0900"),
                Arguments.of("workday_start", "09:00:00"),
                Arguments.of("hire_date", "2020-13-01"), Arguments.of("hire_date", "1850-01-01"),
                Arguments.of("manager_id", "not-a-uuid"), Arguments.of("manager_id", UUID.randomUUID().toString()),
                Arguments.of("salary", 100000));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badBodies")
    void invalidFieldsAre422NamingTheField(String name, Object value) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = minimal("Grace", "Hopper");
        body.put(name, value);
        JsonNode error = world.asAdmin().put(employees() + "/" + id, body).expectError(422);
        assertThat(field(error)).as(error.toString()).isEqualTo(name);
        world.asAdmin().get(employees() + "/" + id).expectError(404);
    }

    @Test
    void malformedBodiesAre422() {
        String path = employees() + "/" + UUID.randomUUID();
        world.asAdmin().send("PUT", path, "{\"first_name\": ", "application/json").expectError(422);
        world.asAdmin().send("PUT", path, "", "application/json").expectError(422);
        world.asAdmin().send("PUT", path, "[]", "application/json").expectError(422);
        world.asAdmin().put(employees() + "/not-a-uuid", minimal("A", "B")).expectError(422);
    }

    @Test
    void anEmployeeCannotManageThemselfNorCloseACycle() {
        UUID a = UUID.randomUUID();
        Map<String, Object> self = minimal("Self", "Managed");
        self.put("manager_id", a.toString());
        assertThat(field(world.asAdmin().put(employees() + "/" + a, self).expectError(422))).isEqualTo("manager_id");

        Person top = world.employee(a, "Top", "Boss", null, Map.of());
        Person middle = world.employee("Middle", top.id());
        Person bottom = world.employee("Bottom", middle.id());
        Map<String, Object> cycle = minimal("Top", "Boss");
        cycle.put("manager_id", bottom.id().toString());
        JsonNode error = world.asAdmin().put(employees() + "/" + top.id(), cycle).expectError(422);
        assertThat(field(error)).isEqualTo("manager_id");
        Map<String, Object> twoCycle = minimal("Top", "Boss");
        twoCycle.put("manager_id", middle.id().toString());
        assertThat(field(world.asAdmin().put(employees() + "/" + top.id(), twoCycle).expectError(422))).isEqualTo("manager_id");
        assertThat(world.asAdmin().get(employees() + "/" + top.id()).expectJson(200).path("manager_id").isNull()).isTrue();
    }

    @Test
    void aManagerFromAnotherCompanyIs422() {
        World other = fixtures.newWorld();
        Person foreignBoss = other.manager("Foreign");
        Map<String, Object> body = minimal("Grace", "Hopper");
        body.put("manager_id", foreignBoss.id().toString());
        JsonNode error = world.asAdmin().put(employees() + "/" + UUID.randomUUID(), body).expectError(422);
        assertThat(field(error)).isEqualTo("manager_id");
    }

    @Test
    void duplicateEmailInTheCompanyIs409() {
        Map<String, Object> first = minimal("Grace", "Hopper");
        first.put("email", "grace@example.test");
        UUID id = UUID.randomUUID();
        world.asAdmin().put(employees() + "/" + id, first).expectJson(200);
        // re-upserting the same person with their own address is fine
        world.asAdmin().put(employees() + "/" + id, first).expectJson(200);

        Map<String, Object> second = minimal("Other", "Grace");
        second.put("email", "GRACE@example.test");
        UUID otherId = UUID.randomUUID();
        world.asAdmin().put(employees() + "/" + otherId, second).expectError(409);
        world.asAdmin().get(employees() + "/" + otherId).expectError(404);

        // another company may use the same address
        World other = fixtures.newWorld();
        other.asAdmin().put(other.base() + "/employees/" + UUID.randomUUID(), first).expectJson(200);
    }

    @Test
    void onlyAdminsUpsert() {
        Person manager = world.manager("Mia");
        Person emma = world.employee("Emma", manager.id());
        world.as(manager).put(employees() + "/" + emma.id(), minimal("Emma", "Changed")).expectError(403);
        world.as(emma).put(employees() + "/" + emma.id(), minimal("Emma", "Changed")).expectError(403);
        http.put(employees() + "/" + emma.id(), minimal("Emma", "Changed")).expectError(401);
        assertThat(world.asAdmin().get(employees() + "/" + emma.id()).expectJson(200).path("last_name").asText())
                .isEqualTo("Tester");
    }

    // ---- read ----

    @Test
    void getIsForAdminsTheirManagerAndThemselves() {
        Person manager = world.manager("Mia");
        Person otherManager = world.manager("Otto");
        Person emma = world.employee("Emma", manager.id());
        Person peer = world.employee("Peter", manager.id());
        String path = employees() + "/" + emma.id();
        world.asAdmin().get(path).expectJson(200);
        world.as(emma).get(path).expectJson(200);
        world.as(manager).get(path).expectJson(200);
        world.as(otherManager).get(path).expectError(403);
        world.as(peer).get(path).expectError(403);
        // a person whose employee record says "manager" but whose role is employee does not get manager rights
        world.as(new Person(world.companyId(), manager.id(), Role.EMPLOYEE)).get(path).expectError(403);
        world.as(manager).get(employees() + "/" + manager.id()).expectJson(200);
        http.get(path).expectError(401);
    }

    @Test
    void unknownOrForeignIdsAre404() {
        world.asAdmin().get(employees() + "/" + UUID.randomUUID()).expectError(404);
        world.asAdmin().get(employees() + "/not-a-uuid").expectError(422);
        World other = fixtures.newWorld();
        Person foreigner = other.employee("Fred", null);
        world.asAdmin().get(employees() + "/" + foreigner.id()).expectError(404);
        world.asAdmin().get(employees() + "/" + other.admin.id()).expectError(404);
    }

    @Test
    void listIsOrderedByNameAndPaginated() {
        world.employee(UUID.randomUUID(), "Zed", "Brown", null, Map.of());
        world.employee(UUID.randomUUID(), "Amy", "Brown", null, Map.of());
        world.employee(UUID.randomUUID(), "Bob", "Cole", null, Map.of());
        world.employee(UUID.randomUUID(), "Cat", "Able", null, Map.of());
        JsonNode all = world.asAdmin().get(employees()).expectJson(200);
        assertThat(all.path("total").asInt()).isEqualTo(5); // with the admin "Ada Admin"
        assertThat(lastNames(all)).containsExactly("Able", "Admin", "Brown", "Brown", "Cole");
        assertThat(all.path("items").get(2).path("first_name").asText()).isEqualTo("Amy");
        assertThat(all.path("items").get(3).path("first_name").asText()).isEqualTo("Zed");

        JsonNode page = world.asAdmin().get(employees() + "?limit=2&offset=2").expectJson(200);
        assertThat(page.path("total").asInt()).isEqualTo(5);
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("items").get(0).path("first_name").asText()).isEqualTo("Amy");
        assertThat(world.asAdmin().get(employees() + "?offset=10").expectJson(200).path("items")).isEmpty();
        for (String bad : List.of("limit=0", "limit=101", "offset=-1", "limit=x")) {
            world.asAdmin().get(employees() + "?" + bad).expectError(422);
        }
    }

    @Test
    void managersListTheirReportsAndThemselvesOnly() {
        Person mia = world.manager("Mia");
        Person otto = world.manager("Otto");
        Person emma = world.employee(UUID.randomUUID(), "Emma", "Alpha", mia.id(), Map.of());
        Person ed = world.employee(UUID.randomUUID(), "Ed", "Beta", mia.id(), Map.of());
        Person olga = world.employee(UUID.randomUUID(), "Olga", "Gamma", otto.id(), Map.of());

        JsonNode mine = world.as(mia).get(employees()).expectJson(200);
        assertThat(ids(mine)).containsExactlyInAnyOrder(mia.id().toString(), emma.id().toString(), ed.id().toString());
        assertThat(mine.path("total").asInt()).isEqualTo(3);

        // the manager_id filter
        JsonNode filtered = world.asAdmin().get(employees() + "?manager_id=" + otto.id()).expectJson(200);
        assertThat(ids(filtered)).containsExactly(olga.id().toString());
        JsonNode miaFiltered = world.as(mia).get(employees() + "?manager_id=" + mia.id()).expectJson(200);
        assertThat(ids(miaFiltered)).containsExactlyInAnyOrder(emma.id().toString(), ed.id().toString());
        // a manager filtering on someone else's team still sees only their own people: nobody
        JsonNode foreignTeam = world.as(mia).get(employees() + "?manager_id=" + otto.id()).expectJson(200);
        assertThat(foreignTeam.path("total").asInt()).isZero();
        world.asAdmin().get(employees() + "?manager_id=nope").expectError(422);
        assertThat(world.asAdmin().get(employees() + "?manager_id=" + UUID.randomUUID()).expectJson(200).path("total").asInt())
                .isZero();

        world.as(emma).get(employees()).expectError(403);
        http.get(employees()).expectError(401);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }

    // ---- tenancy ----

    @Test
    void anotherCompanyCanNeitherReadNorChangeOurEmployees() {
        Person emma = world.employee("Emma", null);
        World other = fixtures.newWorld();
        Http intruder = other.asAdmin();
        // by path: 403
        intruder.get(employees()).expectError(403);
        intruder.get(employees() + "/" + emma.id()).expectError(403);
        intruder.put(employees() + "/" + emma.id(), minimal("Evil", "Twin")).expectError(403);
        intruder.put(employees() + "/" + UUID.randomUUID(), minimal("Evil", "Twin")).expectError(403);
        // by id inside their own company: our row is invisible and untouched
        intruder.get(other.base() + "/employees/" + emma.id()).expectError(404);
        assertThat(ids(intruder.get(other.base() + "/employees?limit=100").expectJson(200))).doesNotContain(emma.id().toString());
        intruder.put(other.base() + "/employees/" + emma.id(), minimal("Evil", "Twin")).expectJson(200);
        JsonNode ours = world.asAdmin().get(employees() + "/" + emma.id()).expectJson(200);
        assertThat(ours.path("first_name").asText()).isEqualTo("Emma");
        assertThat(ours.path("company_id").asText()).isEqualTo(world.companyId().toString());
        // an employee of the other company cannot read ours either
        other.as(new Person(other.companyId(), emma.id(), Role.EMPLOYEE)).get(employees() + "/" + emma.id()).expectError(403);
        // and their audit rows stay theirs
        assertThat(audit("entity_type=EMPLOYEE&entity_id=" + emma.id())).hasSize(1);
    }
}
