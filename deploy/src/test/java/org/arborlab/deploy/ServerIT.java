package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real WAR on Payara Micro, seen from outside over HTTP: health, the API's root, its documentation, Faces,
 * and the limit on request bodies (413 with a page, not the server's 500).
 */
@ExtendWith(ArquillianExtension.class)
class ServerIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RealWar.load();
    }

    @ArquillianResource
    URL base;

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void readyAndLiveWithTheDatabaseUp() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject body = json(ready);
        assertEquals("UP", body.getString("status"));
        JsonObject database = body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
        String expected = System.getenv("DATABASE_URL") == null || System.getenv("DATABASE_URL").isEmpty()
                ? "H2" : "MySQL";
        assertEquals(expected, database.getJsonObject("data").getString("product"));
        assertEquals(200, get("/health/live").statusCode());
    }

    /** /static/ serves Arbor's own files and, from the study's apps jar, an app's (the trust game's picture). */
    @Test
    void staticFilesOfArborAndOfTheStudysApps() throws Exception {
        HttpResponse<String> css = get("/static/arbor-admin.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("content-type").orElse("").startsWith("text/css"),
                css.headers().toString());
        HttpResponse<String> svg = get("/static/trust/flow.svg");
        assertEquals(200, svg.statusCode());
        assertTrue(svg.headers().firstValue("content-type").orElse("").startsWith("image/svg+xml"),
                svg.headers().toString());
        assertTrue(svg.body().contains("<title>A sends to B"), svg.body());
        for (String missing : new String[] {"/static/trust/none.svg", "/static/org/arborlab/apps/trust/Trust.class",
                "/static/..%2Farbor%2Fsettings.json", "/static/"}) {
            assertEquals(404, get(missing).statusCode(), missing);
        }
    }

    @Test
    void servesTheApiAtTheRootContext() throws Exception {
        HttpResponse<String> version = get("/api/otree_version");
        assertEquals(200, version.statusCode());
        assertTrue(version.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertEquals("6.0.1b1", json(version).getString("version"));
        assertTrue(json(version).getString("arbor_version").matches("\\d+\\.\\d+\\.\\d+.*"), version.body());
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndTheDocsPageLoads() throws Exception {
        HttpResponse<String> openapi = get("/openapi");
        assertEquals(200, openapi.statusCode());
        for (String path : new String[] {"/api/sessions:", "/api/sessions/{code}:", "/api/get_session/{code}:",
                "/api/participant_vars:", "/api/participant_vars/{code}:", "/api/session_vars:",
                "/api/session_vars/{code}:", "/api/session_configs:", "/api/rooms:", "/api/apps:",
                "/api/otree_version:", "/api/sessions/{code}/export:", "/api/export:", "Idempotency-Key",
                "application/problem+json"}) {
            assertTrue(openapi.body().contains(path), path + " is not documented");
        }
        HttpResponse<String> page = get("/api-docs.html");
        assertEquals(200, page.statusCode());
        java.util.regex.Matcher assets = java.util.regex.Pattern.compile("(?:href|src)=\"(webjars/[^\"]+)\"")
                .matcher(page.body());
        int found = 0;
        while (assets.find()) {
            found++;
            assertEquals(200, get("/" + assets.group(1)).statusCode(), assets.group(1));
        }
        assertEquals(2, found, "the page loads swagger-ui's script and stylesheet");
    }

    @Test
    void startPageRendersWithFaces() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Trust game"), page.body());
        assertTrue(page.body().contains("action=\"/demo/trust\""), "the start page is the admin's demo index");
        assertTrue(!page.body().contains("#{"), "Faces must render the page, not serve the source");
    }

    /** A 10 MB form post to a participant page: 413 with a page that says so, not Payara's 500. */
    @Test
    void anOverLongFormIsRefusedWith413() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base.toString())
                .resolve("/p/zzzzzzzz/trust/Send/1")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("sent_amount=" + "9".repeat(10_000_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("the limit is 2 MiB"), answer.body());
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(base.toString())
                .resolve("/api/sessions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"" + "x".repeat(3_000_000) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, api.statusCode(), api.body());
        assertEquals("application/problem+json", api.headers().firstValue("content-type").orElse(""));
        assertTrue(api.body().contains("1 MiB"), api.body());
    }
}
