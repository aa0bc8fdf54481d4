package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow senders cost a connection, not a request thread ({@code org.arborlab.web.transport.BodyFirstFilter}), on
 * {@code deploy/run} as a user starts it (48 request threads): while 300 clients send a participant page's form and
 * the login form at one byte a second, ordinary requests (health, a participant page, the login page, the REST
 * API, a login post) answer within 1 s (the median; every one within 5 s, where without the fix none is answered
 * until the slow senders finish), and every slow sender is answered 408 and cut off once its body
 * has not arrived within the bound (20 s; the server checks it every few seconds). Bodies that arrive in pieces at
 * a normal pace still work: a participant page and REST calls, which use request-scoped CDI beans on the request's
 * second (ASYNC) dispatch.
 */
class SlowSendersIT {
    private static final int SENDERS = 300;
    private static final int BODY_SECONDS = 20;
    private static DeployRun server;
    private static Http http;
    private static String host;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        server = DeployRun.start(Files.createTempDirectory(Path.of("target"), "slow-senders-"),
                Map.of("ARBOR_NONBLOCKING_BODIES", "true"));
        http = new Http(server.url());
        host = server.url().getHost();
        port = server.url().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String participant(String config) {
        HttpResponse<String> created = http.post("/api/sessions",
                "{\"session_config_name\":\"" + config + "\",\"num_participants\":1}");
        assertEquals(200, created.statusCode(), created.body());
        String code = json(created.body()).getString("code");
        return json(http.get("/api/sessions/" + code).body()).getJsonArray("participants").getJsonObject(0)
                .getString("code");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void formsAndRestCallsWorkWhetherTheBodyComesWithTheHeadersOrAfter() throws Exception {
        for (boolean pieces : new boolean[] {false, true}) {
            String code = participant("survey");
            assertEquals(3, SlowSenders.probe(host, port, "GET", "/InitializeParticipant/" + code, "", null, 30_000)
                    .code() / 100, "the start link redirects to the first page");
            String page = "/p/" + code + "/survey/Demographics/1";
            String form = "age=30&gender=Female&student=0";
            String answer = pieces ? inPieces("POST " + page, "application/x-www-form-urlencoded", form)
                    : SlowSenders.probe(host, port, "POST", page, "Content-Type: application/x-www-form-urlencoded\r\n",
                            form, 30_000).text();
            assertTrue(answer.startsWith("HTTP/1.1 30"), answer);
            assertTrue(answer.contains("/survey/Cognitive/2"), "the form was accepted: " + answer);
            String now = SlowSenders.probe(host, port, "GET", page, "", null, 30_000).text();
            assertTrue(now.contains("/survey/Cognitive/2"), "the participant moved on: " + now);
        }

        String created = inPieces("POST /api/sessions", "application/json",
                "{\"session_config_name\":\"trust\",\"num_participants\":2,\"label\":\"in pieces\"}");
        assertTrue(created.startsWith("HTTP/1.1 200"), created);
        String session = json(created.substring(created.indexOf("\r\n\r\n") + 4)).getString("code");
        // a GET with a JSON body (oTree's REST client sends one) in pieces
        String detail = inPieces("GET /api/sessions/" + session, "application/json", "{}");
        assertTrue(detail.startsWith("HTTP/1.1 200") && detail.contains("\"label\":\"in pieces\""), detail);
    }

    /** A request whose headers come first and whose body follows in three parts, 300 ms apart. */
    private static String inPieces(String requestLine, String type, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n"
                    + "Content-Type: " + type + "\r\nContent-Length: " + content.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int third = content.length / 3;
            for (int[] part : new int[][] {{0, third}, {third, 2 * third}, {2 * third, content.length}}) {
                sleep(300);
                out.write(content, part[0], part[1] - part[0]);
                out.flush();
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void othersAreAnsweredWithinASecondWhileHundredsSendSlowly() throws Exception {
        String code = participant("survey");
        String page = "/p/" + code + "/survey/Demographics/1";
        assertEquals(3, SlowSenders.probe(host, port, "GET", "/InitializeParticipant/" + code, "", null, 30_000)
                .code() / 100, "the start link redirects to the first page");
        List<Long> quiet = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            quiet.add(SlowSenders.probe(host, port, "GET", i % 2 == 0 ? "/health/ready" : page, "", null, 30_000)
                    .millis());
        }
        System.out.println("SlowSendersIT: ordinary requests before the attack: " + SlowSenders.percentiles(quiet));
        long begin = System.nanoTime();
        try (SlowSenders attack = SlowSenders.start(host, port, SENDERS, List.of(page, "/login"))) {
            sleep(3000); // every sender has sent its headers and the first bytes of its body
            // the attack is on (without the filter, Payara answered some login posts 403 early, the rest held threads)
            assertTrue(attack.open() >= SENDERS * 3 / 4, "the slow senders are still connected: " + attack.open());
            List<SlowSenders.Probe> probes = new ArrayList<>();
            String[][] requests = {
                {"GET", "/health/ready", null}, {"GET", page, null}, {"GET", "/login", null},
                {"GET", "/api/otree_version", null}, {"POST", "/login", "username=admin&password=wrong"},
                {"GET", "/api/sessions", "{}"}};
            while (System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(12)) {
                for (String[] r : requests) {
                    String type = r[2] == null ? "" : "Content-Type: " + (r[2].startsWith("{")
                            ? "application/json" : "application/x-www-form-urlencoded") + "\r\n";
                    probes.add(SlowSenders.probe(host, port, r[0], r[1], type, r[2], 5000));
                }
                sleep(200);
            }
            List<Long> millis = probes.stream().map(SlowSenders.Probe::millis).sorted().toList();
            System.out.println("SlowSendersIT: ordinary requests during the attack: "
                    + SlowSenders.percentiles(millis));
            for (SlowSenders.Probe probe : probes) {
                assertTrue(probe.code() > 0 && probe.code() < 500, probe.path() + ": " + probe.status());
                // without the filter none is answered before the slow senders are done; on a loaded machine some
                // take longer than a second (p95 1.4 s, max 3.0 s at a load of 27 on 2 cores, without the attack too)
                assertTrue(probe.millis() < 5000, probe.path() + " took " + probe.millis() + " ms");
            }
            assertTrue(millis.get(millis.size() / 2) < 1000, "ordinary requests within 1 s: "
                    + SlowSenders.percentiles(millis));

            while (attack.open() > 0 && System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(BODY_SECONDS + 15)) {
                sleep(500);
            }
            List<SlowSenders.Sender> senders = attack.senders();
            System.out.println("SlowSendersIT: slow senders cut off after " + SlowSenders.percentiles(
                    senders.stream().filter(SlowSenders.Sender::ended).map(s -> (long) (s.seconds() * 1000)).toList()));
            for (SlowSenders.Sender sender : senders) {
                assertTrue(sender.ended(), "a slow sender to " + sender.path + " is still connected");
                assertEquals(408, sender.status(), sender.path + " answered " + sender.answer);
                assertTrue(sender.seconds() < BODY_SECONDS + 10, "cut off after " + sender.seconds() + " s");
            }
        }
        assertEquals(200, http.get("/health/ready").statusCode(), "the server is well afterwards");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
