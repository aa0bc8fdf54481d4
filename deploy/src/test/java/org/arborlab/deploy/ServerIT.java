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

/** The real WAR on Payara Micro, seen from outside over HTTP. */
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
        assertTrue(page.body().contains("href=\"/demo/trust\""), "the start page is the admin's demo index");
        assertTrue(!page.body().contains("#{"), "Faces must render the page, not serve the source");
    }
}
