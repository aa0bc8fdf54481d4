package org.arborlab.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Password check, role map, the redirect after login, escaping. */
class LoginRulesTest {

    @Test
    void passwordLoginIsUserAdminWithTheConfiguredPassword() {
        assertTrue(PasswordLogin.matches("admin", Optional.of("s3cret"), "admin", "s3cret"));
        assertFalse(PasswordLogin.matches("admin", Optional.of("s3cret"), "admin", "s3cret "));
        assertFalse(PasswordLogin.matches("admin", Optional.of("s3cret"), "Admin", "s3cret"));
        assertFalse(PasswordLogin.matches("admin", Optional.of("s3cret"), "admin", null));
        assertFalse(PasswordLogin.matches("admin", Optional.empty(), "admin", ""), "no password defined: nobody logs in");
        assertTrue(PasswordLogin.matches("lab", Optional.of("s3cret"), "lab", "s3cret"), "ADMIN_USERNAME");
        assertFalse(PasswordLogin.matches("lab", Optional.of("s3cret"), "admin", "s3cret"));
    }

    @Test
    void groupsMapToNestedRoles() {
        RoleMap map = RoleMap.parse("lab-admins=admin, researchers=experimenter,assistants=viewer");
        assertEquals(Set.of("admin", "experimenter", "viewer"), map.roles(List.of("lab-admins")));
        assertEquals(Set.of("experimenter", "viewer"), map.roles(List.of("researchers", "other")));
        assertEquals(Set.of("viewer"), map.roles(List.of("/assistants")));
        assertEquals(Set.of(), map.roles(List.of("students")));
        assertEquals(Set.of("viewer"), RoleMap.parse("").roles(List.of("viewer")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RoleMap.parse("lab-admins=root"));
        assertTrue(bad.getMessage().contains("lab-admins=root"), bad.getMessage());
    }

    @Test
    void afterLoginOnlyLocalPaths() {
        assertEquals("/SessionMonitor/abc?x=1", LoginServlet.safeNext("/SessionMonitor/abc?x=1"));
        assertEquals("/demo", LoginServlet.safeNext(null));
        assertEquals("/demo", LoginServlet.safeNext("//evil.example/x"));
        assertEquals("/demo", LoginServlet.safeNext("/\\evil.example"));
        assertEquals("/demo", LoginServlet.safeNext("https://evil.example/"));
        assertEquals("/demo", LoginServlet.safeNext("/logout"));
        // "/" reaches the filter as the welcome file /index.xhtml, which is no page of its own
        assertEquals("/demo", LoginServlet.safeNext("/index.xhtml"));
        assertEquals("/demo", LoginServlet.safeNext("/"));
    }

    @Test
    void pagesEscapeMarkup() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;",
                Pages.escape("<script>alert(\"x\")</script> & '"));
    }
}
