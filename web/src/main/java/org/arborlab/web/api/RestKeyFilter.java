package org.arborlab.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.arborlab.control.RestKeyCheck;
import org.arborlab.control.ServerEnvironment;

/**
 * oTree's REST authentication (see {@link RestKeyCheck}) on every matched API call. The key comes in header
 * {@code otree-rest-key} (any letter case) or as {@code Authorization: Bearer <key>}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RestKeyFilter implements ContainerRequestFilter {
    static final String HEADER = "otree-rest-key";

    @Inject
    ServerEnvironment environment;

    @Override
    public void filter(ContainerRequestContext request) {
        RestKeyCheck.refusal(environment.authLevel(), environment.restKey(), presented(request))
                .ifPresent(reason -> {
                    throw new ApiException(403, reason);
                });
    }

    private static String presented(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key != null && !key.isEmpty()) {
            return key;
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
