package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Institutional single sign-on against a real OpenID Connect provider (Keycloak, started here with a realm
 * whose users sit in groups mapped to Arbor's roles): the login page's button, the provider's login form, the
 * return to Arbor, and what each role may do; the password login keeps working beside it. One Keycloak and one
 * Arbor boot. Skipped when no JDK 21+ is installed (Keycloak 26 needs it).
 */
class SingleSignOnIT {
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static Keycloak keycloak;
    private static DeployRun arbor;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> java21 = Keycloak.java21();
        Assumptions.assumeTrue(java21.isPresent(), "Keycloak 26 needs a JDK 21+ under /usr/lib/jvm; none found");
        Path distribution = Path.of(System.getProperty("arbor.keycloak", "target/keycloak/keycloak-26.5.6"));
        Assumptions.assumeTrue(Files.isDirectory(distribution), distribution + " missing: run through mvn verify");
        keycloak = Keycloak.start(distribution, java21.get());
        Map<String, String> env = AuthLevelsIT.env("STUDY");
        env.put("ARBOR_OIDC_ISSUER", keycloak.issuer());
        env.put("ARBOR_OIDC_CLIENT_ID", "arbor");
        env.put("ARBOR_OIDC_CLIENT_SECRET", "arbor-test-secret");
        env.put("ARBOR_OIDC_ROLE_MAP", "lab-admins=admin,researchers=experimenter,assistants=viewer");
        arbor = DeployRun.start(Files.createTempDirectory(Path.of("target"), "sso-"), env);
    }

    @AfterAll
    static void stop() throws Exception {
        if (arbor != null) {
            arbor.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /** Logs in through the provider as a browser does; returns Arbor's answer to the provider's redirect. */
    private static HttpResponse<String> signIn(WebSession browser, String next, String user) {
        HttpResponse<String> login = browser.get("/login" + (next == null ? "" : "?next=" + next));
        assertTrue(login.body().contains("Sign in with your institution"), login.body());
        HttpResponse<String> toProvider = browser.get("/login/sso");
        assertEquals(302, toProvider.statusCode(), toProvider.body());
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?"), authorize);
        HttpResponse<String> form = browser.get(authorize);
        assertEquals(200, form.statusCode(), form.body());
        Matcher action = FORM_ACTION.matcher(form.body());
        assertTrue(action.find(), form.body());
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", user);
        credentials.put("password", user + "-pw");
        credentials.put("credentialId", "");
        HttpResponse<String> back = browser.post(action.group(1).replace("&amp;", "&"), credentials);
        assertEquals(302, back.statusCode(), back.body());
        String callback = back.headers().firstValue("Location").orElseThrow();
        assertTrue(callback.startsWith(browser.base() + "/login/callback?"), callback);
        return browser.get(callback);
    }

    @Test
    void labAdminsAreAdmins() throws Exception {
        WebSession alice = new WebSession(arbor.url());
        HttpResponse<String> landed = signIn(alice, "/audit", "alice");
        assertEquals(302, landed.statusCode(), landed.body());
        assertTrue(landed.headers().firstValue("Location").orElse("").endsWith("/audit"), landed.headers().map().toString());
        HttpResponse<String> audit = alice.get("/audit");
        assertEquals(200, audit.statusCode(), audit.body());
        assertTrue(audit.body().contains("single sign-on"), audit.body());
        assertTrue(audit.body().contains("id=\"user-name\">alice<"), "the page knows the user: " + audit.body());
        assertEquals(200, alice.get("/api_tokens").statusCode());
        assertNotEquals(403, alice.get("/create_session").statusCode());
    }

    @Test
    void researchersAreExperimenters() throws Exception {
        WebSession bob = new WebSession(arbor.url());
        HttpResponse<String> landed = signIn(bob, null, "bob");
        assertTrue(landed.headers().firstValue("Location").orElse("").endsWith("/demo"), "default: /demo");
        for (String url : new String[] {"/create_session", "/demo/trust", "/sessions", "/SessionMonitor/x"}) {
            int status = bob.get(url).statusCode();
            assertTrue(status != 403 && status != 302, url + " → " + status);
        }
        assertNotEquals(403, bob.post("/ToggleArchivedSessions", Map.of("csrftoken",
                WebSession.csrfToken(bob.get("/logout").body()))).statusCode(), "may archive");
        assertEquals(403, bob.get("/audit").statusCode(), "only admins see the audit log");
        assertEquals(403, bob.get("/api_tokens").statusCode());
    }

    @Test
    void assistantsAreViewers() throws Exception {
        WebSession carol = new WebSession(arbor.url());
        signIn(carol, null, "carol");
        for (String url : new String[] {"/sessions", "/SessionMonitor/x", "/SessionData/x", "/export", "/rooms"}) {
            int status = carol.get(url).statusCode();
            assertTrue(status != 403 && status != 302, url + " → " + status);
        }
        HttpResponse<String> create = carol.get("/create_session");
        assertEquals(403, create.statusCode(), "a viewer cannot create sessions");
        assertTrue(create.body().contains("needs the role experimenter"), create.body());
        assertEquals(403, carol.get("/demo/trust").statusCode());
        assertEquals(403, carol.get("/SessionEditProperties/x").statusCode());
        assertEquals(403, carol.post("/AdvanceSession/x", Map.of("csrftoken",
                WebSession.csrfToken(carol.get("/logout").body()))).statusCode());
        assertEquals(403, carol.get("/audit").statusCode());
        // the monitor's chat: a viewer reads (an unknown participant: 404), never writes; nor ticks participants
        String token = WebSession.csrfToken(carol.get("/logout").body());
        assertEquals(404, carol.get("/chat/session/abcdefgh/abcdefgh").statusCode());
        HttpResponse<String> write = carol.post("/chat/session/abcdefgh/abcdefgh", Map.of("csrftoken", token,
                "body", "hello"));
        assertEquals(403, write.statusCode());
        assertTrue(write.body().contains("may read the chat but not write"), write.body());
    }

    @Test
    void usersInNoMappedGroupAreRefused() throws Exception {
        WebSession dave = new WebSession(arbor.url());
        HttpResponse<String> refused = signIn(dave, null, "dave");
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Your account (dave) is in no group that has access to Arbor"), refused.body());
        assertEquals(302, dave.get("/sessions").statusCode(), "not logged in");
    }

    @Test
    void passwordLoginWorksBesideSingleSignOn() throws Exception {
        WebSession admin = new WebSession(arbor.url());
        assertEquals(302, admin.login("admin", AuthLevelsIT.PASSWORD).statusCode());
        HttpResponse<String> audit = admin.get("/audit");
        assertEquals(200, audit.statusCode());
        assertTrue(audit.body().contains("password, from"), audit.body());
    }

    @Test
    void aForgedCallbackLogsNobodyIn() throws Exception {
        WebSession mallory = new WebSession(arbor.url());
        mallory.get("/login");
        HttpResponse<String> forged = mallory.get("/login/callback?state=12345678-aaaa-bbbb-cccc-1234567890ab&code=x");
        assertEquals(403, forged.statusCode(), forged.body());
        assertFalse(forged.body().contains("Exception"), forged.body());
        assertEquals(302, mallory.get("/sessions").statusCode());
    }
}
