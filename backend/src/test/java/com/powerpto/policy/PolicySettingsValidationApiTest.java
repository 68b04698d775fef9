package com.powerpto.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.powerpto.policy.PolicyTestBodies.create;
import static com.powerpto.policy.PolicyTestBodies.hoursWorked;
import static com.powerpto.policy.PolicyTestBodies.monthly;
import static com.powerpto.policy.PolicyTestBodies.unlimited;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table-driven: every rule of docs/policy-settings.md broken once, each answered with a 422
 * whose {@code fields[0].field} names the offending field, on both create and update.
 */
class PolicySettingsValidationApiTest extends ApiTest {

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
    }

    record Case(String name, Map<String, Object> base, Consumer<Map<String, Object>> breakIt, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Map<String, Object> s, String key) {
        return (Map<String, Object>) s.get(key);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Case c(String name, Map<String, Object> base, Consumer<Map<String, Object>> breakIt, String field) {
        return new Case(name, base, breakIt, field);
    }

    static Stream<Arguments> badSettings() {
        List<Case> cases = List.of(
                // discriminators
                c("missing type", monthly(), s -> s.remove("type"), "settings.type"),
                c("null type", monthly(), s -> s.put("type", null), "settings.type"),
                c("unknown type", monthly(), s -> s.put("type", "BANKED"), "settings.type"),
                c("lower-case type", monthly(), s -> s.put("type", "accrual"), "settings.type"),
                c("type not a string", monthly(), s -> s.put("type", 1), "settings.type"),
                c("missing accrual_method", monthly(), s -> s.remove("accrual_method"), "settings.accrual_method"),
                c("unknown accrual_method", monthly(), s -> s.put("accrual_method", "PAYROLL"), "settings.accrual_method"),
                // UNLIMITED
                c("UNLIMITED with a rate", unlimited(), s -> s.put("rate_minutes_per_month", 800), "settings.rate_minutes_per_month"),
                c("UNLIMITED with accrual_method", unlimited(), s -> s.put("accrual_method", "TIME"), "settings.accrual_method"),
                c("UNLIMITED with carryover", unlimited(), s -> s.put("carryover", map("enabled", false)), "settings.carryover"),
                c("UNLIMITED bad unit", unlimited(), s -> s.put("unit", "WEEKS"), "settings.unit"),
                // TIME
                c("TIME without frequency", monthly(), s -> s.remove("accrual_frequency"), "settings.accrual_frequency"),
                c("TIME bad frequency", monthly(), s -> s.put("accrual_frequency", "WEEKLY"), "settings.accrual_frequency"),
                c("TIME without timing", monthly(), s -> s.remove("accrual_timing"), "settings.accrual_timing"),
                c("TIME bad timing", monthly(), s -> s.put("accrual_timing", "MIDDLE_OF_PERIOD"), "settings.accrual_timing"),
                c("MONTHLY with rate_minutes_per_day", monthly(), s -> s.put("rate_minutes_per_day", 40), "settings.rate_minutes_per_day"),
                c("MONTHLY with only rate_minutes_per_year", monthly(), s -> {
                    s.remove("rate_minutes_per_month");
                    s.put("rate_minutes_per_year", 9600);
                }, "settings.rate_minutes_per_year"),
                c("MONTHLY without a rate", monthly(), s -> s.remove("rate_minutes_per_month"), "settings.rate_minutes_per_month"),
                c("two rate fields", monthly(), s -> s.put("rate_minutes_per_year", 9600), "settings.rate_minutes_per_year"),
                c("rate 0", monthly(), s -> s.put("rate_minutes_per_month", 0), "settings.rate_minutes_per_month"),
                c("rate negative", monthly(), s -> s.put("rate_minutes_per_month", -5), "settings.rate_minutes_per_month"),
                c("rate not an integer", monthly(), s -> s.put("rate_minutes_per_month", 12.5), "settings.rate_minutes_per_month"),
                c("rate as a string", monthly(), s -> s.put("rate_minutes_per_month", "800"), "settings.rate_minutes_per_month"),
                c("rate beyond int", monthly(), s -> s.put("rate_minutes_per_month", 99999999999999L), "settings.rate_minutes_per_month"),
                c("rate absurdly large", monthly(), s -> s.put("rate_minutes_per_month", 2_000_000_000), "settings.rate_minutes_per_month"),
                c("DAILY with monthly rate", monthly(), s -> s.put("accrual_frequency", "DAILY"), "settings.rate_minutes_per_month"),
                c("bad proration", monthly(), s -> s.put("proration", "HALF"), "settings.proration"),
                c("bad unit", monthly(), s -> s.put("unit", "SECONDS"), "settings.unit"),
                c("unit not a string", monthly(), s -> s.put("unit", List.of("DAYS")), "settings.unit"),
                c("unknown top-level field", monthly(), s -> s.put("rollover", true), "settings.rollover"),
                // limits
                c("allow_negative not boolean", monthly(), s -> s.put("allow_negative", "yes"), "settings.allow_negative"),
                c("negative_limit without allow_negative", monthly(), s -> s.put("negative_limit_minutes", 480), "settings.negative_limit_minutes"),
                c("negative_limit < 0", monthly(), s -> {
                    s.put("allow_negative", true);
                    s.put("negative_limit_minutes", -1);
                }, "settings.negative_limit_minutes"),
                c("bank cap 0", monthly(), s -> s.put("bank_cap_minutes", 0), "settings.bank_cap_minutes"),
                c("bank cap negative", monthly(), s -> s.put("bank_cap_minutes", -100), "settings.bank_cap_minutes"),
                // tenure tiers
                c("tenure_tiers not a list", monthly(), s -> s.put("tenure_tiers", map("min_months", 0)), "settings.tenure_tiers"),
                c("tenure tier not an object", monthly(), s -> s.put("tenure_tiers", List.of(5)), "settings.tenure_tiers[0]"),
                c("tenure tier min_months < 0", monthly(), s -> s.put("tenure_tiers",
                        List.of(map("min_months", -1, "accrual_rate_minutes", 100))), "settings.tenure_tiers[0].min_months"),
                c("tenure tier min_months missing", monthly(), s -> s.put("tenure_tiers",
                        List.of(map("accrual_rate_minutes", 100))), "settings.tenure_tiers[0].min_months"),
                c("tenure tier duplicate min_months", monthly(), s -> s.put("tenure_tiers",
                        List.of(map("min_months", 12, "accrual_rate_minutes", 100), map("min_months", 12, "accrual_rate_minutes", 200))),
                        "settings.tenure_tiers[1].min_months"),
                c("tenure tier rate 0", monthly(), s -> s.put("tenure_tiers",
                        List.of(map("min_months", 12, "accrual_rate_minutes", 0))), "settings.tenure_tiers[0].accrual_rate_minutes"),
                c("tenure tier unknown field", monthly(), s -> s.put("tenure_tiers",
                        List.of(map("min_months", 12, "accrual_rate_minutes", 10, "bonus", 1))), "settings.tenure_tiers[0].bonus"),
                // HOURS_WORKED
                c("HOURS_WORKED without ratio", hoursWorked(), s -> s.remove("accrual_ratio"), "settings.accrual_ratio"),
                c("HOURS_WORKED ratio not an object", hoursWorked(), s -> s.put("accrual_ratio", 60), "settings.accrual_ratio"),
                c("HOURS_WORKED accrue_minutes 0", hoursWorked(), s -> s.put("accrual_ratio",
                        map("accrue_minutes", 0, "per_worked_minutes", 1440)), "settings.accrual_ratio.accrue_minutes"),
                c("HOURS_WORKED per_worked_minutes 0", hoursWorked(), s -> s.put("accrual_ratio",
                        map("accrue_minutes", 60, "per_worked_minutes", 0)), "settings.accrual_ratio.per_worked_minutes"),
                c("HOURS_WORKED per_worked_minutes missing", hoursWorked(), s -> s.put("accrual_ratio",
                        map("accrue_minutes", 60)), "settings.accrual_ratio.per_worked_minutes"),
                c("HOURS_WORKED ratio unknown field", hoursWorked(), s -> obj(s, "accrual_ratio").put("per", 1),
                        "settings.accrual_ratio.per"),
                c("HOURS_WORKED with frequency", hoursWorked(), s -> s.put("accrual_frequency", "MONTHLY"), "settings.accrual_frequency"),
                c("HOURS_WORKED with timing", hoursWorked(), s -> s.put("accrual_timing", "END_OF_PERIOD"), "settings.accrual_timing"),
                c("HOURS_WORKED with a rate", hoursWorked(), s -> s.put("rate_minutes_per_month", 800), "settings.rate_minutes_per_month"),
                c("HOURS_WORKED with proration", hoursWorked(), s -> s.put("proration", "NONE"), "settings.proration"),
                c("TIME with accrual_ratio", monthly(), s -> s.put("accrual_ratio",
                        map("accrue_minutes", 60, "per_worked_minutes", 1440)), "settings.accrual_ratio"),
                // carryover
                c("carryover not an object", monthly(), s -> s.put("carryover", true), "settings.carryover"),
                c("carryover disabled with cap", monthly(), s -> s.put("carryover",
                        map("enabled", false, "cap_minutes", 480)), "settings.carryover.enabled"),
                c("carryover disabled with expiry", monthly(), s -> s.put("carryover",
                        map("enabled", false, "expires_after_days", 30)), "settings.carryover.enabled"),
                c("carryover cap < 0", monthly(), s -> s.put("carryover",
                        map("enabled", true, "cap_minutes", -1)), "settings.carryover.cap_minutes"),
                c("carryover expires_after_days 0", monthly(), s -> s.put("carryover",
                        map("enabled", true, "expires_after_days", 0)), "settings.carryover.expires_after_days"),
                c("carryover unknown field", monthly(), s -> s.put("carryover",
                        map("enabled", true, "max", 10)), "settings.carryover.max"),
                c("carryover enabled not boolean", monthly(), s -> s.put("carryover",
                        map("enabled", "true")), "settings.carryover.enabled"),
                // expiration
                c("expiration enabled without a mode", monthly(), s -> s.put("expiration",
                        map("enabled", true)), "settings.expiration.expires_after_days"),
                c("expiration both modes", monthly(), s -> s.put("expiration",
                        map("enabled", true, "expires_after_days", 30, "expires_on_month", 3, "expires_on_day", 31)),
                        "settings.expiration.expires_after_days"),
                c("expiration month 13", monthly(), s -> s.put("expiration",
                        map("enabled", true, "expires_on_month", 13, "expires_on_day", 1)), "settings.expiration.expires_on_month"),
                c("expiration month 0", monthly(), s -> s.put("expiration",
                        map("enabled", true, "expires_on_month", 0, "expires_on_day", 1)), "settings.expiration.expires_on_month"),
                c("expiration Feb 30", monthly(), s -> s.put("expiration",
                        map("enabled", true, "expires_on_month", 2, "expires_on_day", 30)), "settings.expiration.expires_on_day"),
                c("expiration Feb 29", monthly(), s -> s.put("expiration",
                        map("enabled", true, "expires_on_month", 2, "expires_on_day", 29)), "settings.expiration.expires_on_day"),
                c("expiration Apr 31", monthly(), s -> s.put("expiration",
                        map("enabled", true, "expires_on_month", 4, "expires_on_day", 31)), "settings.expiration.expires_on_day"),
                c("expiration month without day", monthly(), s -> s.put("expiration",
                        map("enabled", true, "expires_on_month", 4)), "settings.expiration.expires_on_day"),
                c("expiration disabled with a date", monthly(), s -> s.put("expiration",
                        map("enabled", false, "expires_on_month", 4, "expires_on_day", 1)), "settings.expiration.enabled"),
                c("expiration unknown field", monthly(), s -> s.put("expiration",
                        map("enabled", false, "when", "never")), "settings.expiration.when"),
                c("expiration days 0", monthly(), s -> s.put("expiration",
                        map("enabled", true, "expires_after_days", 0)), "settings.expiration.expires_after_days")
        );
        return cases.stream().map(Arguments::of);
    }

    static String field(JsonNode error) {
        return error.path("fields").path(0).path("field").asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void badSettingsAre422NamingTheField(Case testCase) {
        Map<String, Object> settings = testCase.base();
        testCase.breakIt().accept(settings);
        JsonNode error = world.asAdmin().post(world.base() + "/policies", create("p", "VACATION", "2020-01-01", settings))
                .expectError(422);
        assertThat(field(error)).as(error.toString()).isEqualTo(testCase.field());
        assertThat(error.path("error").asText()).contains(testCase.field());
        assertThat(error.path("fields").path(0).path("message").asText()).isNotBlank();
        assertThat(world.asAdmin().get(world.base() + "/policies").expectJson(200).path("total").asInt()).isZero();
    }

    @Test
    void updatesAreValidatedTheSameWay() {
        String id = world.asAdmin().post(world.base() + "/policies", create("p", "VACATION", "2020-01-01", monthly()))
                .expectJson(201).path("id").asText();
        List<Case> cases = new ArrayList<>();
        badSettings().forEach(a -> cases.add((Case) a.get()[0]));
        for (Case testCase : cases) {
            Map<String, Object> settings = testCase.base();
            testCase.breakIt().accept(settings);
            JsonNode error = world.asAdmin().put(world.base() + "/policies/" + id,
                    Map.of("version", PolicyTestBodies.version("2021-01-01", settings))).expectError(422);
            assertThat(field(error)).as(testCase.name()).isEqualTo(testCase.field());
        }
        assertThat(world.asAdmin().get(world.base() + "/policies/" + id + "/versions").expectJson(200).path("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void settingsThatAreNotAnObjectAre422() {
        for (Object settings : new Object[]{"UNLIMITED", 42, List.of(unlimited()), true}) {
            JsonNode error = world.asAdmin().post(world.base() + "/policies", create("p", "VACATION", "2020-01-01", settings))
                    .expectError(422);
            assertThat(field(error)).as(String.valueOf(settings)).isEqualTo("settings");
        }
    }

    @Test
    void boundaryValuesThatAreValid() {
        List<Map<String, Object>> valid = new ArrayList<>();
        Map<String, Object> daily = monthly();
        daily.put("accrual_frequency", "DAILY");
        daily.remove("rate_minutes_per_month");
        daily.put("rate_minutes_per_day", 1);
        valid.add(daily);
        Map<String, Object> yearly = monthly();
        yearly.put("accrual_frequency", "YEARLY");
        yearly.put("accrual_timing", "END_OF_PERIOD");
        yearly.remove("rate_minutes_per_month");
        yearly.put("rate_minutes_per_year", 9600);
        yearly.put("rate_minutes_per_day", null); // explicit null of another rate field is "absent"
        valid.add(yearly);
        Map<String, Object> zeroLimit = monthly();
        zeroLimit.put("allow_negative", true);
        zeroLimit.put("negative_limit_minutes", 0);
        zeroLimit.put("tenure_tiers", List.of(map("min_months", 0, "accrual_rate_minutes", 1)));
        zeroLimit.put("carryover", map("enabled", true, "cap_minutes", 0));
        zeroLimit.put("expiration", map("enabled", true, "expires_on_month", 12, "expires_on_day", 31));
        valid.add(zeroLimit);
        Map<String, Object> disabled = hoursWorked();
        disabled.put("carryover", map("enabled", false, "cap_minutes", null, "expires_after_days", null));
        disabled.put("expiration", map("enabled", false));
        disabled.put("tenure_tiers", List.of());
        disabled.put("unit", "MINUTES");
        valid.add(disabled);
        Map<String, Object> unlimitedHours = unlimited();
        unlimitedHours.put("unit", "HOURS");
        valid.add(unlimitedHours);
        int i = 0;
        for (Map<String, Object> settings : valid) {
            world.asAdmin().post(world.base() + "/policies", create("valid-" + i++, "OTHER", "2020-01-01", settings))
                    .expectJson(201);
        }
    }
}
