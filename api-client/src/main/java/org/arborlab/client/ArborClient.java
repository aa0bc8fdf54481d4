package org.arborlab.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client for the REST API of Arbor (and, for the endpoints oTree has, of oTree).
 * <pre>{@code
 * ArborClient arbor = ArborClient.builder("https://lab.example.edu").restKey(System.getenv("OTREE_REST_KEY")).build();
 * CreatedSession session = arbor.createSession(SessionRequest.of("trust", 4).inRoom("econ101"), "week-12-trust");
 * arbor.setParticipantVarsInRoom("econ101", "albert_e", Map.of("age", 25));
 * }</pre>
 * Thread-safe. Every method throws {@link ArborApiException} (or a subclass) when the server answers with an
 * error and {@link ArborConnectionException} when there is no answer.
 *
 * <p>What is retried (connection failures and 5xx, per the {@link RetryPolicy}; never 4xx): all reads;
 * session creation only with an idempotency key, because without one a repeat could create a second session;
 * vars updates, because the server merges vars, so sending the same vars twice leaves the same state.
 */
public final class ArborClient {

    private static final String USER_AGENT = "arbor-client/0.1";

    private final URI server;
    private final String restKey;
    private final String bearerToken;
    private final Duration requestTimeout;
    private final Duration exportTimeout;
    private final HttpCalls calls;

    private ArborClient(Builder builder) {
        this.server = builder.server;
        this.restKey = builder.restKey;
        this.bearerToken = builder.bearerToken;
        this.requestTimeout = builder.requestTimeout;
        this.exportTimeout = builder.exportTimeout;
        HttpClient http = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.calls = new HttpCalls(http, builder.retryPolicy);
    }

    /** @param server the base URL, e.g. {@code http://localhost:8000}; {@code http://} is assumed if missing */
    public static Builder builder(String server) {
        return new Builder(server);
    }

    public URI server() {
        return server;
    }

    // ---- sessions

    /** Creates a session. Not retried: without an idempotency key a repeat could create a second session. */
    public CreatedSession createSession(SessionRequest request) {
        return postJson("/api/sessions", request.toBody(), null, false, CreatedSession.class);
    }

    /**
     * Creates a session, or returns the session created earlier with the same key (the server remembers keys
     * for 24 h). Safe to retry, and safe for a batch job to run twice.
     */
    public CreatedSession createSession(SessionRequest request, String idempotencyKey) {
        requireText(idempotencyKey, "idempotencyKey");
        return postJson("/api/sessions", request.toBody(), idempotencyKey, true, CreatedSession.class);
    }

    /**
     * Creates a bot session of a config and has the apps' bots play it to the end on the server (oTree's
     * {@code otree test}). Waits for the run (up to the export timeout); not retried.
     *
     * @param numParticipants null for the config's num_demo_participants
     */
    public BotRun runBots(String configName, Integer numParticipants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_config_name", requireText(configName, "configName"));
        if (numParticipants != null) {
            body.put("num_participants", numParticipants);
        }
        return postJson("/api/bots", body, null, false, BotRun.class, exportTimeout);
    }

    /** Non-demo sessions, oldest first. */
    public List<SessionSummary> listSessions() {
        return getJson("/api/sessions", new TypeReference<List<SessionSummary>>() { });
    }

    public SessionDetail getSession(String sessionCode) {
        return getJson("/api/sessions/" + segment(sessionCode, "sessionCode"), new TypeReference<SessionDetail>() { });
    }

    /** The session detail, only for some participant labels and with the requested vars. */
    public SessionDetail getSession(String sessionCode, SessionQuery query) {
        if (query.isEmpty()) {
            return getSession(sessionCode);
        }
        // A POST that only reads: safe to repeat.
        return postJson("/api/get_session/" + segment(sessionCode, "sessionCode"), query.toBody(), null, true,
                SessionDetail.class);
    }

    // ---- vars

    /** Merges {@code vars} into the vars of the participant with this code. */
    public void setParticipantVars(String participantCode, Map<String, ?> vars) {
        postJson("/api/participant_vars/" + segment(participantCode, "participantCode"), varsBody(vars), null,
                true, Map.class);
    }

    /**
     * Merges {@code vars} into the vars of the participant with this label in the room; if the participant has
     * not arrived yet, the server keeps them and applies them on arrival.
     */
    public void setParticipantVarsInRoom(String roomName, String participantLabel, Map<String, ?> vars) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("room_name", requireText(roomName, "roomName"));
        body.put("participant_label", requireText(participantLabel, "participantLabel"));
        body.putAll(varsBody(vars));
        postJson("/api/participant_vars", body, null, true, Map.class);
    }

    /** Merges {@code vars} into the session vars of the session with this code. */
    public void setSessionVars(String sessionCode, Map<String, ?> vars) {
        postJson("/api/session_vars/" + segment(sessionCode, "sessionCode"), varsBody(vars), null, true, Map.class);
    }

    /** Merges {@code vars} into the session vars of the session currently open in the room. */
    public void setSessionVarsInRoom(String roomName, Map<String, ?> vars) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("room_name", requireText(roomName, "roomName"));
        body.putAll(varsBody(vars));
        postJson("/api/session_vars", body, null, true, Map.class);
    }

    // ---- server settings

    public List<SessionConfig> sessionConfigs() {
        return getJson("/api/session_configs", new TypeReference<List<SessionConfig>>() { });
    }

    public List<Room> rooms() {
        return getJson("/api/rooms", new TypeReference<List<Room>>() { });
    }

    /** App name to the app's doc string. */
    public Map<String, String> apps() {
        return getJson("/api/apps", new TypeReference<LinkedHashMap<String, String>>() { });
    }

    /** The version the server reports, e.g. {@code 6.0.1b1} from oTree. */
    public String otreeVersion() {
        Map<String, Object> answer = getJson("/api/otree_version", new TypeReference<Map<String, Object>>() { });
        return String.valueOf(answer.get("version"));
    }

    // ---- export

    /**
     * Downloads an export, streamed to disk (memory does not grow with the file). The file appears only when
     * complete; a failed download leaves nothing behind.
     *
     * @param target a file, or an existing directory to save into under the server's file name
     * @return the written file
     */
    public Path export(String sessionCode, ExportRequest request, Path target) {
        StringBuilder path = new StringBuilder("/api/sessions/").append(segment(sessionCode, "sessionCode"))
                .append("/export?");
        return download(path, request, target, ExportDownload.fallbackFileName(sessionCode, request));
    }

    /**
     * Downloads an export of a chosen set of sessions, or of all sessions when {@code sessionCodes} is empty
     * ({@code GET /api/export}), streamed to disk as {@link #export(String, ExportRequest, Path)} does.
     */
    public Path export(List<String> sessionCodes, ExportRequest request, Path target) {
        StringBuilder path = new StringBuilder("/api/export?");
        for (String code : sessionCodes) {
            path.append("session=").append(segment(code, "sessionCode")).append('&');
        }
        return download(path, request, target,
                ExportDownload.fallbackFileName(sessionCodes.isEmpty() ? "all" : "sessions", request));
    }

    private Path download(StringBuilder path, ExportRequest request, Path target, String fallbackName) {
        Objects.requireNonNull(target, "target");
        path.append("format=").append(request.format().parameter())
                .append("&kind=").append(request.kind().parameter());
        if (request.app() != null) {
            path.append("&app=").append(URLEncoder.encode(request.app(), StandardCharsets.UTF_8));
        }
        HttpRequest http = request(path.toString()).timeout(exportTimeout).GET().build();
        try {
            return calls.send(http, true, response -> ExportDownload.save(response, target, fallbackName));
        } catch (UncheckedIOException e) {
            throw new ArborException("cannot write " + target + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    // ---- plumbing

    private <T> T getJson(String path, TypeReference<T> type) {
        HttpRequest request = request(path).timeout(requestTimeout).GET().build();
        return parse(request, calls.send(request, true, response -> response.body().readAllBytes()),
                Json.MAPPER.getTypeFactory().constructType(type));
    }

    private <T> T postJson(String path, Map<String, Object> body, String idempotencyKey, boolean safeToRepeat,
            Class<T> answerType) {
        return postJson(path, body, idempotencyKey, safeToRepeat, answerType, requestTimeout);
    }

    private <T> T postJson(String path, Map<String, Object> body, String idempotencyKey, boolean safeToRepeat,
            Class<T> answerType, Duration timeout) {
        HttpRequest.Builder builder = request(path).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(toJson(body)));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpRequest request = builder.build();
        return parse(request, calls.send(request, safeToRepeat, response -> response.body().readAllBytes()),
                Json.MAPPER.getTypeFactory().constructType(answerType));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + pathAndQuery))
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", USER_AGENT);
        if (restKey != null) {
            builder.header("otree-rest-key", restKey);
        }
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        return builder;
    }

    private static <T> T parse(HttpRequest request, byte[] body, JavaType type) {
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw new ArborException("unexpected answer to " + HttpCalls.describe(request) + ": "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private static byte[] toJson(Map<String, Object> body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot send as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> varsBody(Map<String, ?> vars) {
        Objects.requireNonNull(vars, "vars");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vars", vars);
        return body;
    }

    /** Codes are [a-z0-9], but a typo must not be able to reach another path. */
    private static String segment(String value, String name) {
        return URLEncoder.encode(requireText(value, name), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    /** Configuration of a client; only the server is required. */
    public static final class Builder {
        private final URI server;
        private String restKey;
        private String bearerToken;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration exportTimeout = Duration.ofMinutes(10);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private HttpClient httpClient;

        private Builder(String server) {
            this.server = baseUri(server);
        }

        /** Sent as {@code otree-rest-key}; needed when the server's auth level is DEMO or STUDY. */
        public Builder restKey(String key) {
            this.restKey = key == null || key.isBlank() ? null : key;
            return this;
        }

        /** Sent as {@code Authorization: Bearer ...} (Arbor only). */
        public Builder bearerToken(String token) {
            this.bearerToken = token == null || token.isBlank() ? null : token;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How long to wait for the answer to an ordinary request. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How long to wait for an export to start arriving (large sessions take a while). */
        public Builder exportTimeout(Duration timeout) {
            this.exportTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /** Use this HttpClient (proxy, TLS settings); the connect timeout is then the client's own. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client);
            return this;
        }

        public ArborClient build() {
            return new ArborClient(this);
        }

        private static URI baseUri(String server) {
            String text = requireText(server, "server").strip();
            if (!text.contains("://")) {
                text = "http://" + text;
            }
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a server URL: " + server, e);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("not a server URL (want e.g. http://localhost:8000): " + server);
            }
            return uri;
        }
    }
}
