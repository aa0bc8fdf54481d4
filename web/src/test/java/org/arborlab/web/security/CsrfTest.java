package org.arborlab.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which requests need a CSRF token, and the check itself. */
class CsrfTest {
    private final Map<String, Object> sessionAttributes = new HashMap<>();

    private HttpServletRequest request(String method, String contentType, Map<String, String> params,
            Map<String, String> headers, boolean withSession) {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpSession.class}, (p, m, a) -> switch (m.getName()) {
                    case "getAttribute" -> sessionAttributes.get((String) a[0]);
                    case "setAttribute" -> sessionAttributes.put((String) a[0], a[1]);
                    case "removeAttribute" -> sessionAttributes.remove((String) a[0]);
                    case "getId" -> "s1";
                    default -> null;
                });
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getContentType" -> contentType;
                    case "getParameter" -> params.get((String) a[0]);
                    case "getHeader" -> headers.get((String) a[0]);
                    case "getSession" -> withSession || (a != null && (Boolean) a[0]) ? session : null;
                    default -> null;
                });
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void adminPostsNeedAToken() {
        AccessRules.Rule admin = AccessRules.rule("/ToggleArchivedSessions");
        assertTrue(Csrf.needsToken(request("POST", FORM, Map.of(), Map.of(), true), admin));
        assertTrue(Csrf.needsToken(request("POST", null, Map.of(), Map.of(), true), admin));
        assertTrue(Csrf.needsToken(request("POST", "text/plain;charset=UTF-8", Map.of(), Map.of(), true), admin));
        assertTrue(Csrf.needsToken(request("POST", "multipart/form-data; boundary=x", Map.of(), Map.of(), true), admin));
        // Arbor's own admin paths: every content type and method that may change something
        assertTrue(Csrf.needsToken(request("DELETE", null, Map.of(), Map.of(), true), admin));
        assertTrue(Csrf.needsToken(request("POST", "application/json", Map.of(), Map.of(), true), admin));
        assertTrue(Csrf.needsToken(request("POST", "application/json", Map.of(), Map.of(), true),
                AccessRules.rule("/AdvanceSession/abc")));
        assertTrue(Csrf.needsToken(request("POST", "application/json", Map.of(), Map.of(), true),
                AccessRules.rule("/CloseRoom/econ101")));
        assertTrue(Csrf.needsToken(request("PUT", "application/octet-stream", Map.of(), Map.of(), true),
                AccessRules.rule("/SessionMonitor/abc")));
        // a path Arbor does not list (e.g. a test runner's): only what another site could send
        AccessRules.Rule unlisted = AccessRules.rule("/SomethingElse");
        assertFalse(Csrf.needsToken(request("POST", "application/json", Map.of(), Map.of(), true), unlisted));
        assertTrue(Csrf.needsToken(request("POST", FORM, Map.of(), Map.of(), true), unlisted));
        assertTrue(Csrf.needsToken(request("POST", FORM, Map.of("jakarta.faces.ViewState", "stateless"), Map.of(), true),
                admin), "a Faces postback too: the admin views are stateless");
        assertFalse(Csrf.needsToken(request("GET", null, Map.of(), Map.of(), true), admin));
        assertFalse(Csrf.needsToken(request("POST", FORM, Map.of(), Map.of(), false), AccessRules.rule("/p/abc/x/1")));
        assertFalse(Csrf.needsToken(request("POST", "application/json", Map.of(), Map.of(), false),
                AccessRules.rule("/api/sessions")));
    }

    @Test
    void theTokenMustMatchTheSessions() {
        String token = Csrf.token(request("GET", null, Map.of(), Map.of(), true));
        assertTrue(Csrf.valid(request("POST", FORM, Map.of("csrftoken", token), Map.of(), true)));
        assertTrue(Csrf.valid(request("POST", "application/json", Map.of(), Map.of("X-CSRF-Token", token), true)));
        assertFalse(Csrf.valid(request("POST", FORM, Map.of("csrftoken", token + "x"), Map.of(), true)));
        assertFalse(Csrf.valid(request("POST", FORM, Map.of(), Map.of(), true)));
        assertFalse(Csrf.valid(request("POST", FORM, Map.of("csrftoken", token), Map.of(), false)), "no session");
    }

    @Test
    void aLoginGetsANewToken() {
        HttpServletRequest before = request("GET", null, Map.of(), Map.of(), true);
        String token = Csrf.token(before);
        Csrf.rotate(before.getSession(false));
        String after = Csrf.token(request("GET", null, Map.of(), Map.of(), true));
        assertFalse(token.equals(after), "the token seen before the login must not work after it");
        assertFalse(Csrf.valid(request("POST", FORM, Map.of("csrftoken", token), Map.of(), true)));
    }
}
