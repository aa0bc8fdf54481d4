package org.arborlab.deploy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One participant's browser for the tests: keeps cookies, follows redirects, submits forms as a browser does. */
final class Browser {
    private static final Pattern MARKER = Pattern.compile("<meta name=\"arbor-page\" content=\"([^\"]*)\"");
    private final String base;
    private final HttpClient client;

    Browser(URL base) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A page as the browser ends up showing it. */
    record Page(int status, String path, String html) {

        /** "app/round/page/index" of a participant page, or "" for other pages. */
        String marker() {
            Matcher m = MARKER.matcher(html);
            return m.find() ? m.group(1) : "";
        }

        String pageName() {
            String[] parts = marker().split("/");
            return parts.length == 4 ? parts[2] : "";
        }

        boolean contains(String text) {
            return html.contains(text);
        }
    }

    /**
     * Reloads {@code page} every {@code pollMillis} until it is the page named {@code name} or {@code withinMillis}
     * have passed, as a waiting browser does without its push channel; returns the last page seen.
     */
    Page reloadUntil(Page page, String name, long withinMillis, long pollMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + withinMillis;
        while (!page.pageName().equals(name) && System.currentTimeMillis() < deadline) {
            Thread.sleep(pollMillis);
            page = get(page.path());
        }
        return page;
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Posts a form to the page's own path (as the page's form does). */
    Page post(String path, Map<String, ?> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form whose fields may repeat (e.g. several {@code session} checkboxes). */
    Page postPairs(String path, java.util.List<Map.Entry<String, String>> form) {
        String body = form.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Submits the form of the page the browser is on. */
    Page submit(Page page, Map<String, ?> form) {
        return post(page.path(), form);
    }

    /** Without following redirects, to see the redirect itself. */
    HttpResponse<String> raw(String path) {
        try {
            HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            return plain.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String path = response.uri().getRawPath();
            if (response.uri().getRawQuery() != null) {
                path += "?" + response.uri().getRawQuery();
            }
            return new Page(response.statusCode(), path, response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
