package org.arborlab.control.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.arborlab.control.admin.SessionAdminService;
import org.arborlab.control.audit.Audited;
import org.arborlab.control.token.ApiTokenService;
import org.junit.jupiter.api.Test;

/** The role check's decisions, and that no action that changes data goes without one. */
class RoleCheckTest {

    @SuppressWarnings("unchecked")
    private static Instance<Caller> instance(Caller caller) {
        return (Instance<Caller>) Proxy.newProxyInstance(RoleCheckTest.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (p, m, a) -> {
                    if (m.getName().equals("get")) {
                        if (caller == null) {
                            // what a request-scoped proxy does outside a request
                            return Proxy.newProxyInstance(RoleCheckTest.class.getClassLoader(), new Class<?>[] {},
                                    (q, n, b) -> null);
                        }
                        return caller;
                    }
                    return null;
                });
    }

    private static Method method(Class<?> type, String name) {
        return Stream.of(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aViewerAndNobodyAreRefusedAnExperimenterActionAnExperimenterIsNot() {
        Method delete = method(SessionAdminService.class, "delete");
        assertEquals(Role.EXPERIMENTER, RoleCheck.needed(delete));
        Caller nobody = new Caller();
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> RoleCheck.refusal(instance(nobody), Role.EXPERIMENTER, delete));
        assertEquals("Not allowed: sessionadmin.delete needs the role experimenter; the caller is nobody logged in.",
                refused.getMessage());
        Caller viewer = new Caller();
        viewer.grant("vera", Role.VIEWER);
        refused = assertThrows(NotAllowedException.class,
                () -> RoleCheck.refusal(instance(viewer), Role.EXPERIMENTER, delete));
        assertTrue(refused.getMessage().endsWith("the caller is vera (viewer)."), refused.getMessage());
        Caller experimenter = new Caller();
        experimenter.grant("erin", Role.EXPERIMENTER);
        assertDoesNotThrow(() -> RoleCheck.refusal(instance(experimenter), Role.EXPERIMENTER, delete));
        Method revoke = method(ApiTokenService.class, "revoke");
        assertThrows(NotAllowedException.class, () -> RoleCheck.refusal(instance(experimenter), RoleCheck.needed(revoke),
                revoke), "tokens are the admin's");
        Caller admin = new Caller();
        admin.grant("ada", Role.ADMIN);
        assertDoesNotThrow(() -> RoleCheck.refusal(instance(admin), Role.ADMIN, revoke));
    }

    @Test
    void rolesNest() {
        assertEquals(java.util.EnumSet.allOf(Role.class), Role.ADMIN.andBelow());
        assertEquals(java.util.EnumSet.of(Role.VIEWER), Role.VIEWER.andBelow());
    }

    /**
     * Outside a request (a timer, a job the server started) the server acts for itself: Weld's request-scoped
     * proxy throws ContextNotActiveException there, which the check takes as "no caller to check".
     */
    @Test
    void workOutsideARequestIsTheServersOwn() {
        Caller outside = new Caller() {
            @Override
            public boolean has(Role role) {
                throw new ContextNotActiveException("no request");
            }
        };
        Method delete = method(SessionAdminService.class, "delete");
        assertDoesNotThrow(() -> RoleCheck.refusal(instance(outside), Role.EXPERIMENTER, delete));
    }

    /** Every audited method (every action that changes data) names the role it needs. */
    @Test
    void everyAuditedActionNeedsARole() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(SessionAdminService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> audited = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/arborlab/control"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceFirst("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                for (Method m : type.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Audited.class) && Modifier.isPublic(m.getModifiers())) {
                        audited.add(type.getSimpleName() + "." + m.getName());
                        if (RoleCheck.needed(m) == null) {
                            unchecked.add(type.getSimpleName() + "." + m.getName());
                        }
                    }
                }
            }
        }
        assertTrue(audited.size() >= 12, "found the actions: " + audited);
        assertEquals(List.of(), unchecked, "audited actions without @RoleRequired");
    }
}
