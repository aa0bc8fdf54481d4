package org.arborlab.control.engine.features;

import org.arborlab.control.engine.runtime.Links;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BotRound;

/**
 * One bot participant: a browser without a screen. It opens the start link, reads which page the server shows,
 * submits what its bot planned for that page, waits on wait pages, and checks that each page is the one its plan
 * expects. Any surprise ends the run with a message naming the page.
 */
final class BotPlayer {
    private static final Pattern MARKER = Pattern.compile("<meta name=\"arbor-page\" content=\"([^\"]*)\"");
    private static final Pattern SECONDS_LEFT = Pattern.compile("data-seconds-left=\"(\\d+)\"");
    private static final Pattern PUSH = Pattern.compile("<meta name=\"arbor-wait\" content=\"([^\"]*)\"");
    private static final Pattern ERROR = Pattern.compile("class=\"arbor-(?:field-message|error)\"[^>]*>([^<]*)<");
    private static final Pattern CHAT_TICKET = Pattern.compile("data-chat-ticket=\"([^\"]*)\"");
    private static final int MAX_REQUESTS = 10_000;

    private final URI base;
    private final String code;
    private final BotScript script;
    private final HttpClient client;
    private final AtomicInteger requests;
    private final long deadline;

    BotPlayer(URI base, String participantCode, BotScript.PlayerData data, AtomicInteger requests, long deadline) {
        this.base = base;
        this.code = participantCode;
        this.script = new BotScript(data);
        this.requests = requests;
        this.deadline = deadline;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Plays to the end; throws {@link BotFailure} with what went wrong. */
    void play() throws InterruptedException {
        Response page = get(Links.initializeParticipant(code));
        for (int i = 0; i < MAX_REQUESTS; i++) {
            if (page.path.startsWith(Links.finished(code))) {
                script.finish();
                return;
            }
            String marker = page.marker();
            if (page.status != 200 || marker == null) {
                throw new BotFailure("got HTTP " + page.status + " at " + page.path + " instead of a page");
            }
            String[] parts = marker.split("/");
            String app = parts[0];
            int round = Integer.parseInt(parts[1]);
            String pageName = parts[2];
            if (page.isWaitPage()) {
                script.waiting(app, round);
                if (System.currentTimeMillis() > deadline) {
                    throw new BotFailure("still waiting on " + pageName + " when the run's time was up");
                }
                awaitPush(page.pushChannel());
                page = get(page.path);
                continue;
            }
            String html = page.html;
            String pagePath = page.path;
            BotRound.Step<BasePlayer<?, ?>> step = script.step(app, round, pageName, html::contains,
                    json -> live(pagePath, json));
            page = switch (step.kind()) {
                case SUBMIT -> {
                    Response next = post(page.path, script.form(app, round, step), false);
                    if (marker.equals(next.marker())) {
                        throw new BotFailure("page " + pageName + " refused the bot's values: " + next.errors());
                    }
                    yield next;
                }
                case SUBMIT_INVALID -> {
                    Response next = post(page.path, script.form(app, round, step), false);
                    if (!marker.equals(next.marker()) || next.errors().isEmpty()) {
                        throw new BotFailure("page " + pageName + " accepted values the bot expected it to refuse");
                    }
                    yield next;
                }
                case TIMEOUT -> {
                    Matcher seconds = SECONDS_LEFT.matcher(page.html);
                    if (!seconds.find()) {
                        throw new BotFailure("page " + pageName + " has no timeout, but the bot waits for one");
                    }
                    Thread.sleep(Long.parseLong(seconds.group(1)) * 1000 + 50);
                    yield post(page.path, Map.of(), true);
                }
                case CHAT -> {
                    chat(page, pageName, script.form(app, round, step).get("body"));
                    yield page;
                }
                case CHECK, LIVE -> throw new IllegalStateException("checks and live messages are run before");
            };
        }
        throw new BotFailure("did not finish within " + MAX_REQUESTS + " requests");
    }

    /** Writes in the page's chat with the ticket the page carries, as the page's script does. */
    private void chat(Response page, String pageName, String body) {
        Matcher ticket = CHAT_TICKET.matcher(page.html);
        if (!ticket.find()) {
            throw new BotFailure("page " + pageName + " has no chat (<arbor:chat/>), but the bot writes in it");
        }
        Response sent = send(HttpRequest.newBuilder(base.resolve(Links.chatChannel()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ticket=" + enc(ticket.group(1)) + "&body=" + enc(body))));
        if (sent.status != 201) {
            throw new BotFailure("the chat of page " + pageName + " refused the bot's message (HTTP " + sent.status
                    + "): " + sent.html);
        }
    }

    /**
     * A live message from the page, as the page's {@code liveSend} does but over HTTP
     * ({@code POST <page>/live}): the answer holds what this participant's page received.
     */
    private jakarta.json.JsonValue live(String pagePath, String json) {
        requests.incrementAndGet();
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(base.resolve(pagePath + "/live"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotFailure("interrupted");
        } catch (java.io.IOException e) {
            throw new BotFailure("live message failed: " + e);
        }
        jakarta.json.JsonObject body;
        try (jakarta.json.JsonReader reader = org.arborlab.entity.Jsonp.createReader(
                new java.io.StringReader(response.body()))) {
            body = reader.readObject();
        } catch (RuntimeException e) {
            throw new BotFailure("live message " + json + " got HTTP " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200) {
            throw new BotFailure("live message " + json + " got HTTP " + response.statusCode() + ": "
                    + body.getString("message", body.toString()));
        }
        jakarta.json.JsonValue data = body.get("data");
        return data == null || !body.getBoolean("received", false) ? null : data;
    }

    /** Waits as a browser does: until the server pushes "reload" on the page's WebSocket, or 15 s at most. */
    private void awaitPush(String channel) throws InterruptedException {
        if (channel == null) {
            Thread.sleep(200);
            return;
        }
        CompletableFuture<String> message = new CompletableFuture<>();
        WebSocket socket;
        try {
            socket = client.newWebSocketBuilder().buildAsync(URI.create(base.toString().replaceFirst("^http", "ws"))
                    .resolve(channel), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            message.complete(data.toString());
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Thread.sleep(200); // no push channel: poll instead
            return;
        }
        try {
            message.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // reload anyway, as the page's fallback does
        } finally {
            socket.abort();
        }
    }

    private Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private Response post(String path, Map<String, String> form, boolean timeout) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        if (timeout) {
            body = body + (body.isEmpty() ? "" : "&") + "timeout_happened=1";
        }
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response send(HttpRequest.Builder request) {
        requests.incrementAndGet();
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.uri().getRawPath(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotFailure("interrupted");
        } catch (java.io.IOException e) {
            throw new BotFailure("HTTP request failed: " + e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private record Response(int status, String path, String html) {

        String marker() {
            Matcher m = MARKER.matcher(html);
            return m.find() ? m.group(1) : null;
        }

        boolean isWaitPage() {
            return html.contains("<meta name=\"arbor-wait\"");
        }

        String pushChannel() {
            Matcher m = PUSH.matcher(html);
            return m.find() ? m.group(1) : null;
        }

        String errors() {
            StringBuilder out = new StringBuilder();
            Matcher m = ERROR.matcher(html);
            while (m.find()) {
                out.append(out.length() == 0 ? "" : "; ").append(m.group(1).trim());
            }
            return out.toString();
        }
    }
}
