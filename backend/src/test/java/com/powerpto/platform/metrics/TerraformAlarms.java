package com.powerpto.platform.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the CloudWatch alarms of infra/terraform/modules/observability read from namespace PowerPTO,
 * taken from the Terraform itself (not a copy): each alarm's metric name, the dimensions it matches
 * and its unit (if any). Reads the two shapes the module uses, and fails loudly on anything else:
 * a plain metric alarm ({@code namespace = "PowerPTO"}, {@code metric_name}, {@code dimensions}) and a
 * Metrics Insights query ({@code SELECT SUM("m") FROM "PowerPTO" WHERE k = '<v>'}).
 */
final class TerraformAlarms {

    /** One metric an alarm reads. dimensions: exact set for plain alarms; required subset for queries. */
    record Expected(String alarm, String metricName, Map<String, String> dimensions, boolean exactDimensions, String unit) {
    }

    private static final Pattern ALARM = Pattern.compile("resource \"aws_cloudwatch_metric_alarm\" \"(\\w+)\" \\{");
    private static final Pattern QUERY = Pattern.compile(
            "SELECT \\w+\\(\\\\\"([^\"\\\\]+)\\\\\"\\) FROM \\\\\"PowerPTO\\\\\"(?: WHERE (.*?))?\"\\s*$", Pattern.MULTILINE);

    private TerraformAlarms() {
    }

    static Path moduleDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("infra/terraform"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("infra/terraform not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("infra/terraform/modules/observability");
    }

    static List<Expected> read() throws IOException {
        String main = Files.readString(moduleDir().resolve("main.tf"));
        String variables = Files.readString(moduleDir().resolve("variables.tf"));
        List<Expected> out = new ArrayList<>();
        Matcher alarm = ALARM.matcher(main);
        while (alarm.find()) {
            String name = alarm.group(1);
            String body = block(main, alarm.end() - 1);
            List<String> keys = forEachKeys(main, body);
            if (Pattern.compile("(?m)^\\s*namespace\\s*=\\s*\"PowerPTO\"").matcher(body).find()) {
                String metric = attribute(body, "metric_name");
                Map<String, String> dims = dimensions(body, variables);
                for (String key : keys) {
                    out.add(new Expected(name, metric, substitute(dims, key), true, attributeOrNull(body, "unit")));
                }
            }
            Matcher query = QUERY.matcher(body);
            while (query.find()) {
                for (String key : keys) {
                    Map<String, String> where = new LinkedHashMap<>();
                    if (query.group(2) != null) {
                        Matcher cond = Pattern.compile("(\\w+) = '([^']*)'").matcher(query.group(2));
                        while (cond.find()) {
                            where.put(cond.group(1), cond.group(2));
                        }
                    }
                    out.add(new Expected(name, query.group(1), substitute(where, key), false, null));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no PowerPTO alarm found in the observability module: the reader needs updating");
        }
        return out;
    }

    /** Metric names the dashboard widgets search for (MetricName="..."). */
    static List<String> dashboardMetricNames() throws IOException {
        String main = Files.readString(moduleDir().resolve("main.tf"));
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("MetricName=\\\\\\\"([^\\\\\"]+)\\\\\\\"").matcher(main);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The body of the block whose '{' is at open. */
    private static String block(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        throw new IllegalStateException("unbalanced block at " + open);
    }

    private static String attribute(String body, String name) {
        String value = attributeOrNull(body, name);
        if (value == null) {
            throw new IllegalStateException("no " + name + " in " + body);
        }
        return value;
    }

    private static String attributeOrNull(String body, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /** for_each = local.x with x = toset([...]) -> its keys; no for_each -> one null key. */
    private static List<String> forEachKeys(String main, String body) {
        Matcher m = Pattern.compile("(?m)^\\s*for_each\\s*=\\s*local\\.(\\w+)").matcher(body);
        if (!m.find()) {
            return java.util.Collections.singletonList(null);
        }
        Matcher set = Pattern.compile("(?m)^\\s*" + m.group(1) + "\\s*=\\s*toset\\(\\[([^]]*)\\]\\)").matcher(main);
        if (!set.find()) {
            throw new IllegalStateException("local." + m.group(1) + " is not a literal toset([...])");
        }
        List<String> keys = new ArrayList<>();
        Matcher q = Pattern.compile("\"([^\"]*)\"").matcher(set.group(1));
        while (q.find()) {
            keys.add(q.group(1));
        }
        return keys;
    }

    /** dimensions = { k = "v" } or merge(var.x, { k = "v" }) with var.x's map default. */
    private static Map<String, String> dimensions(String body, String variables) {
        Map<String, String> dims = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*dimensions\\s*=\\s*(.*)$").matcher(body);
        if (!m.find()) {
            return dims;
        }
        String expression = m.group(1);
        Matcher var = Pattern.compile("var\\.(\\w+)").matcher(expression);
        while (var.find()) {
            Matcher decl = Pattern.compile("variable \"" + var.group(1) + "\" \\{").matcher(variables);
            if (!decl.find()) {
                throw new IllegalStateException("variable " + var.group(1) + " not declared");
            }
            Matcher def = Pattern.compile("default\\s*=\\s*\\{([^}]*)}").matcher(block(variables, decl.end() - 1));
            if (!def.find()) {
                throw new IllegalStateException("variable " + var.group(1) + " has no map default");
            }
            pairs(def.group(1), dims);
        }
        Matcher literal = Pattern.compile("\\{([^}]*)}").matcher(expression);
        while (literal.find()) {
            pairs(literal.group(1), dims);
        }
        return dims;
    }

    /** k = "v" pairs, and k = each.key (the for_each key, substituted per alarm). */
    private static void pairs(String text, Map<String, String> into) {
        Matcher p = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|(each\\.key)\\b)").matcher(text);
        while (p.find()) {
            into.put(p.group(1), p.group(2) != null ? p.group(2) : "${each.key}");
        }
    }

    private static Map<String, String> substitute(Map<String, String> dims, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        dims.forEach((k, v) -> out.put(k, key == null ? v : v.replace("${each.key}", key)));
        return out;
    }
}
