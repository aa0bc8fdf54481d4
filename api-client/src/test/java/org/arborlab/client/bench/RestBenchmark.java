package org.arborlab.client.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on a running Arbor's REST API: session creations and participant-vars posts at concurrency 1 and 16,
 * and one 1,000-participant session. Run it against a server started with {@code ./deploy/run} (see README,
 * "Benchmarks"); it prints requests/s and latency percentiles and fails on any non-200 answer.
 *
 * <pre>mvn -q -pl api-client test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.arborlab.client.bench.RestBenchmark -Dexec.args="http://localhost:8000 2000"</pre>
 */
public final class RestBenchmark {
    private static final Pattern CODE = Pattern.compile("\"code\":\"([a-z0-9]{8})\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String key;

    private RestBenchmark(String base, String key) {
        this.base = base.replaceAll("/+$", "");
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8000";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        String key = System.getenv().getOrDefault("OTREE_REST_KEY", "");
        // With the server's process id (same machine), each run also prints the server's CPU time per request,
        // which does not depend on how much of the cores the benchmark client itself takes.
        server = Optional.ofNullable(System.getenv("ARBOR_PID")).map(Long::parseLong).flatMap(ProcessHandle::of);
        RestBenchmark bench = new RestBenchmark(base, key);
        System.out.printf("Arbor REST benchmark against %s, %d requests per run, %d cores, Java %s%n", base, requests,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        bench.run("warm-up", 16, requests / 2, i -> bench.createSession("survey", 1));
        // vars go to the participants of a lab-sized session, as a survey tool would post them
        String session = bench.code(bench.createSession("trust", 1000));
        List<String> participants = bench.participants(session);
        for (int concurrency : new int[] {1, 16}) {
            bench.run("POST /api/sessions (trust, 2 participants)", concurrency, requests,
                    i -> bench.createSession("trust", 2));
            bench.run("POST /api/participant_vars/{code}", concurrency, requests, i -> bench.post(
                    "/api/participant_vars/" + participants.get(i % participants.size()),
                    "{\"vars\":{\"k" + (i % 50) + "\":" + i + ",\"nested\":{\"i\":" + i + "}}}"));
            bench.run("POST /api/participant_vars (room + label)", concurrency, requests, i -> bench.post(
                    "/api/participant_vars", "{\"room_name\":\"econ101\",\"participant_label\":\"bench_"
                            + (i % 500) + "\",\"vars\":{\"k\":" + i + "}}"));
        }
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            bench.createSession("trust", 1000);
            System.out.printf(Locale.ROOT, "1,000-participant trust session created in %.0f ms%n",
                    (System.nanoTime() - start) / 1e6);
        }
    }

    private static Optional<ProcessHandle> server = Optional.empty();

    private static Duration cpu(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private void run(String name, int concurrency, int requests, IntFunction<String> call) throws Exception {
        long[] latencies = new long[requests];
        Duration clientCpu = cpu(Optional.of(ProcessHandle.current()));
        Duration serverCpu = cpu(server);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    call.apply(i);
                    latencies[i] = System.nanoTime() - t;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        double clientCores = cpu(Optional.of(ProcessHandle.current())).minus(clientCpu).toNanos() / 1e9 / seconds;
        System.out.printf(Locale.ROOT, "%-46s c=%-2d %7.0f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms"
                + "  client %.1f cores", name, concurrency, requests / seconds, ms(latencies, 0.50),
                ms(latencies, 0.95), ms(latencies, 0.99), clientCores);
        if (server.isPresent()) {
            System.out.printf(Locale.ROOT, "  server %.2f ms CPU/req", cpu(server).minus(serverCpu).toNanos() / 1e6
                    / requests);
        }
        System.out.println();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private String createSession(String config, int participants) {
        return post("/api/sessions", "{\"session_config_name\":\"" + config + "\",\"num_participants\":"
                + participants + "}");
    }

    private String code(String json) {
        Matcher m = CODE.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no code in " + json);
        }
        return m.group(1);
    }

    private List<String> participants(String session) {
        String detail = send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + session)).GET());
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(detail.substring(detail.indexOf("\"participants\"")));
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private String post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String send(HttpRequest.Builder request) {
        if (!key.isEmpty()) {
            request.header("otree-rest-key", key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
