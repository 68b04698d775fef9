package com.powerpto.platform.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A local HTTP endpoint standing in for CloudWatch: the AWS SDK's endpoint override points here.
 * It decodes the AWS query protocol the SDK sends for PutMetricData (form-encoded, gzip when the
 * SDK compresses) and records each datum; it answers like the service so the SDK reports success.
 */
final class CloudWatchStandIn implements AutoCloseable {

    record Datum(String namespace, String name, String unit, double value, Map<String, String> dimensions) {
    }

    private static final Pattern MEMBER = Pattern.compile("^MetricData\\.member\\.(\\d+)\\.(.+)$");
    private static final Pattern DIMENSION = Pattern.compile("^Dimensions\\.member\\.(\\d+)\\.(Name|Value)$");

    private final HttpServer server;
    final List<Datum> received = new CopyOnWriteArrayList<>();
    final List<String> actions = new CopyOnWriteArrayList<>();

    CloudWatchStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = new ByteArrayInputStream(raw);
        if (encoding != null && encoding.contains("gzip")) {
            in = new GZIPInputStream(in);
        }
        Map<String, String> form = form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        String action = form.getOrDefault("Action", "?");
        actions.add(action);
        if (System.getProperty("standin.debug") != null) {
            System.err.println("STANDIN " + form);
        }
        if (action.equals("PutMetricData")) {
            received.addAll(data(form));
        }
        byte[] body = ("<" + action + "Response xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                + "<ResponseMetadata><RequestId>stand-in</RequestId></ResponseMetadata></" + action + "Response>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "stand-in");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> form(String text) {
        Map<String, String> out = new TreeMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static List<Datum> data(Map<String, String> form) {
        Map<Integer, Map<String, String>> members = new TreeMap<>();
        form.forEach((k, v) -> {
            Matcher m = MEMBER.matcher(k);
            if (m.matches()) {
                members.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new TreeMap<>()).put(m.group(2), v);
            }
        });
        return members.values().stream().map(fields -> {
            Map<Integer, String[]> dims = new TreeMap<>();
            fields.forEach((k, v) -> {
                Matcher d = DIMENSION.matcher(k);
                if (d.matches()) {
                    dims.computeIfAbsent(Integer.parseInt(d.group(1)), i -> new String[2])[d.group(2).equals("Name") ? 0 : 1] = v;
                }
            });
            Map<String, String> dimensions = new TreeMap<>();
            dims.values().forEach(nv -> dimensions.put(nv[0], nv[1]));
            return new Datum(form.get("Namespace"), fields.get("MetricName"), fields.get("Unit"),
                    Double.parseDouble(fields.getOrDefault("Value", "NaN")), dimensions);
        }).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
