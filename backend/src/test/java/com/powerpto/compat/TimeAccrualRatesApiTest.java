package com.powerpto.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time-accrual settings answer all three rate fields, the two that do not match the frequency
 * as null — whether the version was stored before or after this rule; writes may echo the nulls
 * back but still refuse a second rate.
 */
class TimeAccrualRatesApiTest extends ApiTest {

    static final String[] RATES = {"rate_minutes_per_day", "rate_minutes_per_month", "rate_minutes_per_year"};

    @Autowired
    JdbcClient jdbc;

    World world;
    UUID policy;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
        policy = world.policy("pto", "VACATION", Map.of("type", "ACCRUAL", "accrual_method", "TIME",
                "accrual_frequency", "MONTHLY", "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_month", 800), "2020-01-01");
    }

    String url() {
        return world.base() + "/policies/" + policy;
    }

    static void monthlyShape(JsonNode settings, int rate) {
        for (String field : RATES) {
            assertThat(settings.has(field)).as(field + " in " + settings).isTrue();
        }
        assertThat(settings.path("rate_minutes_per_month").asInt()).isEqualTo(rate);
        assertThat(settings.path("rate_minutes_per_day").isNull()).isTrue();
        assertThat(settings.path("rate_minutes_per_year").isNull()).isTrue();
    }

    @Test
    void everyReadAnswersTheOtherRatesAsNull() throws Exception {
        monthlyShape(world.asAdmin().get(url()).expectJson(200).path("current_version").path("settings"), 800);
        monthlyShape(world.asAdmin().get(url() + "/versions").expectJson(200).path("items").get(0).path("settings"), 800);
        JsonNode list = world.asAdmin().get(world.base() + "/policies").expectJson(200).path("items");
        monthlyShape(list.get(0).path("current_version").path("settings"), 800);
        // What is stored keeps the same shape.
        String stored = jdbc.sql("SELECT settings::text FROM policy_versions WHERE company_id = :c AND policy_id = :p")
                .param("c", world.companyId()).param("p", policy).query(String.class).single();
        monthlyShape(Http.JSON.readTree(stored), 800);
    }

    @Test
    void aVersionStoredWithoutTheOtherRatesIsAnsweredWithThemAsNull() {
        jdbc.sql("UPDATE policy_versions SET settings = settings - 'rate_minutes_per_day' - 'rate_minutes_per_year'"
                        + " WHERE company_id = :c AND policy_id = :p")
                .param("c", world.companyId()).param("p", policy).update();
        monthlyShape(world.asAdmin().get(url()).expectJson(200).path("current_version").path("settings"), 800);
    }

    @Test
    void theReadSettingsCanBeSentBackButASecondRateIsStillRefused() {
        ObjectNode settings = (ObjectNode) world.asAdmin().get(url()).expectJson(200).path("current_version").path("settings");
        settings.put("rate_minutes_per_month", 960);
        world.asAdmin().put(url(), Map.of("version", Map.of("effective_from", "2027-01-01",
                "settings", settings))).expectJson(200);
        JsonNode versions = world.asAdmin().get(url() + "/versions").expectJson(200).path("items");
        assertThat(versions.size()).isEqualTo(2);
        monthlyShape(versions.get(1).path("settings"), 960);

        settings.put("rate_minutes_per_year", 9600);
        JsonNode refused = world.asAdmin().put(url(), Map.of("version", Map.of("effective_from", "2027-02-01",
                "settings", settings))).expectError(422);
        assertThat(refused.path("fields").get(0).path("field").asText()).isEqualTo("settings.rate_minutes_per_year");
    }
}
