package org.arborlab.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP against one deployed Arbor, for the integration tests. Paths are resolved against the application's
 * URL (as injected by Arquillian): {@code "api/otree_version"} is inside the application, {@code "/health/ready"}
 * is at the server root. JSON is parsed with jakarta.json (Parsson).
 */
final class ArborHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    /**
     * Keeps the session cookie, like a browser: a login holds for the requests after it. HTTP/1.1, as oTree's
     * REST clients (requests) and curl speak it: Java's default asks plain-HTTP servers to upgrade to HTTP/2.
     */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager())
            .build();

    ArborHttp(URL base) {
        try {
            this.base = base.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a URI: " + base, e);
        }
    }

    ArborHttp(URI base) {
        this.base = base;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> postJson(String path, JsonStructure body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A GET with a JSON body, as oTree's documented REST client sends every GET. */
    HttpResponse<String> getWithBody(String path, String restKey, JsonStructure body) {
        return send(request(path).header("Content-Type", "application/json").header("otree-rest-key", restKey)
                .method("GET", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    HttpResponse<String> postJson(String path, String restKey, JsonStructure body) {
        return send(request(path).header("Content-Type", "application/json").header("otree-rest-key", restKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** An HTML form post ({@code name=value&...}, values URL-encoded here). */
    HttpResponse<String> postForm(String path, java.util.Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<byte[]> getBytes(String path, String restKey) {
        HttpRequest built = request(path).header("otree-rest-key", restKey).GET().build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + built.uri() + " interrupted", e);
        }
    }

    /** GET that must answer 200 with a JSON object. */
    JsonObject getJsonObject(String path) {
        HttpResponse<String> response = get(path);
        assertStatus(200, response);
        return jsonObject(response);
    }

    /** A request to {@code path} with the defaults every test wants; add headers and the method. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(built.method() + " " + built.uri() + " interrupted", e);
        }
    }

    static void assertStatus(int expected, HttpResponse<String> response) {
        assertEquals(expected, response.statusCode(),
                () -> response.request().method() + " " + response.uri() + " answered: " + abbreviate(response.body()));
    }

    /** The body as a JSON object; the response must declare JSON. */
    static JsonObject jsonObject(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"),
                () -> response.uri() + " answered Content-Type \"" + type + "\": " + abbreviate(response.body()));
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }
}
