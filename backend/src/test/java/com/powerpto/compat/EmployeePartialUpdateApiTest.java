package com.powerpto.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT /employees/{id}} on an existing employee: absent fields keep their value, an
 * explicit null resets to the default; on create the required fields stay required.
 */
class EmployeePartialUpdateApiTest extends ApiTest {

    World world;
    Person manager;
    UUID id;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
        manager = world.manager("Mia");
        id = UUID.randomUUID();
        Map<String, Object> full = new HashMap<>();
        full.put("first_name", "Emma");
        full.put("last_name", "Old");
        full.put("email", "emma." + id.toString().substring(0, 8) + "@example.test");
        full.put("pay_type", "HOURLY");
        full.put("workday_minutes", 420);
        full.put("timezone", "Europe/Paris");
        full.put("hire_date", "2024-02-01");
        full.put("manager_id", manager.id().toString());
        full.put("work_days", List.of("MON", "TUE", "WED"));
        full.put("workday_start", "08:30");
        world.asAdmin().put(url(), full).expectJson(200);
    }

    String url() {
        return world.base() + "/employees/" + id;
    }

    @Test
    void aLastNameChangeKeepsEveryOtherField() {
        JsonNode saved = world.asAdmin().put(url(), Map.of("last_name", "New")).expectJson(200);
        assertThat(saved.path("last_name").asText()).isEqualTo("New");
        assertThat(saved.path("first_name").asText()).isEqualTo("Emma");
        assertThat(saved.path("manager_id").asText()).isEqualTo(manager.id().toString());
        assertThat(saved.path("work_days").toString()).isEqualTo("[\"MON\",\"TUE\",\"WED\"]");
        assertThat(saved.path("workday_start").asText()).isEqualTo("08:30");
        assertThat(saved.path("workday_minutes").asInt()).isEqualTo(420);
        assertThat(saved.path("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(saved.path("pay_type").asText()).isEqualTo("HOURLY");
        assertThat(saved.path("hire_date").asText()).isEqualTo("2024-02-01");
        assertThat(world.asAdmin().get(url()).expectJson(200)).isEqualTo(saved);
        // The manager keeps the approval rights the old full-replace PUT silently removed.
        assertThat(world.as(manager).get(url()).expect(200).status()).isEqualTo(200);
    }

    @Test
    void explicitNullResetsToTheDefault() {
        Map<String, Object> nulls = new HashMap<>();
        for (String field : List.of("manager_id", "work_days", "workday_start", "workday_minutes", "timezone",
                "pay_type", "hire_date")) {
            nulls.put(field, null);
        }
        JsonNode saved = world.asAdmin().put(url(), nulls).expectJson(200);
        assertThat(saved.path("manager_id").isNull()).isTrue();
        assertThat(saved.path("work_days").toString()).isEqualTo("[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"]");
        assertThat(saved.path("workday_start").asText()).isEqualTo("09:00");
        assertThat(saved.path("workday_minutes").asInt()).isEqualTo(480);
        assertThat(saved.path("timezone").asText()).isEqualTo("UTC");
        assertThat(saved.path("pay_type").asText()).isEqualTo("SALARY");
        assertThat(saved.path("hire_date").isNull()).isTrue();
        assertThat(saved.path("last_name").asText()).isEqualTo("Old");
    }

    @Test
    void namesAndEmailCannotBeClearedAndAnEmptyBodyChangesNothing() {
        Map<String, Object> body = new HashMap<>();
        body.put("last_name", null);
        JsonNode error = world.asAdmin().put(url(), body).expectError(422);
        assertThat(error.path("fields").get(0).path("field").asText()).isEqualTo("last_name");
        JsonNode before = world.asAdmin().get(url()).expectJson(200);
        assertThat(world.asAdmin().put(url(), Map.of()).expectJson(200)).isEqualTo(before);
    }

    @Test
    void onCreateTheRequiredFieldsStayRequiredAndTheRestTakeDefaults() {
        String fresh = world.base() + "/employees/" + UUID.randomUUID();
        JsonNode error = world.asAdmin().put(fresh, Map.of("last_name", "Only")).expectError(422);
        assertThat(error.path("fields").get(0).path("field").asText()).isEqualTo("first_name");
        JsonNode created = world.asAdmin().put(fresh, Map.of("first_name", "Neo", "last_name", "Only",
                "email", "neo." + UUID.randomUUID().toString().substring(0, 8) + "@example.test")).expectJson(200);
        assertThat(created.path("work_days").size()).isEqualTo(5);
        assertThat(created.path("workday_start").asText()).isEqualTo("09:00");
        assertThat(created.path("timezone").asText()).isEqualTo("UTC");
    }

    @Test
    void theStrictBodyRulesStillApply() {
        JsonNode unknown = world.asAdmin().put(url(), Map.of("nickname", "E")).expectError(422);
        assertThat(unknown.path("code").asText()).isEqualTo("unknown_field");
        assertThat(unknown.path("fields").get(0).path("field").asText()).isEqualTo("nickname");
        JsonNode wrongType = world.asAdmin().put(url(), Map.of("workday_minutes", "lots")).expectError(422);
        assertThat(wrongType.path("fields").get(0).path("field").asText()).isEqualTo("workday_minutes");
        JsonNode nul = world.asAdmin().put(url(), Map.of("last_name", "a\u0000b")).expectError(422);
        assertThat(nul.path("fields").get(0).path("field").asText()).isEqualTo("last_name");
        world.asAdmin().send("PUT", url(), "[1]", "application/json").expectError(422);
        world.asAdmin().send("PUT", url(), "null", "application/json").expectError(422);
        world.asAdmin().send("PUT", url(), "{\"last_name\":", "application/json").expectError(422);
        assertThat(world.asAdmin().get(url()).expectJson(200).path("last_name").asText()).isEqualTo("Old");
    }
}
