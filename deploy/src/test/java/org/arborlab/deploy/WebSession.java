package org.arborlab.deploy;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's HTTP conversation with a server: cookies kept, redirects not followed (so tests see the 302s),
 * form posts, and WebSocket handshakes. Several instances are several browsers.
 */
final class WebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"csrftoken\" value=\"([^\"]+)\"");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    WebSession(URL base) {
        this(base.toString());
    }

    WebSession(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.client = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure(cookies)).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    String base() {
        return base;
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /** A GET carrying another browser's cookies (e.g. a login made through a load balancer, sent to one instance). */
    HttpResponse<String> getWithCookie(String pathOrUrl, String cookie) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Cookie", cookie).GET());
    }

    /** This browser's cookies for {@code url}, as a Cookie header. */
    String cookieHeader(String url) {
        return String.join("; ", cookies.getCookieStore().get(URI.create(url)).stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList());
    }

    HttpResponse<String> post(String pathOrUrl, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** A JSON post with this browser's cookies, as a script in the page (or a forged one) would send it. */
    HttpResponse<String> postJson(String pathOrUrl, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Follows redirects (also to other hosts, e.g. an identity provider) and returns the last answer. */
    HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int i = 0; i < 10 && current.statusCode() / 100 == 3; i++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            current = get(current.uri().resolve(location).toString());
        }
        return current;
    }

    /** Logs in with the password form, as a browser would (the form's CSRF token included). */
    HttpResponse<String> login(String user, String password) {
        String page = get("/login").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrftoken", csrfToken(page));
        form.put("username", user);
        form.put("password", password);
        return post("/login", form);
    }

    static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no csrftoken field in:\n" + html);
        }
        return m.group(1);
    }

    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no Faces view state in:\n" + html);
        }
        return m.group(1).replace("&#58;", ":");
    }

    /** The HTTP status of a WebSocket handshake with this browser's cookies: 101 when it opened. */
    int webSocketStatus(String path) {
        URI uri = URI.create(base.replaceFirst("^http", "ws") + path);
        WebSocket.Builder builder = client.newWebSocketBuilder();
        String cookie = String.join("; ", cookies.getCookieStore().get(URI.create(base)).stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList());
        if (!cookie.isEmpty()) {
            builder.header("Cookie", cookie);
        }
        try {
            WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
            }).get(20, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new IllegalStateException("WebSocket " + path + " failed: " + e.getCause(), e);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket " + path + " failed: " + e, e);
        }
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    /**
     * Browsers treat http://127.0.0.1 as a secure context and send it "Secure" cookies (Keycloak sets its login
     * cookies so); Java's CookieManager sends them only over https. This handler behaves like the browser.
     */
    private static final class LocalhostIsSecure extends java.net.CookieHandler {
        private final CookieManager cookies;

        LocalhostIsSecure(CookieManager cookies) {
            this.cookies = cookies;
        }

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers)
                throws java.io.IOException {
            boolean local = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
            if (local && "http".equals(uri.getScheme())) {
                try {
                    uri = new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(),
                            uri.getQuery(), null);
                } catch (java.net.URISyntaxException e) {
                    throw new java.io.IOException(e);
                }
            }
            return cookies.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) throws java.io.IOException {
            cookies.put(uri, headers);
        }
    }

    static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
