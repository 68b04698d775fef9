package com.powerpto.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.powerpto.policy.PolicyTestBodies.create;
import static com.powerpto.policy.PolicyTestBodies.fullTime;
import static com.powerpto.policy.PolicyTestBodies.hoursWorked;
import static com.powerpto.policy.PolicyTestBodies.monthly;
import static com.powerpto.policy.PolicyTestBodies.unlimited;
import static com.powerpto.policy.PolicyTestBodies.version;
import static org.assertj.core.api.Assertions.assertThat;

/** The policy routes over real HTTP: create, list, get, versioned update, errors, audit, isolation. */
class PolicyApiTest extends ApiTest {

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
    }

    String policies() {
        return world.base() + "/policies";
    }

    JsonNode createPolicy(String key, Object settings) {
        return world.asAdmin().post(policies(), create(key, "VACATION", "2020-01-01", settings)).expectJson(201);
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

    // ---- create ----

    @Test
    void createAnswers201WithTheNormalisedCurrentVersion() {
        Map<String, Object> body = create("vacation", "VACATION", "2020-01-01", monthly());
        @SuppressWarnings("unchecked")
        Map<String, Object> version = (Map<String, Object>) body.get("version");
        version.put("change_reason", "initial rules");
        JsonNode policy = world.asAdmin().post(policies(), body).expectJson(201);

        assertThat(policy.path("id").asText()).isNotBlank();
        assertThat(policy.path("company_id").asText()).isEqualTo(world.companyId().toString());
        assertThat(policy.path("key").asText()).isEqualTo("vacation");
        assertThat(policy.path("category").asText()).isEqualTo("VACATION");
        assertThat(policy.path("created_at").asText()).matches(".*(Z|\\+00:00)$");

        JsonNode current = policy.path("current_version");
        assertThat(current.path("policy_id").asText()).isEqualTo(policy.path("id").asText());
        assertThat(current.path("version").asInt()).isEqualTo(1);
        assertThat(current.path("effective_from").asText()).isEqualTo("2020-01-01");
        assertThat(current.has("effective_to")).isTrue();
        assertThat(current.path("effective_to").isNull()).isTrue();
        assertThat(current.path("type").asText()).isEqualTo("ACCRUAL");
        assertThat(current.path("accrual_method").asText()).isEqualTo("TIME");
        assertThat(current.path("created_by").asText()).isEqualTo(world.admin.id().toString());
        assertThat(current.path("change_reason").asText()).isEqualTo("initial rules");
        assertThat(current.path("created_at").asText()).isNotBlank();

        JsonNode s = current.path("settings");
        assertThat(s.path("type").asText()).isEqualTo("ACCRUAL");
        assertThat(s.path("accrual_method").asText()).isEqualTo("TIME");
        assertThat(s.path("accrual_frequency").asText()).isEqualTo("MONTHLY");
        assertThat(s.path("accrual_timing").asText()).isEqualTo("START_OF_PERIOD");
        assertThat(s.path("rate_minutes_per_month").asInt()).isEqualTo(800);
        // The rates that do not match the frequency are answered as null (the original contract's shape).
        assertThat(s.has("rate_minutes_per_day") && s.path("rate_minutes_per_day").isNull()).isTrue();
        assertThat(s.has("rate_minutes_per_year") && s.path("rate_minutes_per_year").isNull()).isTrue();
        // defaults filled in
        assertThat(s.path("proration").asText()).isEqualTo("DAYS_ACTIVE");
        assertThat(s.path("unit").asText()).isEqualTo("DAYS");
        assertThat(s.path("allow_negative").asBoolean()).isFalse();
        assertThat(s.has("negative_limit_minutes") && s.path("negative_limit_minutes").isNull()).isTrue();
        assertThat(s.has("bank_cap_minutes") && s.path("bank_cap_minutes").isNull()).isTrue();
        assertThat(s.path("tenure_tiers").isArray()).isTrue();
        assertThat(s.path("tenure_tiers")).isEmpty();
        assertThat(s.path("carryover").path("enabled").asBoolean()).isFalse();
        assertThat(s.path("carryover").path("cap_minutes").isNull()).isTrue();
        assertThat(s.path("carryover").path("expires_after_days").isNull()).isTrue();
        assertThat(s.path("expiration").path("enabled").asBoolean()).isFalse();
        assertThat(s.path("expiration").path("expires_after_days").isNull()).isTrue();
        assertThat(s.path("expiration").path("expires_on_month").isNull()).isTrue();
        assertThat(s.path("expiration").path("expires_on_day").isNull()).isTrue();

        // GET answers the same policy
        JsonNode fetched = world.asAdmin().get(policies() + "/" + policy.path("id").asText()).expectJson(200);
        assertThat(fetched).isEqualTo(policy);
    }

    @Test
    void everyFieldOfTheTimeShapeRoundTripsAndTenureTiersAreSorted() {
        JsonNode s = createPolicy("full", fullTime()).path("current_version").path("settings");
        assertThat(s.path("proration").asText()).isEqualTo("NONE");
        assertThat(s.path("unit").asText()).isEqualTo("HOURS");
        assertThat(s.path("allow_negative").asBoolean()).isTrue();
        assertThat(s.path("negative_limit_minutes").asInt()).isEqualTo(960);
        assertThat(s.path("bank_cap_minutes").asInt()).isEqualTo(20000);
        assertThat(s.path("tenure_tiers").get(0).path("min_months").asInt()).isZero();
        assertThat(s.path("tenure_tiers").get(1).path("min_months").asInt()).isEqualTo(24);
        assertThat(s.path("tenure_tiers").get(1).path("accrual_rate_minutes").asInt()).isEqualTo(1000);
        assertThat(s.path("carryover").path("enabled").asBoolean()).isTrue();
        assertThat(s.path("carryover").path("cap_minutes").asInt()).isEqualTo(2400);
        assertThat(s.path("carryover").path("expires_after_days").asInt()).isEqualTo(90);
        assertThat(s.path("expiration").path("expires_on_month").asInt()).isEqualTo(3);
        assertThat(s.path("expiration").path("expires_on_day").asInt()).isEqualTo(31);
    }

    @Test
    void unlimitedAndHoursWorkedShapes() {
        JsonNode unlimited = createPolicy("sick", unlimited()).path("current_version");
        assertThat(unlimited.path("type").asText()).isEqualTo("UNLIMITED");
        assertThat(unlimited.path("accrual_method").isNull()).isTrue();
        assertThat(unlimited.path("settings").path("type").asText()).isEqualTo("UNLIMITED");
        assertThat(unlimited.path("settings").path("unit").asText()).isEqualTo("DAYS");

        JsonNode hours = createPolicy("hourly", hoursWorked()).path("current_version");
        assertThat(hours.path("type").asText()).isEqualTo("ACCRUAL");
        assertThat(hours.path("accrual_method").asText()).isEqualTo("HOURS_WORKED");
        assertThat(hours.path("settings").path("accrual_ratio").path("accrue_minutes").asInt()).isEqualTo(60);
        assertThat(hours.path("settings").path("accrual_ratio").path("per_worked_minutes").asInt()).isEqualTo(1440);
        assertThat(hours.path("settings").has("accrual_frequency")).isFalse();
        assertThat(hours.path("settings").has("proration")).isFalse();
    }

    @Test
    void everyCategoryIsAccepted() {
        for (String category : List.of("VACATION", "SICK", "PERSONAL", "BEREAVEMENT", "PARENTAL", "OTHER")) {
            JsonNode policy = world.asAdmin().post(policies(),
                    create("cat-" + category.toLowerCase(), category, "2020-01-01", unlimited())).expectJson(201);
            assertThat(policy.path("category").asText()).isEqualTo(category);
        }
    }

    @Test
    void duplicateKeyIs409AndWritesNothing() {
        createPolicy("vacation", monthly());
        JsonNode error = world.asAdmin().post(policies(), create("vacation", "SICK", "2020-01-01", unlimited())).expectError(409);
        assertThat(error.path("error").asText()).contains("vacation");
        assertThat(world.asAdmin().get(policies()).expectJson(200).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void sameKeyInAnotherCompanyIsFine() {
        createPolicy("vacation", monthly());
        World other = fixtures.newWorld();
        other.asAdmin().post(other.base() + "/policies", create("vacation", "VACATION", "2020-01-01", monthly())).expectJson(201);
    }

    @Test
    void badKeysAre422NamingKey() {
        for (Object key : new Object[]{"Vacation", "", "-leading", "_leading", "has space", "ümlaut", "a".repeat(65), null, 42, true}) {
            Map<String, Object> body = create("x", "VACATION", "2020-01-01", monthly());
            body.put("key", key);
            JsonNode error = world.asAdmin().post(policies(), body).expectError(422);
            assertThat(field(error)).as("key %s", key).isEqualTo("key");
        }
        // the longest allowed key works
        createPolicy("a".repeat(64), monthly());
    }

    @Test
    void malformedCreateBodiesAre422NamingTheField() {
        Map<String, Object> unknown = create("k1", "VACATION", "2020-01-01", monthly());
        unknown.put("colour", "blue");
        assertThat(field(world.asAdmin().post(policies(), unknown).expectError(422))).isEqualTo("colour");

        Map<String, Object> unknownInVersion = create("k1", "VACATION", "2020-01-01", monthly());
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) unknownInVersion.get("version");
        v.put("effective_until", "2021-01-01");
        assertThat(field(world.asAdmin().post(policies(), unknownInVersion).expectError(422))).contains("effective_until");

        Map<String, Object> noVersion = create("k1", "VACATION", "2020-01-01", monthly());
        noVersion.remove("version");
        assertThat(field(world.asAdmin().post(policies(), noVersion).expectError(422))).isEqualTo("version");

        Map<String, Object> noCategory = create("k1", "VACATION", "2020-01-01", monthly());
        noCategory.remove("category");
        assertThat(field(world.asAdmin().post(policies(), noCategory).expectError(422))).isEqualTo("category");

        Map<String, Object> badCategory = create("k1", "HOLIDAYS", "2020-01-01", monthly());
        assertThat(field(world.asAdmin().post(policies(), badCategory).expectError(422))).isEqualTo("category");

        Map<String, Object> noFrom = create("k1", "VACATION", null, monthly());
        assertThat(field(world.asAdmin().post(policies(), noFrom).expectError(422))).isEqualTo("version.effective_from");

        Map<String, Object> badFrom = create("k1", "VACATION", "2020-02-30", monthly());
        assertThat(field(world.asAdmin().post(policies(), badFrom).expectError(422))).contains("effective_from");

        Map<String, Object> ancient = create("k1", "VACATION", "1800-01-01", monthly());
        assertThat(field(world.asAdmin().post(policies(), ancient).expectError(422))).isEqualTo("version.effective_from");

        Map<String, Object> noSettings = create("k1", "VACATION", "2020-01-01", null);
        assertThat(field(world.asAdmin().post(policies(), noSettings).expectError(422))).isEqualTo("settings");

        Map<String, Object> longReason = create("k1", "VACATION", "2020-01-01", monthly());
        @SuppressWarnings("unchecked")
        Map<String, Object> lv = (Map<String, Object>) longReason.get("version");
        lv.put("change_reason", "x".repeat(1001));
        assertThat(field(world.asAdmin().post(policies(), longReason).expectError(422))).isEqualTo("version.change_reason");

        world.asAdmin().send("POST", policies(), "{\"key\": ", "application/json").expectError(422);
        world.asAdmin().send("POST", policies(), "", "application/json").expectError(422);
        world.asAdmin().send("POST", policies(), "[]", "application/json").expectError(422);

        assertThat(world.asAdmin().get(policies()).expectJson(200).path("total").asInt()).isZero();
    }

    @Test
    void onlyAdminsCreateAndUpdate() {
        Person manager = world.manager("Mia");
        Person emma = world.employee("Emma", manager.id());
        world.as(manager).post(policies(), create("m", "VACATION", "2020-01-01", monthly())).expectError(403);
        world.as(emma).post(policies(), create("e", "VACATION", "2020-01-01", monthly())).expectError(403);
        String id = createPolicy("vacation", monthly()).path("id").asText();
        world.as(manager).put(policies() + "/" + id, Map.of("version", version("2021-01-01", monthly()))).expectError(403);
        world.as(emma).put(policies() + "/" + id, Map.of("version", version("2021-01-01", monthly()))).expectError(403);
        // anyone in the company reads
        world.as(emma).get(policies()).expectJson(200);
        world.as(emma).get(policies() + "/" + id).expectJson(200);
        world.as(emma).get(policies() + "/" + id + "/versions").expectJson(200);
        world.as(manager).get(policies() + "/" + id + "/versions").expectJson(200);
    }

    // ---- list / get ----

    @Test
    void listIsPaginatedAndOrderedByKey() {
        for (String key : List.of("delta", "alpha", "charlie", "bravo", "echo")) {
            createPolicy(key, unlimited());
        }
        Person emma = world.employee("Emma", null);
        JsonNode all = world.as(emma).get(policies()).expectJson(200);
        assertThat(all.path("total").asInt()).isEqualTo(5);
        assertThat(keys(all)).containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(all.path("items").get(0).path("current_version").path("version").asInt()).isEqualTo(1);

        JsonNode page = world.asAdmin().get(policies() + "?limit=2&offset=1").expectJson(200);
        assertThat(page.path("total").asInt()).isEqualTo(5);
        assertThat(keys(page)).containsExactly("bravo", "charlie");
        JsonNode tail = world.asAdmin().get(policies() + "?limit=100&offset=4").expectJson(200);
        assertThat(keys(tail)).containsExactly("echo");
        JsonNode beyond = world.asAdmin().get(policies() + "?offset=50").expectJson(200);
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("total").asInt()).isEqualTo(5);
        assertThat(keys(world.asAdmin().get(policies() + "?limit=1").expectJson(200))).containsExactly("alpha");
    }

    @Test
    void paginationOutOfRangeIs422() {
        for (String query : List.of("limit=0", "limit=101", "limit=-1", "limit=abc", "offset=-1", "offset=x", "limit=1.5")) {
            JsonNode error = world.asAdmin().get(policies() + "?" + query).expectError(422);
            assertThat(field(error)).as(query).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        String id = createPolicy("vacation", monthly()).path("id").asText();
        world.asAdmin().get(policies() + "/" + id + "/versions?limit=0").expectError(422);
        world.asAdmin().get(policies() + "/" + id + "/versions?offset=-5").expectError(422);
    }

    @Test
    void getUnknownIs404AndBadIdIs422() {
        world.asAdmin().get(policies() + "/" + UUID.randomUUID()).expectError(404);
        world.asAdmin().get(policies() + "/" + UUID.randomUUID() + "/versions").expectError(404);
        world.asAdmin().put(policies() + "/" + UUID.randomUUID(), Map.of("version", version("2021-01-01", monthly()))).expectError(404);
        world.asAdmin().get(policies() + "/not-a-uuid").expectError(422);
    }

    static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.path("items").forEach(p -> keys.add(p.path("key").asText()));
        return keys;
    }

    // ---- update ----

    @Test
    void updateAddsVersionNPlusOneAndEndDatesThePrevious() {
        JsonNode created = createPolicy("vacation", monthly());
        String id = created.path("id").asText();
        String v1Id = created.path("current_version").path("id").asText();

        Map<String, Object> v2Settings = monthly();
        v2Settings.put("rate_minutes_per_month", 1000);
        Map<String, Object> v2 = version("2022-01-01", v2Settings);
        v2.put("change_reason", "more generous");
        JsonNode updated = world.asAdmin().put(policies() + "/" + id, Map.of("version", v2)).expectJson(200);
        assertThat(updated.path("id").asText()).isEqualTo(id);
        assertThat(updated.path("key").asText()).isEqualTo("vacation");
        JsonNode current = updated.path("current_version");
        assertThat(current.path("version").asInt()).isEqualTo(2);
        assertThat(current.path("effective_from").asText()).isEqualTo("2022-01-01");
        assertThat(current.path("effective_to").isNull()).isTrue();
        assertThat(current.path("settings").path("rate_minutes_per_month").asInt()).isEqualTo(1000);
        assertThat(current.path("change_reason").asText()).isEqualTo("more generous");

        // a switch to a different shape is just another version
        world.asAdmin().put(policies() + "/" + id, Map.of("version", version("2023-06-01", hoursWorked()))).expectJson(200);

        JsonNode versions = world.asAdmin().get(policies() + "/" + id + "/versions").expectJson(200);
        assertThat(versions.path("total").asInt()).isEqualTo(3);
        JsonNode items = versions.path("items");
        assertThat(items.get(0).path("id").asText()).isEqualTo(v1Id);
        assertThat(items.get(0).path("version").asInt()).isEqualTo(1);
        assertThat(items.get(0).path("effective_from").asText()).isEqualTo("2020-01-01");
        assertThat(items.get(0).path("effective_to").asText()).isEqualTo("2022-01-01");
        assertThat(items.get(0).path("settings").path("rate_minutes_per_month").asInt()).isEqualTo(800);
        assertThat(items.get(1).path("version").asInt()).isEqualTo(2);
        assertThat(items.get(1).path("effective_to").asText()).isEqualTo("2023-06-01");
        assertThat(items.get(2).path("version").asInt()).isEqualTo(3);
        assertThat(items.get(2).path("effective_to").isNull()).isTrue();
        assertThat(items.get(2).path("accrual_method").asText()).isEqualTo("HOURS_WORKED");
        for (JsonNode item : items) {
            assertThat(item.path("policy_id").asText()).isEqualTo(id);
            assertThat(item.path("created_by").asText()).isEqualTo(world.admin.id().toString());
        }

        JsonNode page = world.asAdmin().get(policies() + "/" + id + "/versions?limit=1&offset=1").expectJson(200);
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("version").asInt()).isEqualTo(2);
    }

    @Test
    void aFutureVersionDoesNotBecomeCurrentBeforeItsDate() {
        String id = createPolicy("vacation", monthly()).path("id").asText();
        String future = LocalDate.now().plusYears(5).toString();
        JsonNode updated = world.asAdmin().put(policies() + "/" + id, Map.of("version", version(future, unlimited()))).expectJson(200);
        assertThat(updated.path("current_version").path("version").asInt()).isEqualTo(1);
        assertThat(updated.path("current_version").path("effective_to").asText()).isEqualTo(future);
        JsonNode versions = world.asAdmin().get(policies() + "/" + id + "/versions").expectJson(200);
        assertThat(versions.path("items").get(1).path("effective_from").asText()).isEqualTo(future);
    }

    @Test
    void updateOnTheSameDayAsThePreviousVersionIsAllowed() {
        String id = createPolicy("vacation", monthly()).path("id").asText();
        world.asAdmin().put(policies() + "/" + id, Map.of("version", version("2020-01-01", unlimited()))).expectJson(200);
        JsonNode versions = world.asAdmin().get(policies() + "/" + id + "/versions").expectJson(200);
        assertThat(versions.path("items").get(0).path("effective_to").asText()).isEqualTo("2020-01-01");
        assertThat(versions.path("items").get(1).path("version").asInt()).isEqualTo(2);
    }

    @Test
    void updateBeforeThePreviousVersionIs422AndWritesNothing() {
        String id = createPolicy("vacation", monthly()).path("id").asText();
        world.asAdmin().put(policies() + "/" + id, Map.of("version", version("2022-01-01", monthly()))).expectJson(200);
        JsonNode error = world.asAdmin().put(policies() + "/" + id, Map.of("version", version("2021-12-31", monthly()))).expectError(422);
        assertThat(field(error)).isEqualTo("version.effective_from");
        JsonNode versions = world.asAdmin().get(policies() + "/" + id + "/versions").expectJson(200);
        assertThat(versions.path("total").asInt()).isEqualTo(2);
        assertThat(versions.path("items").get(1).path("effective_to").isNull()).isTrue();
    }

    @Test
    void malformedUpdateBodiesAre422() {
        String id = createPolicy("vacation", monthly()).path("id").asText();
        String path = policies() + "/" + id;
        assertThat(field(world.asAdmin().put(path, Map.of()).expectError(422))).isEqualTo("version");
        Map<String, Object> nullVersion = new LinkedHashMap<>();
        nullVersion.put("version", null);
        assertThat(field(world.asAdmin().put(path, nullVersion).expectError(422))).isEqualTo("version");
        assertThat(field(world.asAdmin().put(path, Map.of("version", version("2021-01-01", monthly()), "key", "renamed"))
                .expectError(422))).isEqualTo("key");
        assertThat(field(world.asAdmin().put(path, Map.of("version", version(null, monthly()))).expectError(422)))
                .isEqualTo("version.effective_from");
        Map<String, Object> bad = monthly();
        bad.put("rate_minutes_per_month", 0);
        assertThat(field(world.asAdmin().put(path, Map.of("version", version("2021-01-01", bad))).expectError(422)))
                .isEqualTo("settings.rate_minutes_per_month");
        world.asAdmin().send("PUT", path, "not json", "application/json").expectError(422);
        assertThat(world.asAdmin().get(path + "/versions").expectJson(200).path("total").asInt()).isEqualTo(1);
    }

    // ---- audit ----

    @Test
    void createAndUpdateAreAudited() {
        JsonNode created = createPolicy("vacation", monthly());
        String id = created.path("id").asText();
        List<JsonNode> creates = audit("entity_type=POLICY&action=CREATE");
        assertThat(creates).hasSize(1);
        JsonNode row = creates.get(0);
        assertThat(row.path("entity_id").asText()).isEqualTo(id);
        assertThat(row.path("actor_id").asText()).isEqualTo(world.admin.id().toString());
        assertThat(row.path("company_id").asText()).isEqualTo(world.companyId().toString());
        assertThat(row.path("before_json").isNull()).isTrue();
        assertThat(row.path("after_json").path("key").asText()).isEqualTo("vacation");
        assertThat(audit("entity_type=POLICY_VERSION&action=CREATE")).hasSize(1);

        world.asAdmin().put(policies() + "/" + id, Map.of("version", version("2022-01-01", unlimited()))).expectJson(200);
        List<JsonNode> updates = audit("entity_type=POLICY&action=UPDATE");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).path("entity_id").asText()).isEqualTo(id);
        assertThat(updates.get(0).path("before_json").path("current_version").path("version").asInt()).isEqualTo(1);
        assertThat(updates.get(0).path("after_json").path("current_version").path("version").asInt()).isEqualTo(2);
        List<JsonNode> versionRows = audit("entity_type=POLICY_VERSION&action=CREATE");
        assertThat(versionRows).hasSize(2);
        assertThat(versionRows).anySatisfy(r -> assertThat(r.path("after_json").path("version").asInt()).isEqualTo(2));

        // refused writes leave no audit row
        world.asAdmin().post(policies(), create("vacation", "VACATION", "2020-01-01", monthly())).expectError(409);
        world.asAdmin().put(policies() + "/" + id, Map.of("version", version("2019-01-01", unlimited()))).expectError(422);
        assertThat(audit("entity_type=POLICY")).hasSize(2);
    }

    // ---- tenancy and authentication ----

    @Test
    void anotherCompanysAdminCanNeitherReadNorChangePolicies() {
        String id = createPolicy("vacation", monthly()).path("id").asText();
        World other = fixtures.newWorld();
        Http intruder = other.asAdmin();
        // by path: 403
        intruder.get(policies()).expectError(403);
        intruder.get(policies() + "/" + id).expectError(403);
        intruder.get(policies() + "/" + id + "/versions").expectError(403);
        intruder.post(policies(), create("evil", "VACATION", "2020-01-01", monthly())).expectError(403);
        intruder.put(policies() + "/" + id, Map.of("version", version("2021-01-01", unlimited()))).expectError(403);
        // by id inside their own path: 404
        String own = other.base() + "/policies/" + id;
        intruder.get(own).expectError(404);
        intruder.get(own + "/versions").expectError(404);
        intruder.put(own, Map.of("version", version("2021-01-01", unlimited()))).expectError(404);
        assertThat(intruder.get(other.base() + "/policies").expectJson(200).path("total").asInt()).isZero();
        // nothing changed
        JsonNode versions = world.asAdmin().get(policies() + "/" + id + "/versions").expectJson(200);
        assertThat(versions.path("total").asInt()).isEqualTo(1);
        assertThat(world.asAdmin().get(policies()).expectJson(200).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void everyPolicyRouteNeedsAnIdentity() {
        String id = createPolicy("vacation", monthly()).path("id").asText();
        Http anonymous = http;
        anonymous.get(policies()).expectError(401);
        anonymous.post(policies(), create("x", "VACATION", "2020-01-01", monthly())).expectError(401);
        anonymous.get(policies() + "/" + id).expectError(401);
        anonymous.put(policies() + "/" + id, Map.of("version", version("2021-01-01", monthly()))).expectError(401);
        anonymous.get(policies() + "/" + id + "/versions").expectError(401);
        assertThat(world.asAdmin().get(policies()).expectJson(200).path("total").asInt()).isEqualTo(1);
    }
}
