package com.powerpto.integration.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the Slack Web API (development and tests; decision 0062): the calls Power PTO
 * makes — auth.test, users.lookupByEmail, chat.postMessage, chat.update, views.open — answered as
 * Slack answers them, on 127.0.0.1, and recorded. Every {@code xoxb-} token is a workspace of its own
 * ({@code xoxb-…revoked…} is refused as invalid_auth); every e-mail is a user of the workspace unless
 * marked {@link #absent}. What the app posted can be read back ({@link #messages}), and a person's
 * button click is sent to the app's interactivity endpoint signed exactly as Slack signs it
 * ({@link #click}, {@link #submitDenyModal}): that is what the development Slack page uses.
 */
public final class SlackStandIn implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackStandIn.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpServer server;
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final List<OpenedView> views = new ArrayList<>();
    private final Set<String> absent = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failNext = new ConcurrentHashMap<>();
    private volatile boolean down;

    private SlackStandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1 ({@code port} 0 = any free port). */
    public static SlackStandIn start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            SlackStandIn standIn = new SlackStandIn(server);
            server.createContext("/api/", standIn::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "slack-stand-in");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            log.info("development Slack stand-in on {}", standIn.apiUrl());
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Slack stand-in: " + e.getMessage(), e);
        }
    }

    /** The SDK's methods endpoint prefix for this stand-in. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- what tests and the development page read ----------------------------------------------

    /** One Web API call as received (token kept only as its workspace). */
    public record Call(String method, String team, Map<String, String> params) {
    }

    /** A message the app posted (and later updated): blocks as JSON. */
    public record Message(String team, String channel, String user, String ts, String text, JsonNode blocks, int updates) {
    }

    /** A modal the app opened. */
    public record OpenedView(String team, String triggerId, JsonNode view) {
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages.values());
    }

    public synchronized List<OpenedView> views() {
        return List.copyOf(views);
    }

    /** The workspace id this stand-in gives a bot token (what auth.test answers). */
    public static String teamOf(String token) {
        return "T" + hash(token).substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** The user id of an e-mail in a workspace (what users.lookupByEmail answers). */
    public static String userOf(String team, String email) {
        return "U" + hash(team + ":" + email.trim().toLowerCase(Locale.ROOT)).substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** Makes users.lookupByEmail answer users_not_found for this address. */
    public void absent(String email) {
        absent.add(email.trim().toLowerCase(Locale.ROOT));
    }

    /** The next call of this method fails with this Slack error (e.g. "ratelimited", "channel_not_found"). */
    public void failNext(String method, String error) {
        failNext.put(method, error);
    }

    /** While down, every call answers 503 (Slack unreachable). */
    public void down(boolean down) {
        this.down = down;
    }

    // --- a person clicking in Slack --------------------------------------------------------------

    /** What the app answered an interaction. */
    public record Answer(int status, String body) {
    }

    /**
     * Clicks a button (action {@code approve} or {@code deny}) of a message as its recipient, sending
     * the block_actions payload to {@code interactionsUrl} signed with {@code signingSecret}.
     */
    public Answer click(String interactionsUrl, String signingSecret, Message message, String actionId) {
        String requestId = buttonValue(message, actionId)
                .orElseThrow(() -> new IllegalArgumentException("the message has no " + actionId + " button"));
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("team").put("id", message.team()).put("domain", "stand-in");
        payload.putObject("user").put("id", message.user()).put("team_id", message.team());
        payload.put("api_app_id", "A0STANDIN");
        payload.put("trigger_id", clock.incrementAndGet() + ".stand-in." + hash(message.ts()).substring(0, 8));
        payload.putObject("container").put("type", "message").put("message_ts", message.ts())
                .put("channel_id", message.channel()).put("is_ephemeral", false);
        payload.putObject("channel").put("id", message.channel());
        ObjectNode action = payload.putArray("actions").addObject();
        action.put("action_id", actionId).put("block_id", "decide").put("value", requestId).put("type", "button")
                .put("action_ts", String.valueOf(clock.get() / 1000.0));
        return send(interactionsUrl, signingSecret, payload);
    }

    /** Submits the Deny modal the app opened for this message's request, with a note (may be empty). */
    public Answer submitDenyModal(String interactionsUrl, String signingSecret, OpenedView opened, String user, String note) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "view_submission");
        payload.putObject("team").put("id", opened.team()).put("domain", "stand-in");
        payload.putObject("user").put("id", user).put("team_id", opened.team());
        payload.put("api_app_id", "A0STANDIN");
        ObjectNode view = ((ObjectNode) opened.view().deepCopy());
        view.put("id", "V" + hash(opened.triggerId()).substring(0, 8).toUpperCase(Locale.ROOT));
        ObjectNode values = view.putObject("state").putObject("values");
        values.putObject(SlackBlocks.NOTE_BLOCK).putObject(SlackBlocks.NOTE_INPUT).put("type", "plain_text_input")
                .put("value", note);
        payload.set("view", view);
        return send(interactionsUrl, signingSecret, payload);
    }

    /** The value of a message's button (the request id). */
    public static Optional<String> buttonValue(Message message, String actionId) {
        for (JsonNode block : message.blocks()) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    return Optional.of(element.path("value").asText());
                }
            }
        }
        return Optional.empty();
    }

    /** The form body Slack posts: {@code payload=<url-encoded JSON>}. */
    public static byte[] formBody(JsonNode payload) {
        return ("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private static Answer send(String url, String signingSecret, JsonNode payload) {
        byte[] body = formBody(payload);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignature.TIMESTAMP_HEADER, timestamp)
                .header(SlackSignature.SIGNATURE_HEADER, SlackSignature.sign(signingSecret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the app's interactivity endpoint did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- the Web API ---------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = form(exchange.getRequestBody());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
            if (down) {
                reply(exchange, 503, "{\"ok\":false,\"error\":\"service_unavailable\"}");
                return;
            }
            ObjectNode answer = answer(method, token, params);
            reply(exchange, 200, answer.toString());
        }
    }

    private synchronized ObjectNode answer(String method, String token, Map<String, String> params) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        if (token == null || !token.startsWith("xoxb-") || token.contains("revoked")) {
            calls.add(new Call(method, null, redacted(params)));
            return out.put("ok", false).put("error", token == null ? "not_authed" : "invalid_auth");
        }
        String team = teamOf(token);
        calls.add(new Call(method, team, redacted(params)));
        String failure = failNext.remove(method);
        if (failure != null) {
            return out.put("ok", false).put("error", failure);
        }
        switch (method) {
            case "auth.test" -> out.put("ok", true).put("url", "https://stand-in.slack.test/").put("team", "Stand-in " + team)
                    .put("user", "powerpto").put("team_id", team).put("user_id", "U0BOT" + team.substring(1, 6))
                    .put("bot_id", "B0BOT" + team.substring(1, 6));
            case "users.lookupByEmail" -> {
                String email = params.getOrDefault("email", "").trim().toLowerCase(Locale.ROOT);
                if (email.isEmpty() || absent.contains(email)) {
                    return out.put("ok", false).put("error", "users_not_found");
                }
                out.put("ok", true).putObject("user").put("id", userOf(team, email)).put("team_id", team)
                        .put("name", email.substring(0, Math.max(1, email.indexOf('@'))));
            }
            case "chat.postMessage" -> {
                String channel = params.get("channel");
                if (channel == null || !channel.matches("^[UD][A-Z0-9]+$")) {
                    return out.put("ok", false).put("error", "channel_not_found");
                }
                String user = channel.startsWith("U") ? channel : null;
                String dm = channel.startsWith("U") ? "D" + channel.substring(1) : channel;
                String ts = String.format(Locale.ROOT, "%d.%06d", clock.get() / 1000, clock.incrementAndGet() % 1_000_000);
                JsonNode blocks = JSON.readTree(params.getOrDefault("blocks", "[]"));
                messages.put(dm + "/" + ts, new Message(team, dm, user, ts, params.get("text"), blocks, 0));
                out.put("ok", true).put("channel", dm).put("ts", ts);
                out.putObject("message").put("text", params.get("text")).put("ts", ts);
            }
            case "chat.update" -> {
                String key = params.get("channel") + "/" + params.get("ts");
                Message old = messages.get(key);
                if (old == null || !old.team().equals(team)) {
                    return out.put("ok", false).put("error", "message_not_found");
                }
                messages.put(key, new Message(team, old.channel(), old.user(), old.ts(), params.get("text"),
                        JSON.readTree(params.getOrDefault("blocks", "[]")), old.updates() + 1));
                out.put("ok", true).put("channel", old.channel()).put("ts", old.ts()).put("text", params.get("text"));
            }
            case "views.open" -> {
                String trigger = params.get("trigger_id");
                if (trigger == null || trigger.isBlank()) {
                    return out.put("ok", false).put("error", "invalid_trigger_id");
                }
                JsonNode view = JSON.readTree(params.getOrDefault("view", "{}"));
                views.add(new OpenedView(team, trigger, view));
                out.put("ok", true).putObject("view").put("id", "V" + hash(trigger).substring(0, 8).toUpperCase(Locale.ROOT));
            }
            default -> out.put("ok", false).put("error", "unknown_method");
        }
        return out;
    }

    private static Map<String, String> redacted(Map<String, String> params) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.remove("token");
        return copy;
    }

    private static Map<String, String> form(InputStream in) throws IOException {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        if (body.trim().startsWith("{")) { // a JSON body (some SDK methods send JSON)
            JSON.readTree(body).fields().forEachRemaining(e -> params.put(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
