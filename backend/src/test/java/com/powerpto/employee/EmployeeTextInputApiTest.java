package com.powerpto.employee;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text PostgreSQL cannot store (a NUL character) is malformed input: 422 naming the field, not the
 * 409 "conflicts with existing data" the database error used to turn into.
 */
class EmployeeTextInputApiTest extends ApiTest {

    @Test
    void nulCharactersInTextFieldsAre422() {
        World world = fixtures.newWorld();
        for (String field : List.of("first_name", "last_name", "email")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("first_name", "Emma");
            body.put("last_name", "Tester");
            body.put("email", "emma.nul@example.test");
            body.put(field, field.equals("email") ? "em\u0000ma@example.test" : "Em\u0000ma");
            UUID id = UUID.randomUUID();
            JsonNode error = world.asAdmin().put(world.base() + "/employees/" + id, body).expectError(422);
            assertThat(error.path("fields").path(0).path("field").asText()).isEqualTo(field);
            world.asAdmin().get(world.base() + "/employees/" + id).expectError(404);
        }
        // unusual but storable text is fine
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("first_name", "Zoë 😀 O'Brien");
        ok.put("last_name", "<script>alert(1)</script>");
        ok.put("email", "zoe+tag@example.test");
        JsonNode saved = world.asAdmin().put(world.base() + "/employees/" + UUID.randomUUID(), ok).expectJson(200);
        assertThat(saved.path("first_name").asText()).isEqualTo("Zoë 😀 O'Brien");
        assertThat(saved.path("last_name").asText()).isEqualTo("<script>alert(1)</script>");
    }
}
