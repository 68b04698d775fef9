package com.powerpto.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's pagination exception (shared/spec/api.md, "Pagination"): the employee list and
 * the balance report asked without {@code limit} answer every row, as the original API did for
 * clients that never ask for a second page; with {@code limit} they page like every other list.
 */
class WholeListsApiTest extends ApiTest {

    static final int PEOPLE = 60;

    World world;
    UUID policy;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
        StringBuilder csv = new StringBuilder("email,first_name,last_name,manager_email,timezone,hire_date,work_days,workday_minutes,pay_type\r\n");
        for (int i = 0; i < PEOPLE; i++) {
            csv.append("p").append(i).append("@whole.test,Person,No").append(String.format("%02d", i)).append(",,,,,,\r\n");
        }
        world.asAdmin().send("POST", world.base() + "/imports/employees", csv.toString(), "text/csv").expectJson(200);
        policy = world.unlimitedPolicy("sick");
        world.asAdmin().post(world.base() + "/policies/" + policy + "/assignments/bulk",
                Map.of("effective_from", "2024-01-01", "all", true)).expectJson(200);
    }

    @Test
    void theEmployeeListWithoutLimitAnswersEveryRowWithTheTrueTotal() {
        JsonNode all = world.asAdmin().get(world.base() + "/employees").expectJson(200);
        assertThat(all.path("total").asInt()).isEqualTo(PEOPLE + 1); // the admin too
        assertThat(all.path("items").size()).isEqualTo(PEOPLE + 1);
        assertThat(ids(all)).hasSize(PEOPLE + 1);

        JsonNode page = world.asAdmin().get(world.base() + "/employees?limit=50").expectJson(200);
        assertThat(page.path("items").size()).isEqualTo(50);
        assertThat(page.path("total").asInt()).isEqualTo(PEOPLE + 1);
        JsonNode second = world.asAdmin().get(world.base() + "/employees?limit=50&offset=50").expectJson(200);
        assertThat(second.path("items").size()).isEqualTo(PEOPLE + 1 - 50);

        JsonNode fromOffset = world.asAdmin().get(world.base() + "/employees?offset=10").expectJson(200);
        assertThat(fromOffset.path("items").size()).isEqualTo(PEOPLE + 1 - 10);
        world.asAdmin().get(world.base() + "/employees?limit=101").expectError(422);
        world.asAdmin().get(world.base() + "/employees?offset=-1").expectError(422);
    }

    @Test
    void theBalanceReportWithoutLimitAnswersEveryRow() {
        JsonNode all = world.asAdmin().get(world.base() + "/reports/balances").expectJson(200);
        assertThat(all.path("total").asInt()).isEqualTo(PEOPLE + 1);
        assertThat(all.path("items").size()).isEqualTo(PEOPLE + 1);

        JsonNode page = world.asAdmin().get(world.base() + "/reports/balances?limit=20").expectJson(200);
        assertThat(page.path("items").size()).isEqualTo(20);
        assertThat(page.path("total").asInt()).isEqualTo(PEOPLE + 1);
    }

    @Test
    void otherListsKeepTheirDefaultPageOf50() {
        for (int i = 0; i < 55; i++) {
            world.asAdmin().post(world.base() + "/holidays", Map.of("date", java.time.LocalDate.of(2031, 1, 1).plusDays(i).toString(),
                    "name", "Day " + i)).expect(201);
        }
        JsonNode holidays = world.asAdmin().get(world.base() + "/holidays").expectJson(200);
        assertThat(holidays.path("items").size()).isEqualTo(50);
        assertThat(holidays.path("total").asInt()).isEqualTo(55);
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.path("items").forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }
}
