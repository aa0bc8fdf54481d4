package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arborlab.control.database.DatabaseUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three Arbor instances on one MySQL database behind HAProxy, started as a lab would start them
 * ({@code deploy/cluster 3}); the tests go through the proxy, which balances every request round robin with no
 * stickiness. Partners of a trust session therefore land on different instances: their wait pages must still be
 * released within a second, the monitor open on each instance must follow progress made on the others, an admin's
 * login must hold whichever instance answers, and killing an instance mid-session must lose no participant.
 * Runs in the MySQL pass (-Pmysql) with HAProxy installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final int INSTANCES = 3;
    /** Each instance's pool (ARBOR_DB_POOL_MAX), small enough that the load below would exceed it otherwise. */
    private static final int POOL = 5;
    /** Connections an instance keeps besides its pool: the id-block pool's. */
    private static final int ID_POOL = 4;
    private static final String PASSWORD = "cluster-admin-pw";
    private static final String REST_KEY = "cluster-rest-key";
    private static final Pattern MARKER = Pattern.compile("<meta name=\"arbor-page\" content=\"([^\"]*)\"");
    private static final Pattern WAIT = Pattern.compile("<meta name=\"arbor-wait\" content=\"([^\"]*)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([a-z0-9]{8})\"");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private static Process cluster;
    private static final StringBuffer output = new StringBuffer();
    private static String proxy;
    private static final List<String> instances = new ArrayList<>();
    private static Path dir;
    private static String jdbcUrl;
    private static DatabaseUrl database;

    @BeforeAll
    static void startThreeInstancesBehindHaproxy() throws Exception {
        String base = System.getenv("DATABASE_URL");
        assumeTrue(base != null && base.startsWith("mysql://"), "needs MySQL: mvn verify -Pmysql");
        assumeTrue(onPath("haproxy"), "needs HAProxy (Debian: apt-get install haproxy)");
        database = DatabaseUrl.resolve(base, null);
        String server = database.jdbcUrl().substring(0, database.jdbcUrl().indexOf('/', "jdbc:mysql://".length()));
        Matcher name = Pattern.compile("//[^/]+/([^/?]+)").matcher(base);
        assertTrue(name.find(), base);
        String db = name.group(1) + "_cluster";
        try (Connection c = DriverManager.getConnection(server + "/", database.user(), database.password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        jdbcUrl = server + "/" + db;
        int port = freeBlock(Integer.getInteger("arbor.it.cluster-port", 22100), 2 * INSTANCES + 1);
        dir = Files.createTempDirectory(Path.of("target"), "cluster-");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("deploy/cluster").toString(),
                String.valueOf(INSTANCES)).directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DATABASE_URL", base.replaceFirst("/[^/?]+(\\?|$)", "/" + db + "$1"));
        env.put("PORT", String.valueOf(port));
        env.put("ARBOR_INSTANCE_PORT", String.valueOf(port + 1));
        env.put("ARBOR_GRID_PORT", String.valueOf(port + 1 + INSTANCES));
        env.put("ARBOR_CLUSTER_SLOTS", String.valueOf(INSTANCES));
        env.put("ARBOR_CLUSTER_DIR", dir.toAbsolutePath().toString());
        env.put("OTREE_AUTH_LEVEL", "STUDY");
        env.put("OTREE_ADMIN_PASSWORD", PASSWORD);
        env.put("OTREE_REST_KEY", REST_KEY);
        env.put("ARBOR_SECRET_KEY", "cluster-it-secret");
        env.put("ARBOR_DB_POOL_MAX", String.valueOf(POOL));
        // three JVMs start at once on a small machine: C1 only and the serial collector spend less CPU starting up
        // (what C2 would gain later does not matter to a test)
        env.put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        env.remove("ARBOR_DATA");
        env.remove("ARBOR_BIND");
        cluster = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(cluster.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("[output closed: ").append(e).append("]\n");
            }
        });
        reader.setDaemon(true);
        reader.start();
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("arbor.it.start-seconds", 240) + 60);
        long begin = System.nanoTime();
        while (!output.toString().contains("Arbor cluster is ready")) {
            if (!cluster.isAlive() || System.nanoTime() > limit) {
                stop();
                throw new AssertionError("deploy/cluster did not become ready:\n" + output + logs());
            }
            Thread.sleep(250);
        }
        System.out.printf("ClusterIT: %d instances and HAProxy ready in %.0f s%n", INSTANCES,
                (System.nanoTime() - begin) / 1e9);
        proxy = "http://127.0.0.1:" + port;
        for (int k = 0; k < INSTANCES; k++) {
            instances.add("http://127.0.0.1:" + (port + 1 + k));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster == null) {
            return;
        }
        List<ProcessHandle> children = cluster.descendants().toList();
        cluster.destroy(); // SIGTERM: deploy/cluster stops HAProxy and the instances
        if (!cluster.waitFor(120, TimeUnit.SECONDS)) {
            cluster.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                child.destroyForcibly();
            }
        }
    }

    /**
     * Four trust sessions played at once through the proxy. Each wait page listens on the proxy as the page's
     * script does, and also directly on every instance: whichever instance ran the releasing request, all three
     * must pass "reload" on within a second.
     */
    @Test
    @Order(1)
    void waitPagesReleaseWithinOneSecondWhereverTheirPartnersPlay() throws Exception {
        List<String> sessions = createTrustSessions(4);
        Run run = play(sessions, true, null, null);
        assertEquals(List.of(), run.failures, "every participant played to the end");
        // the sender always waits for the partner's answer (a page or two later): at least one wait per session
        assertTrue(run.releases.size() >= (INSTANCES + 1) * sessions.size(), "wait-page sockets: "
                + run.releases.size());
        List<Long> sorted = new ArrayList<>(run.releases);
        Collections.sort(sorted);
        List<Long> signed = new ArrayList<>(run.raw.stream().map(Release::signedMs).sorted().toList());
        System.out.printf("ClusterIT: %d wait-page releases (%d sockets), slowest %d ms, median %d ms after the"
                + " partner's answer (from %d to %d ms: negative = before the answer arrived); pages served by %s%n",
                run.releases.size() / (INSTANCES + 1), run.releases.size(), sorted.get(sorted.size() - 1),
                sorted.get(sorted.size() / 2), signed.get(0), signed.get(signed.size() - 1), run.servedBy);
        assertTrue(sorted.get(sorted.size() - 1) < 1000, "every socket, on every instance, released within 1 s: "
                + sorted);
        assertEquals(Set.of("i1", "i2", "i3"), run.servedBy.keySet(), "the proxy spread the pages");
        for (Set<String> pair : run.instancesPerSession.values()) {
            assertTrue(pair.size() >= 2, "a session's pages were served by more than one instance: " + pair);
        }
        assertEquals(2 * sessions.size(), finishedInDatabase(sessions));
    }

    /** The monitor of one session, open on each instance with an admin's login: progress anywhere reaches all. */
    @Test
    @Order(2)
    void theMonitorOnEveryInstanceFollowsProgressMadeOnAnother() throws Exception {
        WebSession admin = new WebSession(proxy);
        assertEquals(302, admin.login("admin", PASSWORD).statusCode());
        String code = createTrustSessions(1).get(0);
        List<Listener> monitors = new ArrayList<>();
        for (String instance : instances) {
            monitors.add(Listener.open(instance + "/live/monitor/" + code + "/0", admin.cookieHeader(proxy)));
        }
        List<String> participants = participantCodes(code);
        Player player = new Player(participants.get(0));
        Page page = null;
        for (int step = 0; step < 3; step++) {
            // the participant arrives, then moves on two pages: each request lands on one instance
            page = step == 0 ? player.get("/InitializeParticipant/" + participants.get(0))
                    : player.post(page.path, step == 2 ? "sentAmount=2" : "");
            assertEquals(200, page.status, page.html);
            long answered = System.nanoTime();
            for (int k = 0; k < INSTANCES; k++) {
                String message = monitors.get(k).messages.poll(5, TimeUnit.SECONDS);
                long ms = (System.nanoTime() - answered) / 1_000_000;
                assertEquals("refresh", message, "monitor on i" + (k + 1) + " after a page served by " + page.instance);
                assertTrue(ms < 1000, "monitor on i" + (k + 1) + " refreshed " + ms + " ms after a page served by "
                        + page.instance);
                monitors.get(k).messages.clear();
            }
        }
        HttpResponse<String> table = admin.get("/SessionMonitor/" + code);
        assertEquals(200, table.statusCode());
        monitors.forEach(Listener::close);
    }

    /**
     * One login through the proxy: the pages of the admin, a CSRF-protected post and the monitor's socket work
     * whichever instance answers, through the proxy and on each instance directly with the same cookie.
     */
    @Test
    @Order(3)
    void anAdminLoggedInThroughTheProxyKeepsWorkingOnEveryInstance() throws Exception {
        WebSession admin = new WebSession(proxy);
        assertEquals(302, admin.login("admin", PASSWORD).statusCode());
        Set<String> answeredBy = new HashSet<>();
        String token = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> sessions = admin.get("/sessions");
            assertEquals(200, sessions.statusCode(), "request " + i + ": " + sessions.headers().map());
            answeredBy.add(sessions.headers().firstValue("X-Arbor-Instance").orElse("?"));
            token = WebSession.csrfToken(sessions.body());
        }
        assertEquals(Set.of("i1", "i2", "i3"), answeredBy, "round robin, no stickiness");
        String code = createTrustSessions(1).get(0);
        Set<String> postedTo = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> advanced = admin.postJson("/AdvanceSession/" + code, "{}", "X-CSRF-Token", token);
            assertEquals(200, advanced.statusCode(), "post " + i + " on "
                    + advanced.headers().firstValue("X-Arbor-Instance") + ": " + advanced.body());
            postedTo.add(advanced.headers().firstValue("X-Arbor-Instance").orElse("?"));
        }
        assertEquals(Set.of("i1", "i2", "i3"), postedTo, "the login's CSRF token holds on every instance");
        assertEquals(403, admin.postJson("/AdvanceSession/" + code, "{}", "X-CSRF-Token", "wrong").statusCode(),
                "and a wrong token is still refused");
        for (String instance : instances) {
            WebSession direct = new WebSession(instance);
            HttpResponse<String> page = direct.getWithCookie("/sessions", admin.cookieHeader(proxy));
            assertEquals(200, page.statusCode(), instance + " knows the login: " + page.headers().map());
        }
        WebSession anonymous = new WebSession(proxy);
        assertEquals(302, anonymous.get("/sessions").statusCode(), "without the login: sent to /login");
    }

    /**
     * The sum rule of the README: instances x (ARBOR_DB_POOL_MAX + 4) connections at most, whatever the load. 60
     * session creations from 60 clients at once through the proxy: with the default pool of 32, each instance
     * opened a connection per concurrent request (33 each, measured by hand on one instance).
     */
    @Test
    @Order(0)
    void theInstancesKeepToTheirConfiguredPools() throws Exception {
        int clients = 60;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> created = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            created.add(pool.submit(() -> {
                start.await();
                return request(HttpRequest.newBuilder(URI.create(proxy + "/api/sessions"))
                        .header("otree-rest-key", REST_KEY).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"session_config_name\":\"trust\",\"num_participants\":2}"))).statusCode();
            }));
        }
        int peak = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, database.user(), database.password());
                Statement s = c.createStatement()) {
            String db = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
            start.countDown();
            while (created.stream().anyMatch(f -> !f.isDone())) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '"
                        + db + "' AND ID <> CONNECTION_ID()")) {
                    r.next();
                    peak = Math.max(peak, r.getInt(1));
                }
                Thread.sleep(20);
            }
        } finally {
            pool.shutdown();
        }
        for (Future<Integer> f : created) {
            assertEquals(200, f.get(), "every session was created");
        }
        System.out.printf("ClusterIT: %d concurrent session creations, at most %d database connections (limit %d)%n",
                clients, peak, INSTANCES * (POOL + ID_POOL));
        assertTrue(peak <= INSTANCES * (POOL + ID_POOL), "connections: " + peak);
        assertTrue(peak > 0, "the load reached the database");
    }

    /** An instance dies (SIGKILL) while four sessions are under way: every participant still finishes. */
    @Test
    @Order(4)
    void killingAnInstanceMidSessionLosesNoParticipant() throws Exception {
        List<String> sessions = createTrustSessions(4);
        CountDownLatch arrived = new CountDownLatch(2 * sessions.size());
        CountDownLatch resume = new CountDownLatch(1);
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> {
            try {
                return play(sessions, false, arrived, resume);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(arrived.await(120, TimeUnit.SECONDS), "participants arrived");
        ProcessHandle killed = instanceJvm(2);
        killed.destroyForcibly();
        killed.onExit().get(30, TimeUnit.SECONDS);
        long killedAt = System.nanoTime();
        resume.countDown(); // the rest is played with one instance fewer, before the proxy has noticed
        Run run = running.get(180, TimeUnit.SECONDS);
        System.out.printf("ClusterIT: after killing i2, all played on in %.1f s; pages served by %s%n",
                (System.nanoTime() - killedAt) / 1e9, run.servedBy);
        assertEquals(List.of(), run.failures, "no participant lost");
        assertEquals(2 * sessions.size(), finishedInDatabase(sessions));
        HttpResponse<String> health = request(HttpRequest.newBuilder(URI.create(proxy + "/health/ready")).GET());
        assertEquals(200, health.statusCode(), "the proxy still answers");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What a set of players saw: release delays of every wait-page socket, who served pages, what failed. */
    private static final class Run {
        /** Release delays in ms, one per wait-page socket, worked out once everyone finished. */
        final List<Long> releases = Collections.synchronizedList(new ArrayList<>());
        final List<Release> raw = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Integer> servedBy = new ConcurrentHashMap<>();
        final Map<String, Set<String>> instancesPerSession = new ConcurrentHashMap<>();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    }

    /** A wait-page socket's "reload": when the socket opened and got it, and who released it. */
    private record Release(Player partner, long openedAt, long receivedAt, String socket) {

        /**
         * From the moment the partner's releasing request was answered (or the socket opened, if later) to the
         * message; 0 if the message came before the answer. The releasing request is the partner's last one
         * begun before the message arrived.
         */
        long delayMs() {
            return Math.max(0, signedMs());
        }

        /** Negative when the message came before the releasing page's answer reached the partner. */
        long signedMs() {
            long answered = Long.MIN_VALUE;
            synchronized (partner.requests) {
                for (long[] r : partner.requests) {
                    if (r[0] <= receivedAt) {
                        answered = r[1];
                    }
                }
            }
            return (receivedAt - Math.max(answered, openedAt)) / 1_000_000;
        }
    }

    /**
     * Plays every participant of the sessions to the end, all at once. With {@code arrived}, each participant
     * counts it down after arriving and plays on only once {@code resume} opens.
     */
    private static Run play(List<String> sessions, boolean direct, CountDownLatch arrived, CountDownLatch resume)
            throws Exception {
        Run run = new Run();
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Future<?>> done = new ArrayList<>();
        for (String session : sessions) {
            List<String> codes = participantCodes(session);
            Player first = new Player(codes.get(0));
            Player second = new Player(codes.get(1));
            for (Player[] pair : List.of(new Player[] {first, second}, new Player[] {second, first})) {
                done.add(pool.submit(() -> {
                    try {
                        pair[0].playToTheEnd(run, session, pair[1], direct, arrived, resume);
                    } catch (Exception | AssertionError e) {
                        run.failures.add(pair[0].code + ": " + e);
                        if (arrived != null) {
                            arrived.countDown();
                        }
                    }
                }));
            }
        }
        for (Future<?> f : done) {
            f.get(240, TimeUnit.SECONDS);
        }
        pool.shutdown();
        run.raw.forEach(r -> run.releases.add(r.delayMs()));
        return run;
    }

    /** One participant's browser on the proxy: cookies of its own, redirects followed, the answering instance kept. */
    private static final class Player {
        private final String code;
        /** Start and end (nanoTime) of every HTTP request this participant made. */
        final List<long[]> requests = new ArrayList<>();

        Player(String code) {
            this.code = code;
        }

        private HttpResponse<String> timed(HttpRequest.Builder request) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> response = request(request);
            synchronized (requests) {
                requests.add(new long[] {start, System.nanoTime()});
            }
            return response;
        }

        Page get(String path) throws Exception {
            return follow(timed(HttpRequest.newBuilder(URI.create(proxy + path)).GET()));
        }

        Page post(String path, String form) throws Exception {
            return follow(timed(HttpRequest.newBuilder(URI.create(proxy + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))));
        }

        private Page follow(HttpResponse<String> response) throws Exception {
            for (int i = 0; i < 10 && response.statusCode() / 100 == 3; i++) {
                String location = response.headers().firstValue("Location").orElseThrow();
                response = timed(HttpRequest.newBuilder(response.uri().resolve(location)).GET());
            }
            String path = response.uri().getRawPath() + (response.uri().getRawQuery() == null ? ""
                    : "?" + response.uri().getRawQuery());
            return new Page(response.statusCode(), path, response.body(),
                    response.headers().firstValue("X-Arbor-Instance").orElse("?"));
        }

        void playToTheEnd(Run run, String session, Player partner, boolean direct, CountDownLatch arrived,
                CountDownLatch resume) throws Exception {
            Page page = get("/InitializeParticipant/" + code);
            if (arrived != null) {
                arrived.countDown();
                assertTrue(resume.await(120, TimeUnit.SECONDS), "resumed");
            }
            for (int steps = 0; steps < 30; steps++) {
                note(run, session, page);
                assertEquals(200, page.status, page.path + " answered by " + page.instance + ": " + page.html);
                if (page.html.contains("No more pages left.")) {
                    return;
                }
                Matcher wait = WAIT.matcher(page.html);
                if (wait.find()) {
                    awaitRelease(run, wait.group(1), partner, direct);
                    page = get(page.path);
                    continue;
                }
                Matcher marker = MARKER.matcher(page.html);
                assertTrue(marker.find(), "a participant page at " + page.path + ": " + page.html);
                String form = switch (marker.group(1).split("/")[2]) {
                    case "Send" -> "sentAmount=4";
                    case "SendBack" -> "sentBackAmount=3";
                    default -> "";
                };
                page = post(page.path, form);
            }
            throw new AssertionError(code + " did not finish");
        }

        /**
         * As the wait page's script: a socket through the proxy until "reload", connecting again if it drops
         * (its instance died), reloading after 15 s at the latest. With {@code direct}, one socket on each
         * instance too, every one of which must be released within a second of the partner's last answer.
         */
        private void awaitRelease(Run run, String path, Player partner, boolean direct) throws Exception {
            List<Listener> sockets = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            try {
                if (direct) {
                    for (String instance : instances) {
                        sockets.add(Listener.open(instance + path, null));
                    }
                }
                Listener main = Listener.open(proxy + path, null);
                sockets.add(main);
                for (Listener socket : sockets) {
                    String message = null;
                    while (message == null && System.nanoTime() < deadline) {
                        message = socket.messages.poll(200, TimeUnit.MILLISECONDS);
                        if (message == null && socket == main && main.closed.isDone() && !direct) {
                            main = Listener.open(proxy + path, null); // its instance went away: connect again
                            sockets.set(sockets.size() - 1, main);
                            socket = main;
                        }
                    }
                    if (direct) {
                        assertEquals("reload", message, "socket " + socket.uri + " released");
                        run.raw.add(new Release(partner, socket.openedAt, socket.receivedAt, socket.uri));
                    }
                }
            } finally {
                sockets.forEach(Listener::close);
            }
        }

        private static void note(Run run, String session, Page page) {
            run.servedBy.merge(page.instance, 1, Integer::sum);
            run.instancesPerSession.computeIfAbsent(session, s -> ConcurrentHashMap.newKeySet()).add(page.instance);
        }
    }

    private record Page(int status, String path, String html, String instance) {
    }

    /** A WebSocket that keeps what it receives and when. */
    private static final class Listener implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        final String uri;
        long openedAt;
        volatile long receivedAt;
        private WebSocket socket;

        private Listener(String uri) {
            this.uri = uri;
        }

        static Listener open(String url, String cookie) throws Exception {
            Listener listener = new Listener(url);
            WebSocket.Builder builder = CLIENT.newWebSocketBuilder();
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            listener.socket = builder.buildAsync(URI.create(url.replaceFirst("^http", "ws")), listener)
                    .get(20, TimeUnit.SECONDS);
            listener.openedAt = System.nanoTime();
            return listener;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            receivedAt = System.nanoTime();
            messages.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
        }

        void close() {
            socket.abort();
        }
    }

    private static List<String> createTrustSessions(int count) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> created = request(HttpRequest.newBuilder(URI.create(proxy + "/api/sessions"))
                    .header("otree-rest-key", REST_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"session_config_name\":\"trust\",\"num_participants\":2}")));
            assertEquals(200, created.statusCode(), created.body());
            Matcher m = CODE.matcher(created.body());
            assertTrue(m.find(), created.body());
            codes.add(m.group(1));
        }
        return codes;
    }

    private static List<String> participantCodes(String session) throws Exception {
        HttpResponse<String> detail = request(HttpRequest.newBuilder(URI.create(proxy + "/api/sessions/" + session))
                .header("otree-rest-key", REST_KEY).GET());
        assertEquals(200, detail.statusCode(), detail.body());
        List<String> codes = new ArrayList<>();
        Matcher c = CODE.matcher(detail.body().substring(detail.body().indexOf("\"participants\"")));
        while (c.find()) {
            codes.add(c.group(1));
        }
        assertEquals(2, codes.size(), detail.body());
        return codes;
    }

    /** Participants of these sessions who completed the last page (Results), as the database has it. */
    private static int finishedInDatabase(List<String> sessions) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, database.user(), database.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT pc.participant_id) FROM arbor_page_completion pc"
                        + " JOIN arbor_session s ON s.id = pc.session_id WHERE pc.page_name = 'Results' AND s.code IN ('"
                        + String.join("','", sessions) + "')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static HttpResponse<String> request(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JVM of instance K (its Payara Micro runtime folder is instance-K under the cluster's folder). */
    private static ProcessHandle instanceJvm(int k) {
        String marker = dir.toAbsolutePath().resolve("instance-" + k).toString() + "/payara-micro";
        return cluster.descendants().filter(p -> p.info().arguments()
                .map(args -> List.of(args).contains(marker)).orElse(false)).findFirst()
                .orElseThrow(() -> new AssertionError("no JVM for instance " + k));
    }

    private static String logs() {
        StringBuilder text = new StringBuilder();
        for (int k = 1; k <= INSTANCES; k++) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve("instance-" + k + ".out"));
                text.append("\n--- instance ").append(k).append(" (last lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            } catch (IOException | RuntimeException e) {
                text.append("\n--- instance ").append(k).append(": ").append(e);
            }
        }
        return text.toString();
    }

    private static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }

    /** The first port at or above {@code from} where {@code count} ports in a row are free. */
    private static int freeBlock(int from, int count) throws IOException {
        for (int start = from; start < from + 500; start += count) {
            boolean free = true;
            for (int p = start; p < start + count && free; p++) {
                try (ServerSocket socket = new ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return start;
            }
        }
        throw new IOException("no " + count + " free ports from " + from);
    }
}
