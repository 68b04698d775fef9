package com.powerpto.policy.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.powerpto.platform.web.ApiException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PolicySettingsParser#parse} on arbitrary JSON trees: it either returns a settings value
 * (which survives the repository's serialise-and-parse round trip unchanged) or throws an
 * {@link ApiException} with status 422 naming a {@code settings…} field — never anything else.
 */
class PolicySettingsParserProperties {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper STORAGE = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final List<String> FIELDS = List.of("type", "accrual_method", "accrual_frequency", "accrual_timing",
            "rate_minutes_per_day", "rate_minutes_per_month", "rate_minutes_per_year", "proration", "unit",
            "allow_negative", "negative_limit_minutes", "bank_cap_minutes", "tenure_tiers", "carryover", "expiration",
            "accrual_ratio", "accrue_minutes", "per_worked_minutes", "min_months", "accrual_rate_minutes", "enabled",
            "cap_minutes", "expires_after_days", "expires_on_month", "expires_on_day");
    private static final List<String> ENUMS = List.of("UNLIMITED", "ACCRUAL", "TIME", "HOURS_WORKED", "DAILY", "MONTHLY",
            "YEARLY", "START_OF_PERIOD", "END_OF_PERIOD", "DAYS_ACTIVE", "NONE", "MINUTES", "HOURS", "DAYS", "monthly", "");

    @Property(tries = 1500)
    void parseReturnsAValueOrA422(@ForAll("settings") JsonNode node) throws Exception {
        PolicySettings parsed;
        try {
            parsed = PolicySettingsParser.parse(node);
        } catch (ApiException e) {
            assertThat(e.status().value()).as(e.getMessage()).isEqualTo(422);
            assertThat(e.fields()).isNotEmpty();
            ApiException.FieldProblem problem = e.fields().get(0);
            assertThat(problem.field()).startsWith("settings");
            assertThat(e.getMessage()).startsWith(problem.field());
            return;
        }
        assertThat(parsed).isNotNull();
        assertThat(parsed.type()).isIn("UNLIMITED", "ACCRUAL");
        // what the repository stores must read back as the same value
        JsonNode stored = STORAGE.readTree(STORAGE.writeValueAsString(parsed));
        assertThat(PolicySettingsParser.parse(stored)).isEqualTo(parsed);
    }

    @Property(tries = 300)
    void parsingIsIdempotentOnNormalisedSettings(@ForAll("nearlyValid") JsonNode node) throws Exception {
        PolicySettings parsed;
        try {
            parsed = PolicySettingsParser.parse(node);
        } catch (ApiException e) {
            assertThat(e.status().value()).isEqualTo(422);
            return;
        }
        JsonNode normalised = STORAGE.valueToTree(parsed);
        JsonNode again = STORAGE.valueToTree(PolicySettingsParser.parse(normalised));
        assertThat(again).isEqualTo(normalised);
    }

    @Provide
    Arbitrary<JsonNode> settings() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, tree(4)),
                Tuple.of(3, nearlyValid()));
    }

    /** A valid settings object of one of the three shapes with some fields replaced, removed or added. */
    @Provide
    Arbitrary<JsonNode> nearlyValid() {
        Arbitrary<ObjectNode> bases = Arbitraries.of(0, 1, 2, 3).map(PolicySettingsParserProperties::base);
        Arbitrary<Map<String, JsonNode>> overrides = Arbitraries.maps(Arbitraries.of(FIELDS), fieldValue()).ofMaxSize(3);
        Arbitrary<List<String>> removals = Arbitraries.of(FIELDS).list().ofMaxSize(2);
        return net.jqwik.api.Combinators.combine(bases, overrides, removals).as((original, put, remove) -> {
            ObjectNode base = original.deepCopy();
            remove.forEach(base::remove);
            put.forEach((k, v) -> base.set(k, v.deepCopy()));
            return (JsonNode) base;
        });
    }

    private static ObjectNode base(int shape) {
        ObjectNode s = F.objectNode();
        switch (shape) {
            case 0 -> s.put("type", "UNLIMITED");
            case 1 -> {
                s.put("type", "ACCRUAL").put("accrual_method", "HOURS_WORKED");
                s.putObject("accrual_ratio").put("accrue_minutes", 60).put("per_worked_minutes", 1440);
            }
            case 2 -> s.put("type", "ACCRUAL").put("accrual_method", "TIME").put("accrual_frequency", "DAILY")
                    .put("accrual_timing", "END_OF_PERIOD").put("rate_minutes_per_day", 20);
            default -> {
                s.put("type", "ACCRUAL").put("accrual_method", "TIME").put("accrual_frequency", "MONTHLY")
                        .put("accrual_timing", "START_OF_PERIOD").put("rate_minutes_per_month", 800)
                        .put("allow_negative", true).put("negative_limit_minutes", 480).put("bank_cap_minutes", 9600);
                s.putArray("tenure_tiers").addObject().put("min_months", 12).put("accrual_rate_minutes", 900);
                s.putObject("carryover").put("enabled", true).put("cap_minutes", 480).put("expires_after_days", 90);
                s.putObject("expiration").put("enabled", true).put("expires_on_month", 3).put("expires_on_day", 31);
            }
        }
        return s;
    }

    /** Values that are plausible for settings fields: enum names, small and edge integers, sub-objects. */
    private Arbitrary<JsonNode> fieldValue() {
        Arbitrary<JsonNode> enums = Arbitraries.of(ENUMS).map(F::textNode);
        Arbitrary<JsonNode> ints = Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 40),
                Arbitraries.of(0, 1, 12, 13, 28, 29, 30, 31, 1200, 1201, 3660, 3661, 10_000_000, 10_000_001,
                        Integer.MAX_VALUE, Integer.MIN_VALUE)).map(F::numberNode);
        Arbitrary<JsonNode> subObjects = Arbitraries.maps(Arbitraries.of(FIELDS),
                Arbitraries.oneOf(ints, enums, Arbitraries.of(true, false).map(F::booleanNode))).ofMaxSize(4)
                .map(PolicySettingsParserProperties::object);
        Arbitrary<JsonNode> tierLists = subObjects.list().ofMaxSize(3).map(items -> {
            ArrayNode array = F.arrayNode();
            items.forEach(array::add);
            return (JsonNode) array;
        });
        return Arbitraries.frequencyOf(
                Tuple.of(3, enums), Tuple.of(4, ints), Tuple.of(2, subObjects), Tuple.of(1, tierLists),
                Tuple.of(1, scalar()));
    }

    /** Any JSON tree at all. */
    private Arbitrary<JsonNode> tree(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys, Arbitraries.lazy(() -> tree(depth - 1))).ofMaxSize(6)
                .map(PolicySettingsParserProperties::object);
        Arbitrary<JsonNode> arrays = Arbitraries.lazy(() -> tree(depth - 1)).list().ofMaxSize(4).map(items -> {
            ArrayNode array = F.arrayNode();
            items.forEach(array::add);
            return (JsonNode) array;
        });
        return Arbitraries.frequencyOf(Tuple.of(3, scalar()), Tuple.of(3, objects), Tuple.of(1, arrays));
    }

    private static Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.just(F.nullNode()),
                Arbitraries.just(com.fasterxml.jackson.databind.node.MissingNode.getInstance()),
                Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.integers().map(F::numberNode),
                Arbitraries.longs().map(F::numberNode),
                Arbitraries.doubles().map(F::numberNode),
                Arbitraries.of(new BigInteger("9".repeat(30)), BigInteger.valueOf(-1)).map(F::numberNode),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("2.0"), new BigDecimal("800")).map(F::numberNode),
                Arbitraries.of(ENUMS).map(F::textNode),
                Arbitraries.strings().ofMaxLength(10).map(F::textNode));
    }

    private static JsonNode object(Map<String, JsonNode> fields) {
        ObjectNode object = F.objectNode();
        fields.forEach(object::set);
        return object;
    }
}
