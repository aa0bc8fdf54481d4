package org.arborlab.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for the Arbor REST API, speaking the contract the client is written against:
 * paths with or without trailing slash, otree-rest-key or Bearer auth, problem+json errors, Idempotency-Key on
 * session creation, vars merges, and file exports. It can also be told to fail the next requests (to test
 * retries) or to answer errors in plain text like oTree does.
 */
public final class FakeArborServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Recorded(String method, String path, Map<String, String> headers, String body, String query) {
    }

    private record Canned(int status, String contentType, String body) {
    }

    static {
        // Without TCP_NODELAY every answer waits ~40 ms for a delayed ACK; read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> GROUP_SIZES = Map.of("trust", 2, "survey", 1, "public_goods", 3);
    private static final List<String> ROOMS = List.of("econ101", "lab");

    private final HttpServer server;
    private final String restKey;
    private final List<Recorded> requests = new ArrayList<>();
    private final Deque<Canned> cannedAnswers = new ArrayDeque<>();
    private final Map<String, Map<String, Object>> sessions = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> createdByKey = new HashMap<>();
    private final Map<String, Map<String, Object>> participantVarsByCode = new HashMap<>();
    private final Map<String, Map<String, Object>> pendingVarsByRoomLabel = new HashMap<>();
    private final Map<String, Map<String, Object>> sessionVarsByCode = new HashMap<>();
    private final Map<String, String> sessionInRoom = new HashMap<>();
    private boolean plainTextErrors;
    private int nextId = 1;
    private byte[] exportContent = "participant.code,participant.label\r\n".getBytes(StandardCharsets.UTF_8);
    private String exportFileName = "all_apps_wide-2026-11-23.csv";

    /** @param restKey the key clients must send, or null for an open server (oTree's auth level unset) */
    public FakeArborServer(String restKey) throws IOException {
        this.restKey = restKey;
        server = bindBelowEphemeralRange();
        server.createContext("/", this::handle);
        server.start();
    }

    /** A port on 127.0.0.1 below 32768, where outgoing connections' local ports never are. */
    private static HttpServer bindBelowEphemeralRange() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000, 20_000);
            try {
                return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            } catch (java.net.BindException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 10000 and 19999 on 127.0.0.1");
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- test controls

    /** The next {@code times} requests get this answer instead of being handled. */
    public synchronized void failNext(int times, int status, String contentType, String body) {
        for (int i = 0; i < times; i++) {
            cannedAnswers.add(new Canned(status, contentType, body));
        }
    }

    /** Answer errors like oTree: plain text, no Content-Type. */
    public synchronized void usePlainTextErrors() {
        plainTextErrors = true;
    }

    public synchronized void setExport(byte[] content, String fileName) {
        exportContent = content;
        exportFileName = fileName;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public synchronized long count(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    public synchronized int sessionCount() {
        return sessions.size();
    }

    public synchronized Map<String, Object> participantVars(String code) {
        return Map.copyOf(participantVarsByCode.getOrDefault(code, Map.of()));
    }

    public synchronized Map<String, Object> pendingVars(String room, String label) {
        return Map.copyOf(pendingVarsByRoomLabel.getOrDefault(room + "/" + label, Map.of()));
    }

    public synchronized Map<String, Object> sessionVars(String code) {
        return Map.copyOf(sessionVarsByCode.getOrDefault(code, Map.of()));
    }

    /** Creates a session directly; returns its code. */
    public synchronized String addSession(String config, int participants, String room) {
        return (String) createSession(Map.of("session_config_name", config, "num_participants", participants),
                room).get("code");
    }

    @SuppressWarnings("unchecked")
    public synchronized List<String> participantCodes(String sessionCode) {
        return ((List<Map<String, Object>>) sessions.get(sessionCode).get("participants")).stream()
                .map(p -> (String) p.get("code")).toList();
    }

    // ---- request handling

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            requests.add(new Recorded(exchange.getRequestMethod(), path, headers, body,
                    exchange.getRequestURI().getRawQuery()));
            Canned canned = cannedAnswers.poll();
            if (canned != null) {
                send(exchange, canned.status(), canned.contentType(), canned.body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            try {
                checkAuth(headers);
                route(exchange, exchange.getRequestMethod(), path, body, headers);
            } catch (Refusal refusal) {
                sendError(exchange, refusal.status, refusal.getMessage());
            }
        }
    }

    private void checkAuth(Map<String, String> headers) throws Refusal {
        if (restKey == null) {
            return;
        }
        String key = headers.get("otree-rest-key");
        String authorization = headers.get("authorization");
        if (authorization != null && authorization.equals("Bearer " + restKey)) {
            return;
        }
        if (key == null || key.isEmpty()) {
            throw new Refusal(403, "HTTP Request Header otree-rest-key is missing");
        }
        if (!key.equals(restKey)) {
            throw new Refusal(403, "HTTP Request Header otree-rest-key is incorrect");
        }
    }

    private void route(HttpExchange exchange, String method, String path, String body, Map<String, String> headers)
            throws IOException, Refusal {
        Matcher m;
        if (path.equals("/api/sessions")) {
            if (method.equals("POST")) {
                sendJson(exchange, createSessionFromRest(parseObject(body), headers.get("idempotency-key")));
            } else {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Map<String, Object> s : sessions.values()) {
                    Map<String, Object> entry = new LinkedHashMap<>(s);
                    entry.keySet().retainAll(List.of("code", "num_participants", "created_at", "label", "config_name",
                            "session_wide_url", "admin_url", "room_url"));
                    list.add(entry);
                }
                sendJson(exchange, list);
            }
        } else if ((m = match("/api/sessions/([^/]+)/export", path)).matches()) {
            export(exchange, m.group(1), query(exchange));
        } else if (path.equals("/api/export")) {
            String raw = exchange.getRequestURI().getRawQuery();
            for (String part : raw == null ? new String[0] : raw.split("&")) {
                if (part.startsWith("session=") && !sessions.containsKey(part.substring(8))) {
                    throw new Refusal(404, "Session " + part.substring(8) + " not found");
                }
            }
            export(exchange, null, query(exchange));
        } else if ((m = match("/api/sessions/([^/]+)", path)).matches() && method.equals("GET")
                || (m = match("/api/get_session/([^/]+)", path)).matches() && method.equals("POST")) {
            sendJson(exchange, sessionDetail(m.group(1), parseObject(body)));
        } else if ((m = match("/api/participant_vars/([^/]+)", path)).matches()) {
            Map<String, Object> params = parseObject(body);
            String code = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            if (!participantVarsByCode.containsKey(code)) {
                throw new Refusal(404, "Participant " + code + " not found");
            }
            participantVarsByCode.get(code).putAll(vars(params));
            sendJson(exchange, Map.of());
        } else if (path.equals("/api/participant_vars")) {
            Map<String, Object> params = parseObject(body);
            String room = requireString(params, "room_name");
            String label = requireString(params, "participant_label");
            requireRoom(room);
            pendingVarsByRoomLabel.computeIfAbsent(room + "/" + label, k -> new HashMap<>()).putAll(vars(params));
            sendJson(exchange, Map.of());
        } else if ((m = match("/api/session_vars/([^/]+)", path)).matches()) {
            Map<String, Object> params = parseObject(body);
            String code = m.group(1);
            if (!sessions.containsKey(code)) {
                throw new Refusal(404, "Session " + code + " not found");
            }
            sessionVarsByCode.get(code).putAll(vars(params));
            sendJson(exchange, Map.of());
        } else if (path.equals("/api/session_vars")) {
            Map<String, Object> params = parseObject(body);
            String room = requireString(params, "room_name");
            requireRoom(room);
            String code = sessionInRoom.get(room);
            if (code == null) {
                throw new Refusal(404, "Room " + room + " has no session");
            }
            sessionVarsByCode.get(code).putAll(vars(params));
            sendJson(exchange, Map.of());
        } else if (path.equals("/api/session_configs")) {
            List<Map<String, Object>> configs = new ArrayList<>();
            for (String name : List.of("trust", "survey", "public_goods")) {
                configs.add(Map.of("name", name, "display_name", name, "app_sequence", List.of(name),
                        "num_demo_participants", GROUP_SIZES.get(name), "participation_fee", 5.0, "doc", ""));
            }
            sendJson(exchange, configs);
        } else if (path.equals("/api/rooms")) {
            List<Map<String, Object>> rooms = new ArrayList<>();
            for (String room : ROOMS) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", room);
                entry.put("session_code", sessionInRoom.get(room));
                entry.put("url", url() + "/room/" + room);
                rooms.add(entry);
            }
            sendJson(exchange, rooms);
        } else if (path.equals("/api/apps")) {
            sendJson(exchange, Map.of("trust", "Trust game", "survey", ""));
        } else if (path.equals("/api/otree_version")) {
            sendJson(exchange, Map.of("version", "arbor-fake-1"));
        } else {
            throw new Refusal(404, "Not Found");
        }
    }

    private Map<String, Object> createSessionFromRest(Map<String, Object> params, String idempotencyKey)
            throws Refusal {
        if (idempotencyKey != null && createdByKey.containsKey(idempotencyKey)) {
            return createdByKey.get(idempotencyKey);
        }
        for (String key : params.keySet()) {
            if (!List.of("session_config_name", "num_participants", "modified_session_config_fields", "room_name",
                    "label", "is_demo").contains(key)) {
                throw new Refusal(400, "Unknown parameter: " + key);
            }
        }
        String config = requireString(params, "session_config_name");
        if (!GROUP_SIZES.containsKey(config)) {
            throw new Refusal(404, "Session config \"" + config + "\" not found in settings.SESSION_CONFIGS.");
        }
        if (!(params.get("num_participants") instanceof Integer n) || n <= 0) {
            throw new Refusal(400, "num_participants must be a positive integer");
        }
        if (n % GROUP_SIZES.get(config) != 0) {
            throw new Refusal(400, "Session Config " + config + ": Number of participants (" + n
                    + ") is not a multiple of group size (" + GROUP_SIZES.get(config) + ")");
        }
        String room = (String) params.get("room_name");
        if (room != null) {
            requireRoom(room);
        }
        Map<String, Object> created = createSession(params, room);
        Map<String, Object> answer = new LinkedHashMap<>(created);
        answer.keySet().retainAll(List.of("code", "session_wide_url", "admin_url", "room_url"));
        if (idempotencyKey != null) {
            createdByKey.put(idempotencyKey, answer);
        }
        return answer;
    }

    private Map<String, Object> createSession(Map<String, Object> params, String room) {
        String code = String.format("s%07d", nextId++);
        int n = (Integer) params.get("num_participants");
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("code", code);
        session.put("num_participants", n);
        session.put("created_at", 1795418498.2861896);
        session.put("label", params.getOrDefault("label", ""));
        session.put("config_name", params.get("session_config_name"));
        Map<String, Object> config = new LinkedHashMap<>(Map.of("name", params.get("session_config_name"),
                "participation_fee", 5.0));
        @SuppressWarnings("unchecked")
        Map<String, Object> modified = (Map<String, Object>) params.get("modified_session_config_fields");
        if (modified != null) {
            config.putAll(modified);
        }
        session.put("config", config);
        session.put("REAL_WORLD_CURRENCY_CODE", "EUR");
        session.put("session_wide_url", url() + "/join/ma" + code);
        session.put("admin_url", url() + "/SessionStartLinks/" + code);
        if (room != null) {
            session.put("room_url", url() + "/room/" + room);
            sessionInRoom.put(room, code);
        }
        List<Map<String, Object>> participants = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String participantCode = String.format("p%04d%03d", nextId - 1, i);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id_in_session", i);
            p.put("code", participantCode);
            p.put("label", room == null ? null : "P" + i);
            p.put("payoff_in_real_world_currency", 7.5);
            p.put("finished", false);
            participants.add(p);
            participantVarsByCode.put(participantCode, new HashMap<>());
        }
        session.put("participants", participants);
        sessions.put(code, session);
        sessionVarsByCode.put(code, new HashMap<>());
        return session;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sessionDetail(String code, Map<String, Object> query) throws Refusal {
        Map<String, Object> session = sessions.get(code);
        if (session == null) {
            throw new Refusal(404, "Session " + code + " not found");
        }
        Map<String, Object> detail = new LinkedHashMap<>(session);
        List<String> labels = (List<String>) query.get("participant_labels");
        List<String> participantVars = (List<String>) query.getOrDefault("participant_vars", List.of());
        List<Map<String, Object>> participants = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) session.get("participants")) {
            if (labels != null && !labels.contains(p.get("label"))) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>(p);
            Map<String, Object> vars = participantVarsByCode.get(p.get("code"));
            participantVars.stream().filter(vars::containsKey).forEach(k -> entry.put(k, vars.get(k)));
            participants.add(entry);
        }
        detail.put("participants", participants);
        Map<String, Object> sessionVars = sessionVarsByCode.get(code);
        ((List<String>) query.getOrDefault("session_vars", List.of())).stream().filter(sessionVars::containsKey)
                .forEach(k -> detail.put(k, sessionVars.get(k)));
        return detail;
    }

    private void export(HttpExchange exchange, String code, Map<String, String> query) throws IOException, Refusal {
        if (code != null && !sessions.containsKey(code)) {
            throw new Refusal(404, "Session " + code + " not found");
        }
        if (!List.of("csv", "xlsx").contains(query.get("format"))) {
            throw new Refusal(400, "format must be csv or xlsx");
        }
        if (List.of("app", "custom").contains(query.get("kind")) && !"trust".equals(query.get("app"))) {
            throw new Refusal(404, "App " + query.get("app") + " not found");
        }
        exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"" + exportFileName + "\"");
        send(exchange, 200, "text/csv", exportContent);
    }

    // ---- helpers

    private static final class Refusal extends Exception {
        final int status;

        Refusal(int status, String detail) {
            super(detail);
            this.status = status;
        }
    }

    private static Matcher match(String regex, String path) {
        return Pattern.compile(regex).matcher(path);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static Map<String, Object> parseObject(String body) throws Refusal {
        if (body.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new Refusal(400, "The body is not a JSON object");
        }
    }

    private static String requireString(Map<String, Object> params, String name) throws Refusal {
        if (!(params.get(name) instanceof String value) || value.isEmpty()) {
            throw new Refusal(400, "Missing required parameter: " + name);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> vars(Map<String, Object> params) throws Refusal {
        if (!(params.get("vars") instanceof Map<?, ?> vars)) {
            throw new Refusal(400, "vars must be a JSON object");
        }
        return (Map<String, Object>) vars;
    }

    private static void requireRoom(String room) throws Refusal {
        if (!ROOMS.contains(room)) {
            throw new Refusal(404, "Room " + room + " not found");
        }
    }

    private void sendJson(HttpExchange exchange, Object value) throws IOException {
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(value));
    }

    private void sendError(HttpExchange exchange, int status, String detail) throws IOException {
        if (plainTextErrors) {
            send(exchange, status, null, detail.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", Problem.parse(status, new byte[0]).title());
        problem.put("status", status);
        problem.put("detail", detail);
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
