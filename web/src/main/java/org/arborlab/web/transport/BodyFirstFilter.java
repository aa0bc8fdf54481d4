package org.arborlab.web.transport;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No request thread waits for a request body. The server hands a request to one of its threads as soon as the
 * headers have arrived; a servlet reading the body then blocked that thread until the last byte came, so 300
 * clients sending a form at one byte a second held every thread and all other requests waited. Here:
 * <ul>
 * <li>a body that has arrived in full with its headers (the usual case) goes on at once, untouched;</li>
 * <li>a body still on its way is read without a thread (non-blocking I/O): the thread returns at once, and when
 * the last byte is in, the request is dispatched again (ASYNC) with the body in memory ({@link BufferedRequest}),
 * within CDI's request context ({@link WeldRequestContexts});</li>
 * <li>a body must arrive within {@link #BODY_SECONDS} seconds of the headers (else 408 and the connection is
 * closed), be at most {@link #MAX_BODY_BYTES} (else 413), and all bodies being read at a time hold at most
 * {@link #MAX_BUFFERED_BYTES} (else 503): slow senders cost a connection and a little memory, not a thread.</li>
 * </ul>
 * Also answers methods no page answers (e.g. PATCH) with 405 (the servlets answered 501). The REST API keeps its
 * own 1 MiB limit (problem JSON). Declared first in web.xml, for REQUEST and ASYNC dispatches; the filters after it
 * run on the ASYNC dispatch of a request whose body was read here.
 */
public class BodyFirstFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    public static final int BODY_SECONDS = 20;
    /** What all bodies being read at one time may hold in memory together. */
    public static final long MAX_BUFFERED_BYTES = 64L * 1024 * 1024;
    /**
     * How long the request thread waits for a body that is on its way (clients such as Java's HttpClient send the
     * body a moment after the headers): a body in by then is dispatched by that thread itself.
     */
    private static final long FIRST_WAIT_MILLIS = 20;
    /**
     * Payara's async dispatch loses a dispatch that another thread makes while the request thread is on its way
     * out of the container (AsyncContextImpl reads its "delay" flag and then stores the dispatch for the leaving
     * thread, which meanwhile clears the flag and finds nothing stored). A body finished by another thread is
     * therefore dispatched only once the container reports the request thread gone ({@link ContainerExit}); where
     * that cannot be read, no earlier than this long after the request thread left the filter.
     */
    private static final long EXIT_MARGIN_MILLIS = 50;
    /** The longest a finished body waits for the request thread to leave the container (it takes microseconds). */
    private static final long EXIT_WAIT_MILLIS = 10_000;
    /** Bodies up to this size are read to the end before a 413, so clients that only read after sending see it. */
    private static final long DRAIN_BYTES = 16L * 1024 * 1024;
    private static final int API_MAX_BODY_BYTES = 1024 * 1024;
    /** The methods Arbor's pages answer (or refuse with 405 themselves). */
    private static final Set<String> PAGE_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");
    private static final String BODY = BodyFirstFilter.class.getName() + ".body";
    private static final Logger LOG = Logger.getLogger(BodyFirstFilter.class.getName());
    private static final AtomicLong BUFFERED = new AtomicLong();
    private static final java.util.concurrent.atomic.AtomicBoolean UNKNOWN_EXIT_LOGGED =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** Whether bodies can be read without a thread here (Weld's contexts for the ASYNC dispatch). */
    private transient boolean nonBlocking;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        // Tested on Payara (Micro and Server): Grizzly's ASYNC dispatch of the wrapped request, with Weld's
        // contexts bound here. GlassFish, WildFly and Open Liberty are untested with it: they read bodies the
        // blocking way.
        // Off unless ARBOR_NONBLOCKING_BODIES=true: in CI, bots' form posts on a loaded machine were left without an
        // answer (the connection closed after 30 s) with it on, twice before ContainerExit and once after it.
        boolean payara = config.getServletContext().getServerInfo().contains("Payara");
        boolean chosen = "true".equalsIgnoreCase(System.getenv("ARBOR_NONBLOCKING_BODIES"))
                || Boolean.getBoolean("ARBOR_NONBLOCKING_BODIES");
        try {
            nonBlocking = chosen && payara && WeldRequestContexts.available();
        } catch (LinkageError e) {
            nonBlocking = false;
        }
        if (!nonBlocking) {
            LOG.warning("Request bodies are read by the request threads on this server (slow senders hold them;"
                    + " put a reverse proxy that buffers request bodies in front)");
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(BODY) instanceof byte[] body) {
            request.removeAttribute(BODY);
            BufferedRequest buffered = new BufferedRequest(request, body);
            WeldRequestContexts.run(buffered, () -> chain.doFilter(buffered, response));
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            chain.doFilter(request, response);
            return;
        }
        if (!isApi(request) && !PAGE_METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST");
            send(request, response, 405, "Method Not Allowed", "This page does not accept " + request.getMethod()
                    + " requests.");
            return;
        }
        long length = request.getContentLengthLong();
        if (length > DRAIN_BYTES) {
            response.setHeader("Connection", "close");
            tooLarge(request, response, length);
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        // Asking for the input stream is only for the non-blocking read: Undertow (WildFly) parses no form
        // parameters from a request whose input stream was taken
        if (!nonBlocking || !request.isAsyncSupported() || !isPlainHttp1(request)) {
            if (length > MAX_BODY_BYTES) {
                request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                tooLarge(request, response, length);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (length <= MAX_BODY_BYTES && request.getInputStream().isFinished()) {
            chain.doFilter(request, response); // nothing to wait for
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(BODY_SECONDS * 1000L);
        Reader reader = new Reader(request, response, async);
        async.addListener(reader);
        request.getInputStream().setReadListener(reader);
        reader.awaitThenLeave();
    }

    /** A body announced by Content-Length, or sent in chunks; a WebSocket handshake never has one. */
    static boolean hasBody(HttpServletRequest request) {
        if (request.getContentLengthLong() > 0) {
            return true;
        }
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.strip());
    }

    /**
     * HTTP/1.x without an upgrade. An HTTP/2 request (and the HTTP/1.1 request that asks to upgrade to it) is read as
     * before, by its thread: with Payara's cleartext HTTP/2, reading it without a thread sometimes closed the
     * connection before the answer ("EOF reached while reading" in Java's HttpClient). Turning cleartext HTTP/2 off
     * at the listener (http2-enabled=false) is no way out: Grizzly then drops the body of an HTTP/1.1 request that
     * asks to upgrade (Java's HttpClient does by default). Clients that upgrade are rare (curl, Python's requests,
     * browsers do not on http://), but their slow bodies still hold a request thread.
     */
    static boolean isPlainHttp1(HttpServletRequest request) {
        return request.getProtocol() != null && request.getProtocol().startsWith("HTTP/1.")
                && request.getHeader("Upgrade") == null;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Reads the body as it comes, keeps it if it fits, then dispatches the request or answers 408/413/503. */
    private static final class Reader implements ReadListener, AsyncListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final AsyncContext async;
        private final ContainerExit exit;
        private final ServletInputStream in;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[8192];
        /** Announced larger than the limit: read to the end (for the 413 to be seen) but not kept. */
        private final boolean tooLarge;
        /** Bytes received so far (kept or not). */
        private long received;
        /** Bytes of {@link #BUFFERED} this body holds. */
        private long held;
        private volatile boolean done;
        /** The last step (dispatch or answer), handed to the request thread while it has not left the filter. */
        private Runnable pending;
        private boolean left;
        private long leftAt;

        Reader(HttpServletRequest request, HttpServletResponse response, AsyncContext async) throws IOException {
            this.request = request;
            this.response = response;
            this.async = async;
            this.exit = ContainerExit.of(async);
            if (!exit.isKnown() && UNKNOWN_EXIT_LOGGED.compareAndSet(false, true)) {
                LOG.warning("This server does not tell when a request thread has left it: bodies that finish"
                        + " arriving then are dispatched " + EXIT_MARGIN_MILLIS + " ms after it left the filter");
            }
            this.in = request.getInputStream();
            this.tooLarge = request.getContentLengthLong() > MAX_BODY_BYTES;
        }

        /**
         * Reads what has arrived, until {@code isReady()} says nothing more has (which asks for the next call). Not
         * until {@code isFinished()}: the server reports that as soon as the last piece has been received, before
         * it has been read (an HTTP/2 form that arrived in one frame was lost that way).
         */
        @Override
        public void onDataAvailable() throws IOException {
            drain(false);
        }

        /** Reads while {@code isReady()}, or (at the end, where that would ask for more calls) while bytes remain. */
        private void drain(boolean remaining) throws IOException { // the container calls from one thread at a time
            while (!done && (remaining ? in.available() > 0 : in.isReady())) {
                int n = in.read(buffer);
                if (n <= 0) {
                    break;
                }
                received += n;
                if (received <= MAX_BODY_BYTES && !tooLarge) {
                    if (BUFFERED.addAndGet(n) > MAX_BUFFERED_BYTES) {
                        BUFFERED.addAndGet(-n);
                        finish(() -> {
                            response.setHeader("Connection", "close");
                            response.setHeader("Retry-After", "10");
                            send(request, response, 503, "Service Unavailable", "The server is receiving too many"
                                    + " requests at once.");
                        });
                        return;
                    }
                    held += n;
                    body.write(buffer, 0, n);
                } else if (received > DRAIN_BYTES) {
                    finish(() -> {
                        response.setHeader("Connection", "close");
                        tooLarge(request, response, received);
                    });
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() throws IOException {
            drain(true);
            if (received > MAX_BODY_BYTES || tooLarge) {
                finish(() -> tooLarge(request, response, received));
                return;
            }
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            release();
            request.setAttribute(BODY, body.toByteArray());
            settle(async::dispatch, true);
        }

        /**
         * The request thread, after it registered this listener: waits a moment for the body, then leaves the
         * filter, running the last step itself if it came in that moment.
         */
        void awaitThenLeave() {
            Runnable last;
            synchronized (this) {
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FIRST_WAIT_MILLIS);
                long remaining;
                while (pending == null && (remaining = end - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, remaining);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                last = pending;
                pending = null;
                left = true;
                leftAt = System.nanoTime();
            }
            if (last != null) {
                last.run();
            }
        }

        /**
         * Runs the last step on the request thread if it is still here, else once it has left the container: for a
         * dispatch ({@code dispatch}) as Payara reports it, for a complete after the time margin. Only a dispatch
         * needs Payara's report: its complete() is safe from another thread, and inside an AsyncListener callback
         * (a timeout) Payara holds the same flag up until the callback returns, so waiting there would only wait out
         * {@link #EXIT_WAIT_MILLIS}.
         */
        private void settle(Runnable last, boolean dispatch) {
            long margin;
            synchronized (this) {
                if (!left) {
                    pending = last;
                    notifyAll();
                    return;
                }
                margin = leftAt + TimeUnit.MILLISECONDS.toNanos(EXIT_MARGIN_MILLIS) - System.nanoTime();
            }
            try {
                if (dispatch && exit.isKnown()) {
                    exit.await(EXIT_WAIT_MILLIS);
                } else if (margin > 0) {
                    TimeUnit.NANOSECONDS.sleep(margin);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            last.run();
        }

        @Override
        public void onError(Throwable failure) {
            // the client went away or the connection broke: nobody is waiting for an answer
            LOG.log(Level.FINE, "Request body not received", failure);
            finish(() -> { });
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            finish(() -> {
                response.setHeader("Connection", "close");
                send(request, response, 408, "Request Timeout", "The request body did not arrive within "
                        + BODY_SECONDS + " seconds.");
            });
        }

        @Override
        public void onComplete(AsyncEvent event) {
            release();
        }

        @Override
        public void onError(AsyncEvent event) {
            finish(() -> { });
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private synchronized void release() {
            BUFFERED.addAndGet(-held);
            held = 0;
        }

        private interface Answer {
            void send() throws IOException;
        }

        private void finish(Answer answer) {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            release();
            settle(() -> {
                try {
                    answer.send();
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "Could not answer a request whose body failed", e);
                } finally {
                    try {
                        async.complete();
                    } catch (IllegalStateException e) {
                        // completed already (the client went away)
                    }
                }
            }, false);
        }
    }

    static void tooLarge(HttpServletRequest request, HttpServletResponse response, long bytes) throws IOException {
        if (isApi(request)) {
            send(request, response, 413, "Content Too Large", "Request body is " + bytes + " bytes; the limit is "
                    + API_MAX_BODY_BYTES + " bytes (1 MiB)");
        } else {
            send(request, response, 413, "Content Too Large", "The request body is " + bytes
                    + " bytes; the limit is " + MAX_BODY_BYTES / (1024 * 1024) + " MiB.");
        }
    }

    /** A problem JSON for the REST API, a short page for everything else. */
    static void send(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        byte[] content;
        if (isApi(request)) {
            response.setContentType("application/problem+json");
            content = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                    + detail.replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("text/html;charset=UTF-8");
            content = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" + title
                    + " · Arbor</title></head><body><h1>" + title + "</h1><p>" + detail
                    + " Go back and try again.</p></body></html>").getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
        response.flushBuffer();
    }
}
