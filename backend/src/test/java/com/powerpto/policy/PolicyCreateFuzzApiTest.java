package com.powerpto.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property over the HTTP surface: ~300 random or mutated create-policy bodies (seeded, so a
 * failure reproduces) are answered with 201 or a 4xx in the contract's error shape — never 5xx.
 */
class PolicyCreateFuzzApiTest extends ApiTest {

    private static final long SEED = 20240611L;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] WORDS = {"type", "accrual_method", "ACCRUAL", "UNLIMITED", "TIME", "HOURS_WORKED",
            "MONTHLY", "DAILY", "YEARLY", "START_OF_PERIOD", "END_OF_PERIOD", "DAYS", "HOURS", "NONE", "DAYS_ACTIVE",
            "rate_minutes_per_month", "carryover", "expiration", "enabled", "tenure_tiers", "", " ", "null", "true",
            "2020-01-01", "9999-12-31", "-1", "\u0000", "é\u2028😀", "<script>", "'; DROP TABLE policies; --", "%s%n",
            "VACATION", "key", "version", "settings", "change_reason", "effective_from", "category"};
    private static final String[] ENUM_FIELDS = {"type", "accrual_method", "accrual_frequency", "accrual_timing",
            "proration", "unit"};

    private final Random random = new Random(SEED);

    @Test
    void randomCreateBodiesNeverCause5xx() {
        World world = fixtures.newWorld();
        Http admin = world.asAdmin();
        String path = world.base() + "/policies";
        int created = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String body = body(i);
            Http.Response response = admin.send("POST", path, body, "application/json");
            if (response.status() == 201) {
                created++;
                continue;
            }
            if (response.status() < 400 || response.status() >= 500) {
                failures.add("#" + i + " -> " + response.status() + " " + response.text() + "\n   body: " + body);
                continue;
            }
            try {
                response.expectError(response.status());
            } catch (AssertionError e) {
                failures.add("#" + i + " -> not the error shape: " + e.getMessage() + "\n   body: " + body);
            }
        }
        assertThat(failures).as("seed %d", SEED).isEmpty();
        // the generator does produce valid bodies, so the "happy" path is part of the property too
        assertThat(created).isGreaterThan(5);
        JsonNode list = admin.get(path + "?limit=100").expectJson(200);
        assertThat(list.path("total").asInt()).isEqualTo(created);
    }

    @Test
    void handPickedNastyBodiesNeverCause5xx() {
        World world = fixtures.newWorld();
        String path = world.base() + "/policies";
        String settings = "{\"type\":\"UNLIMITED\"}";
        List<String> bodies = List.of(
                "{\"key\":\"nul\",\"category\":\"SICK\",\"version\":{\"effective_from\":\"2020-01-01\",\"settings\":" + settings
                        + ",\"change_reason\":\"a\\u0000b\"}}",
                "{\"key\":\"nul\\u0000\",\"category\":\"SICK\",\"version\":{\"effective_from\":\"2020-01-01\",\"settings\":" + settings + "}}",
                "{\"key\":\"big\",\"category\":\"SICK\",\"version\":{\"effective_from\":\"+999999999-12-31\",\"settings\":" + settings + "}}",
                "{\"key\":\"neg\",\"category\":\"SICK\",\"version\":{\"effective_from\":\"-0001-01-01\",\"settings\":" + settings + "}}",
                "{\"key\":\"deep\",\"category\":\"SICK\",\"version\":{\"effective_from\":\"2020-01-01\",\"settings\":"
                        + "[".repeat(5000) + "]".repeat(5000) + "}}",
                "{\"key\":\"deepobj\",\"category\":\"SICK\",\"version\":{\"effective_from\":\"2020-01-01\",\"settings\":{\"type\":\"UNLIMITED\",\"x\":"
                        + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}}}",
                "{\"key\":\"num\",\"category\":\"SICK\",\"version\":{\"effective_from\":\"2020-01-01\",\"settings\":{\"type\":\"ACCRUAL\","
                        + "\"accrual_method\":\"TIME\",\"accrual_frequency\":\"DAILY\",\"accrual_timing\":\"END_OF_PERIOD\","
                        + "\"rate_minutes_per_day\":1" + "0".repeat(2000) + "}}}",
                "{\"key\":\"dup\",\"key\":\"dup2\",\"category\":\"SICK\",\"version\":{\"effective_from\":\"2020-01-01\",\"settings\":" + settings + "}}",
                "{\"key\":\"lone\",\"category\":\"SICK\",\"version\":{\"effective_from\":\"2020-01-01\",\"settings\":" + settings
                        + ",\"change_reason\":\"\\ud800\"}}",
                "null", "\"text\"", "12", "{}", "{\"version\":{}}", "\u0000", "{\"key\":}",
                "{\"key\":\"nan\",\"category\":\"SICK\",\"version\":{\"effective_from\":\"2020-01-01\",\"settings\":{\"type\":\"UNLIMITED\",\"unit\":NaN}}}");
        List<String> failures = new ArrayList<>();
        for (String body : bodies) {
            Http.Response response = world.asAdmin().send("POST", path, body, "application/json");
            if (response.status() >= 500 || response.status() < 200 || response.status() >= 300 && response.status() < 400) {
                failures.add(response.status() + " " + response.text() + " for " + abbreviate(body));
            } else if (response.status() >= 400) {
                try {
                    response.expectError(response.status());
                } catch (AssertionError e) {
                    failures.add(e.getMessage() + " for " + abbreviate(body));
                }
            }
        }
        assertThat(failures).isEmpty();
        // malformed text is input error (422), not a conflict
        Http.Response nul = world.asAdmin().send("POST", path, bodies.get(0), "application/json");
        assertThat(nul.status()).as(nul.text()).isIn(201, 422);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private String body(int i) {
        return switch (i % 4) {
            case 0 -> randomValue(0).toString();
            case 1 -> {
                ObjectNode body = validBody(i);
                body.set("version", randomValue(0));
                yield random.nextInt(3) == 0 ? body.toString() : mutate(validBody(i), 1 + random.nextInt(3)).toString();
            }
            default -> mutate(validBody(i), random.nextInt(4)).toString();
        };
    }

    private ObjectNode validBody(int i) {
        ObjectNode settings = F.objectNode();
        switch (random.nextInt(4)) {
            case 0 -> settings.put("type", "UNLIMITED");
            case 1 -> {
                settings.put("type", "ACCRUAL").put("accrual_method", "HOURS_WORKED");
                settings.putObject("accrual_ratio").put("accrue_minutes", 60).put("per_worked_minutes", 1440);
            }
            default -> {
                settings.put("type", "ACCRUAL").put("accrual_method", "TIME").put("accrual_frequency", "YEARLY")
                        .put("accrual_timing", "START_OF_PERIOD").put("rate_minutes_per_year", 9600)
                        .put("proration", "NONE").put("bank_cap_minutes", 20000);
                settings.putArray("tenure_tiers").addObject().put("min_months", 12).put("accrual_rate_minutes", 100);
                settings.putObject("carryover").put("enabled", true).put("cap_minutes", 480);
                settings.putObject("expiration").put("enabled", true).put("expires_after_days", 30);
            }
        }
        ObjectNode body = F.objectNode();
        body.put("key", "fuzz-" + i);
        body.put("category", "VACATION");
        ObjectNode version = body.putObject("version");
        version.put("effective_from", "2020-01-01");
        version.set("settings", settings);
        return body;
    }

    /** Applies {@code n} random mutations at random places of the tree. */
    private JsonNode mutate(ObjectNode root, int n) {
        JsonNode current = root;
        for (int k = 0; k < n; k++) {
            current = mutateOnce(current);
        }
        return current;
    }

    private JsonNode mutateOnce(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? WORDS[random.nextInt(WORDS.length)] : names.get(random.nextInt(names.size()));
            switch (random.nextInt(8)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, randomScalar());
                case 2 -> object.set(name, randomValue(2));
                case 3 -> object.put(ENUM_FIELDS[random.nextInt(ENUM_FIELDS.length)], randomString());
                case 4 -> object.put(name, hugeNumber());
                case 5 -> object.set(WORDS[random.nextInt(WORDS.length)], randomValue(1));
                case 6 -> object.putNull(name);
                default -> object.set(name, F.textNode(object.path(name).asText() + randomString()));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(randomValue(2));
            } else {
                array.set(random.nextInt(array.size()), randomValue(1));
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            Iterator<JsonNode> children = node.elements();
            while (children.hasNext()) {
                collect(children.next(), into);
            }
        }
    }

    private JsonNode randomValue(int depth) {
        int kind = random.nextInt(depth > 4 ? 4 : 7);
        return switch (kind) {
            case 0, 1, 2, 3 -> randomScalar();
            case 4, 5 -> {
                ObjectNode object = F.objectNode();
                int size = random.nextInt(5);
                for (int j = 0; j < size; j++) {
                    object.set(random.nextBoolean() ? WORDS[random.nextInt(WORDS.length)] : randomString(), randomValue(depth + 1));
                }
                yield object;
            }
            default -> {
                ArrayNode array = F.arrayNode();
                int size = random.nextInt(4);
                for (int j = 0; j < size; j++) {
                    array.add(randomValue(depth + 1));
                }
                yield array;
            }
        };
    }

    private JsonNode randomScalar() {
        return switch (random.nextInt(9)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(random.nextBoolean());
            case 2 -> F.numberNode(random.nextInt(2001) - 1000);
            case 3 -> F.numberNode(random.nextDouble() * 1e6 - 5e5);
            case 4 -> hugeNumber();
            case 5 -> F.textNode(WORDS[random.nextInt(WORDS.length)]);
            default -> F.textNode(randomString());
        };
    }

    private JsonNode hugeNumber() {
        return switch (random.nextInt(5)) {
            case 0 -> F.numberNode(Long.MAX_VALUE);
            case 1 -> F.numberNode(new BigInteger("9".repeat(40)));
            case 2 -> F.numberNode(new BigDecimal("1e400"));
            case 3 -> F.numberNode(Integer.MIN_VALUE);
            default -> F.numberNode(-Double.MAX_VALUE);
        };
    }

    private String randomString() {
        int length = random.nextInt(12);
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < length; j++) {
            int pick = random.nextInt(10);
            text.appendCodePoint(pick < 6 ? 'A' + random.nextInt(26) : pick < 8 ? 'a' + random.nextInt(26)
                    : pick < 9 ? '_' : 0x20 + random.nextInt(0x2FF));
        }
        return text.toString();
    }
}
