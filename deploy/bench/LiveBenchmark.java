import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test of live pages: N participants of the sample app {@code live_public_goods} (groups of 4) on its live
 * page, each with its page's WebSocket open, each changing their contribution every 0..2×interval ms (one message
 * in flight per participant). The round trip is from sending a message until the sender's socket receives the live
 * method's answer for it (the live method runs in a transaction under the group's lock; the answer goes to all 4
 * of the group). Prints messages per second and the round-trip percentiles of the measured period.
 *
 * <pre>
 *   java deploy/bench/LiveBenchmark.java [server URL] [participants] [interval ms] [warm-up s] [measured s] [REST key]
 *   java deploy/bench/LiveBenchmark.java http://localhost:8000 500 1000 30 60
 * </pre>
 */
public class LiveBenchmark {
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([a-z0-9]{8})\"");
    private static final Pattern LIVE = Pattern.compile("<meta name=\"arbor-live\" content=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("you are player (\\d+)");
    private static final Pattern ANSWER_ID = Pattern.compile("\"id_in_group\":(\\d+)");
    private static final Pattern ANSWER_VALUE = Pattern.compile("\"contribution\":(\\d+)");

    private final String base;
    private final String restKey;
    private final long intervalMs;
    private final HttpClient client;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean measuring;
    private volatile boolean stopping;

    LiveBenchmark(String base, long intervalMs, String restKey) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.intervalMs = intervalMs;
        this.restKey = restKey;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "http://localhost:8000";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        long interval = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        long warmup = args.length > 3 ? Long.parseLong(args[3]) : 30;
        long measured = args.length > 4 ? Long.parseLong(args[4]) : 60;
        String key = args.length > 5 ? args[5] : System.getenv().getOrDefault("OTREE_REST_KEY", "");
        new LiveBenchmark(server, interval, key).run(n, warmup, measured);
        System.exit(0);
    }

    void run(int n, long warmupSeconds, long measuredSeconds) throws Exception {
        String created = rest("/api/sessions", "{\"session_config_name\": \"live_public_goods\", \"num_participants\": "
                + n + "}");
        Matcher m = CODE.matcher(created);
        if (!m.find()) {
            throw new IllegalStateException("Could not create a session: " + created);
        }
        String detail = restGet("/api/sessions/" + m.group(1));
        List<String> codes = new ArrayList<>();
        Matcher c = CODE.matcher(detail.substring(detail.indexOf("\"participants\"")));
        while (c.find()) {
            codes.add(c.group(1));
        }
        System.out.printf(Locale.ROOT, "Session %s: %d participants on the live page, a message every 0..%d ms each;"
                + " load average before: %s%n", m.group(1), codes.size(), 2 * intervalMs, load());
        ExecutorService arrivals = Executors.newFixedThreadPool(16);
        List<Future<Participant>> arriving = new ArrayList<>();
        for (String code : codes) {
            arriving.add(arrivals.submit(() -> arrive(code)));
        }
        List<Participant> participants = new ArrayList<>();
        for (Future<Participant> p : arriving) {
            participants.add(p.get(5, TimeUnit.MINUTES));
        }
        arrivals.shutdown();
        System.out.printf(Locale.ROOT, "%d live sockets open; warming up for %d s%n", participants.size(),
                warmupSeconds);
        for (Participant p : participants) {
            timer.schedule(p::send, ThreadLocalRandom.current().nextLong(2 * intervalMs + 1), TimeUnit.MILLISECONDS);
        }
        Thread.sleep(warmupSeconds * 1000);
        latencies.clear();
        sent.set(0);
        lost.set(0);
        received.set(0);
        measuring = true;
        long start = System.nanoTime();
        Thread.sleep(measuredSeconds * 1000);
        measuring = false;
        double seconds = (System.nanoTime() - start) / 1e9;
        String loadAfter = load();
        stopping = true;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%d messages in %.0f s (%.0f/s), %d answers delivered to sockets (%.0f/s); "
                + "%d without an answer within 5 s; %d errors; load average after: %s%n", sent.get(), seconds,
                sent.get() / seconds, received.get(), received.get() / seconds, lost.get(), errors.get(), loadAfter);
        System.out.printf(Locale.ROOT, "round trip p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d measured)%n",
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, sorted.size());
        for (Participant p : participants) {
            p.socket.abort();
        }
        timer.shutdownNow();
    }

    /** Opens the start link, reads the live page, opens its WebSocket. */
    private Participant arrive(String code) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/InitializeParticipant/"
                + code)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher live = LIVE.matcher(page.body());
        Matcher id = ID.matcher(page.body());
        if (!live.find() || !id.find()) {
            throw new IllegalStateException(code + ": not the live page (HTTP " + page.statusCode() + ")");
        }
        Participant participant = new Participant(Integer.parseInt(id.group(1)));
        participant.socket = client.newWebSocketBuilder().buildAsync(URI.create(base.replaceFirst("^http", "ws")
                + live.group(1)), participant).get(60, TimeUnit.SECONDS);
        return participant;
    }

    private final class Participant implements WebSocket.Listener {
        final int idInGroup;
        WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private int value;
        private volatile long sentAt;
        private volatile boolean counted;

        Participant(int idInGroup) {
            this.idInGroup = idInGroup;
        }

        /** Sends the next contribution (another value than the last) and waits 5 s at most for its answer. */
        synchronized void send() {
            if (stopping) {
                return;
            }
            value = (value + 1 + ThreadLocalRandom.current().nextInt(9)) % 11;
            counted = measuring;
            if (counted) {
                sent.incrementAndGet();
            }
            long at = System.nanoTime();
            sentAt = at;
            socket.sendText("{\"contribution\":" + value + "}", true);
            timer.schedule(() -> {
                if (sentAt == at) { // still no answer
                    if (counted) {
                        lost.incrementAndGet();
                    }
                    sentAt = 0;
                    send();
                }
            }, 5, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                handle(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String message) {
            long now = System.nanoTime();
            if (measuring) {
                received.incrementAndGet();
            }
            if (message.contains("\"error\"") || message.equals("reload")) {
                errors.incrementAndGet();
                System.err.println("participant " + idInGroup + ": " + message);
                return;
            }
            Matcher id = ANSWER_ID.matcher(message);
            Matcher v = ANSWER_VALUE.matcher(message);
            long at = sentAt;
            synchronized (this) {
                if (at != 0 && id.find() && Integer.parseInt(id.group(1)) == idInGroup && v.find()
                        && Integer.parseInt(v.group(1)) == value && sentAt == at) {
                    sentAt = 0;
                    if (counted && measuring) {
                        latencies.add(now - at);
                    }
                    timer.schedule(this::send, ThreadLocalRandom.current().nextLong(2 * intervalMs + 1),
                            TimeUnit.MILLISECONDS);
                }
            }
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            errors.incrementAndGet();
            System.err.println("participant " + idInGroup + ": " + error);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private String rest(String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (!restKey.isEmpty()) {
            request.header("otree-rest-key", restKey);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String restGet(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (!restKey.isEmpty()) {
            request.header("otree-rest-key", restKey);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
