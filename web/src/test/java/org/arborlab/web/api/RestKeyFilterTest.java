package org.arborlab.web.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arborlab.control.AuthLevel;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.control.token.ApiTokenService;
import org.arborlab.control.token.ApiTokenService.Grant;
import org.arborlab.entity.ApiScope;
import org.junit.jupiter.api.Test;

/** The REST authentication decisions: shared key, token scopes, room limits, and the use log. */
class RestKeyFilterTest {
    private static final String TOKEN = ApiTokenService.PREFIX + "room-token";
    private final List<String> uses = new ArrayList<>();
    private final org.arborlab.control.access.Caller services = new org.arborlab.control.access.Caller();

    private RestKeyFilter filter(AuthLevel level, String method) throws Exception {
        RestKeyFilter filter = new RestKeyFilter();
        filter.environment = new ServerEnvironment() {
            @Override
            public AuthLevel authLevel() {
                return level;
            }

            @Override
            public Optional<String> restKey() {
                return Optional.of("shared");
            }
        };
        filter.tokens = new ApiTokenService() {
            @Override
            public Optional<Grant> authenticate(String presented) {
                return presented.equals(TOKEN) ? Optional.of(new Grant(7L, "qualtrics",
                        EnumSet.of(ApiScope.PARTICIPANT_VARS), Optional.of("qualtrics_study"))) : Optional.empty();
            }

            @Override
            public void recordUse(long tokenId, String m, String path, int status) {
                uses.add(tokenId + " " + m + " " + path + " " + status);
            }
        };
        filter.caller = new ApiCaller();
        filter.actor = new org.arborlab.control.audit.Actor();
        filter.services = services;
        Method target = findMethod(method);
        filter.resource = (ResourceInfo) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ResourceInfo.class}, (p, m, a) -> m.getName().equals("getResourceMethod") ? target : null);
        return filter;
    }

    private static Method findMethod(String name) throws Exception {
        for (Class<?> type : new Class<?>[] {ParticipantVarsResource.class, SessionsResource.class}) {
            for (Method m : type.getMethods()) {
                if (m.getName().equals(name)) {
                    return m;
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    private static ContainerRequestContext request(Map<String, String> headers) {
        Map<String, Object> properties = new HashMap<>();
        return (ContainerRequestContext) Proxy.newProxyInstance(RestKeyFilterTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getHeaderString" -> headers.entrySet().stream()
                            .filter(e -> e.getKey().equalsIgnoreCase((String) a[0])).map(Map.Entry::getValue)
                            .findFirst().orElse(null);
                    case "setProperty" -> properties.put((String) a[0], a[1]);
                    case "getProperty" -> properties.get((String) a[0]);
                    case "getMethod" -> "POST";
                    case "getUriInfo" -> Proxy.newProxyInstance(RestKeyFilterTest.class.getClassLoader(),
                            new Class<?>[] {jakarta.ws.rs.core.UriInfo.class},
                            (p2, m2, a2) -> m2.getName().equals("getPath") ? "participant_vars" : null);
                    default -> null;
                });
    }

    private static String refusal(RestKeyFilter filter, Map<String, String> headers) {
        return assertThrows(ApiException.class, () -> filter.filter(request(headers))).getMessage();
    }

    @Test
    void sharedKeyInEitherHeader() throws Exception {
        RestKeyFilter filter = filter(AuthLevel.STUDY, "create");
        assertFalse(services.has(org.arborlab.control.access.Role.VIEWER), "no role before the key is checked");
        assertDoesNotThrow(() -> filter.filter(request(Map.of("OTREE-REST-KEY", "shared"))));
        assertTrue(services.has(org.arborlab.control.access.Role.EXPERIMENTER), "the key acts as an experimenter");
        assertFalse(services.has(org.arborlab.control.access.Role.ADMIN), "not as an admin (tokens are the admin's)");
        assertDoesNotThrow(() -> filter.filter(request(Map.of("Authorization", "Bearer shared"))));
        services.clear();
        assertEquals("HTTP Request Header otree-rest-key is missing", refusal(filter, Map.of()));
        assertFalse(services.has(org.arborlab.control.access.Role.VIEWER), "a refused key grants nothing");
        assertEquals("HTTP Request Header otree-rest-key is incorrect",
                refusal(filter, Map.of("otree-rest-key", "Shared")));
    }

    @Test
    void openServersCheckNothing() throws Exception {
        assertDoesNotThrow(() -> filter(AuthLevel.NONE, "create").filter(request(Map.of("otree-rest-key", "x"))));
    }

    @Test
    void tokensNeedTheEndpointsScope() throws Exception {
        assertDoesNotThrow(() -> filter(AuthLevel.DEMO, "byRoomLabel").filter(request(Map.of("otree-rest-key", TOKEN))));
        assertEquals("This API token lacks the scope \"sessions:create\"",
                refusal(filter(AuthLevel.DEMO, "create"), Map.of("Authorization", "Bearer " + TOKEN)));
        assertEquals("This API token is unknown, expired or revoked",
                refusal(filter(AuthLevel.DEMO, "byRoomLabel"), Map.of("otree-rest-key", TOKEN + "x")));
    }

    @Test
    void roomLimitedTokensStayInTheirRoom() throws Exception {
        RestKeyFilter filter = filter(AuthLevel.STUDY, "byRoomLabel");
        filter.filter(request(Map.of("otree-rest-key", TOKEN)));
        assertDoesNotThrow(() -> filter.caller.requireRoom("qualtrics_study"));
        assertEquals("This API token is limited to room qualtrics_study",
                assertThrows(ApiException.class, () -> filter.caller.requireRoom("econ101")).getMessage());
        assertTrue(assertThrows(ApiException.class, () -> filter.caller.requireAllRooms()).getMessage()
                .contains("use the endpoints that take room_name"));
    }

    @Test
    void everyTokenUseIsLogged() throws Exception {
        RestKeyFilter filter = filter(AuthLevel.STUDY, "byRoomLabel");
        ContainerRequestContext request = request(Map.of("otree-rest-key", TOKEN));
        filter.filter(request);
        jakarta.ws.rs.container.ContainerResponseContext response = (jakarta.ws.rs.container.ContainerResponseContext)
                Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {jakarta.ws.rs.container.ContainerResponseContext.class},
                        (p, m, a) -> m.getName().equals("getStatus") ? 200 : null);
        filter.filter(request, response);
        assertEquals(List.of("7 POST participant_vars 200"), uses);

        RestKeyFilter keyFilter = filter(AuthLevel.STUDY, "byRoomLabel");
        ContainerRequestContext keyRequest = request(Map.of("otree-rest-key", "shared"));
        keyFilter.filter(keyRequest);
        keyFilter.filter(keyRequest, response);
        assertEquals(1, uses.size(), "the shared key's uses are not token uses");
    }
}
