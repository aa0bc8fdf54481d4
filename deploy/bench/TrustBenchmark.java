import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test: N simulated participants play the trust game at the same time against a running Arbor, over HTTP
 * only, as browsers do (pages, form posts, redirects, and the WebSocket push on wait pages). Prints pages per
 * second and the latency percentiles of page requests (wait time on wait pages is not latency: it is other
 * participants' think time).
 *
 * <pre>
 *   java deploy/bench/TrustBenchmark.java [server URL] [participants] [think ms] [arrival ramp s] [REST key]
 *   java deploy/bench/TrustBenchmark.java http://localhost:8000 1000 10000 30
 * </pre>
 *
 * Each participant "reads" every page for a random 0..2×think ms before submitting it (think 0: as fast as
 * possible), and opens their start link at a random moment within the ramp (0: all at the same instant).
 */
public class TrustBenchmark {
    private static final Pattern MARKER = Pattern.compile("<meta name=\"arbor-page\" content=\"([^\"]*)\"");
    private static final Pattern WAIT = Pattern.compile("<meta name=\"arbor-wait\" content=\"([^\"]*)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([a-z0-9]{8})\"");

    private final String base;
    private final HttpClient client;
    private final String restKey;
    private final long thinkMs;
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger longWaits = new AtomicInteger();
    private final long rampMs;

    TrustBenchmark(String base, long thinkMs, long rampMs, String restKey) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.thinkMs = thinkMs;
        this.rampMs = rampMs;
        this.restKey = restKey;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "http://localhost:8000";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long think = args.length > 2 ? Long.parseLong(args[2]) : 2000;
        long ramp = args.length > 3 ? Long.parseLong(args[3]) : 0;
        String key = args.length > 4 ? args[4] : System.getenv().getOrDefault("OTREE_REST_KEY", "");
        new TrustBenchmark(server, think, ramp * 1000, key).run(n);
    }

    void run(int n) throws Exception {
        String session = rest("/api/sessions", "{\"session_config_name\": \"trust\", \"num_participants\": " + n + "}");
        Matcher m = CODE.matcher(session);
        if (!m.find()) {
            throw new IllegalStateException("Could not create a session: " + session);
        }
        String detail = restGet("/api/sessions/" + m.group(1));
        List<String> codes = new ArrayList<>();
        Matcher c = CODE.matcher(detail.substring(detail.indexOf("\"participants\"")));
        while (c.find()) {
            codes.add(c.group(1));
        }
        System.out.printf(Locale.ROOT, "Session %s: %d participants arriving within %d s, think time 0..%d ms"
                + " per page%n", m.group(1), codes.size(), rampMs / 1000, 2 * thinkMs);
        ExecutorService pool = Executors.newFixedThreadPool(codes.size());
        CountDownLatch done = new CountDownLatch(codes.size());
        AtomicInteger finished = new AtomicInteger();
        long start = System.nanoTime();
        for (String code : codes) {
            pool.submit(() -> {
                try {
                    if (rampMs > 0) {
                        Thread.sleep(ThreadLocalRandom.current().nextLong(rampMs + 1));
                    }
                    play(code);
                    finished.incrementAndGet();
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println(code + ": " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%d of %d participants finished in %.1f s; %d errors; %d waits longer than"
                + " 15 s (reloaded, as the wait page does)%n", finished.get(), codes.size(), seconds, errors.get(),
                longWaits.get());
        System.out.printf(Locale.ROOT, "%d page requests, %.0f pages/s; latency p50 %.1f ms, p95 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms%n", sorted.size(), sorted.size() / seconds, pct(sorted, 50),
                pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    /** One participant: arrive, then submit every form page and wait on every wait page until the end. */
    private void play(String code) throws Exception {
        Page page = get("/InitializeParticipant/" + code);
        for (int steps = 0; steps < 100; steps++) {
            if (page.path.startsWith("/OutOfRangeNotification/")) {
                return;
            }
            Matcher wait = WAIT.matcher(page.html);
            if (wait.find()) {
                waitForPush(wait.group(1));
                page = get(page.path);
                continue;
            }
            Matcher marker = MARKER.matcher(page.html);
            if (page.status != 200 || !marker.find()) {
                throw new IllegalStateException("HTTP " + page.status + " at " + page.path);
            }
            if (thinkMs > 0) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(2 * thinkMs + 1));
            }
            String form = switch (marker.group(1).split("/")[2]) {
                case "Send" -> "sentAmount=" + ThreadLocalRandom.current().nextInt(11);
                case "SendBack" -> "sentBackAmount=0";
                default -> "";
            };
            page = post(page.path, form);
        }
        throw new IllegalStateException("did not finish");
    }

    /** As the wait page's script does: a WebSocket until the server says "reload" (at most 15 s, then reload). */
    private void waitForPush(String path) throws Exception {
        CompletableFuture<String> message = new CompletableFuture<>();
        WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create(base.replaceFirst("^http", "ws") + path),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        message.complete(data.toString());
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        try {
            message.get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            longWaits.incrementAndGet();
        } finally {
            socket.abort();
        }
    }

    private Page get(String path) throws Exception {
        return follow(timed(HttpRequest.newBuilder(URI.create(base + path)).GET()));
    }

    private Page post(String path, String form) throws Exception {
        return follow(timed(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    private Page follow(HttpResponse<String> response) throws Exception {
        for (int i = 0; i < 10 && (response.statusCode() == 303 || response.statusCode() == 302
                || response.statusCode() == 307); i++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = timed(HttpRequest.newBuilder(URI.create(location.startsWith("http") ? location : base + location))
                    .GET());
        }
        return new Page(response.statusCode(), response.uri().getRawPath(), response.body());
    }

    private HttpResponse<String> timed(HttpRequest.Builder request) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        latencies.add(System.nanoTime() - t);
        return response;
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

    private record Page(int status, String path, String html) {
    }

    @SuppressWarnings("unused")
    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
