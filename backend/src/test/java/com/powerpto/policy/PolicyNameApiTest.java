package com.powerpto.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.powerpto.policy.PolicyTestBodies.create;
import static com.powerpto.policy.PolicyTestBodies.monthly;
import static com.powerpto.policy.PolicyTestBodies.version;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20: a policy's optional display name and description. */
class PolicyNameApiTest extends ApiTest {

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
    }

    String policies() {
        return world.base() + "/policies";
    }

    @Test
    void nameAndDescriptionAreOptionalAndRoundTrip() {
        Map<String, Object> body = new LinkedHashMap<>(create("vacation-a1", "VACATION", "2020-01-01", monthly()));
        body.put("name", "  Vacation  ");
        body.put("description", "Paid time off, 20 days a year");
        JsonNode created = world.asAdmin().post(policies(), body).expectJson(201);
        assertThat(created.path("name").asText()).isEqualTo("Vacation");
        assertThat(created.path("description").asText()).isEqualTo("Paid time off, 20 days a year");
        String id = created.path("id").asText();
        assertThat(world.asAdmin().get(policies() + "/" + id).expectJson(200).path("name").asText()).isEqualTo("Vacation");
        assertThat(world.asAdmin().get(policies()).expectJson(200).path("items").path(0).path("name").asText())
                .isEqualTo("Vacation");

        // an old client's body: both fields present and null
        JsonNode plain = world.asAdmin().post(policies(), create("sick", "SICK", "2020-01-01", monthly())).expectJson(201);
        assertThat(plain.has("name")).isTrue();
        assertThat(plain.path("name").isNull()).isTrue();
        assertThat(plain.path("description").isNull()).isTrue();
    }

    @Test
    void updateRenamesWithoutANewVersionAndAbsentKeepsBlankClears() {
        JsonNode created = world.asAdmin().post(policies(), create("vacation", "VACATION", "2020-01-01", monthly()))
                .expectJson(201);
        String path = policies() + "/" + created.path("id").asText();
        JsonNode renamed = world.asAdmin().put(path, Map.of("name", "Vacation", "description", "Paid")).expectJson(200);
        assertThat(renamed.path("name").asText()).isEqualTo("Vacation");
        assertThat(renamed.path("current_version").path("version").asInt()).isEqualTo(1);
        assertThat(world.asAdmin().get(path + "/versions").expectJson(200).path("total").asInt()).isEqualTo(1);

        // a new version keeps the name; an absent description keeps it, "" clears it
        JsonNode versioned = world.asAdmin().put(path, Map.of("version", version("2021-01-01", monthly()))).expectJson(200);
        assertThat(versioned.path("name").asText()).isEqualTo("Vacation");
        JsonNode cleared = world.asAdmin().put(path, Map.of("description", "")).expectJson(200);
        assertThat(cleared.path("description").isNull()).isTrue();
        assertThat(cleared.path("name").asText()).isEqualTo("Vacation");

        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=POLICY&action=UPDATE").expectJson(200);
        assertThat(audit.path("total").asInt()).isEqualTo(3);
    }

    @Test
    void tooLongTextsAre422AndWriteNothing() {
        Map<String, Object> body = new LinkedHashMap<>(create("vacation", "VACATION", "2020-01-01", monthly()));
        body.put("name", "x".repeat(201));
        JsonNode error = world.asAdmin().post(policies(), body).expectError(422);
        assertThat(error.path("fields").path(0).path("field").asText()).isEqualTo("name");
        body.put("name", "ok");
        body.put("description", "x".repeat(2001));
        assertThat(world.asAdmin().post(policies(), body).expectError(422).path("fields").path(0).path("field").asText())
                .isEqualTo("description");
        assertThat(world.asAdmin().get(policies()).expectJson(200).path("total").asInt()).isZero();

        String id = world.asAdmin().post(policies(), create("vacation", "VACATION", "2020-01-01", monthly()))
                .expectJson(201).path("id").asText();
        world.asAdmin().put(policies() + "/" + id, Map.of("name", "y".repeat(201), "version", version("2021-01-01", monthly())))
                .expectError(422);
        assertThat(world.asAdmin().get(policies() + "/" + id + "/versions").expectJson(200).path("total").asInt()).isEqualTo(1);
        assertThat(world.asAdmin().get(policies() + "/" + id).expectJson(200).path("name").isNull()).isTrue();
    }

    @Test
    void onlyTheCompanysAdminsRename() {
        String id = world.asAdmin().post(policies(), create("vacation", "VACATION", "2020-01-01", monthly()))
                .expectJson(201).path("id").asText();
        World other = fixtures.newWorld();
        other.asAdmin().put(policies() + "/" + id, Map.of("name", "Evil")).expectError(403);
        other.asAdmin().put(other.base() + "/policies/" + id, Map.of("name", "Evil")).expectError(404);
        world.as(world.employee("Emma", null)).put(policies() + "/" + id, Map.of("name", "Evil")).expectError(403);
        assertThat(world.asAdmin().get(policies() + "/" + id).expectJson(200).path("name").isNull()).isTrue();
    }
}
