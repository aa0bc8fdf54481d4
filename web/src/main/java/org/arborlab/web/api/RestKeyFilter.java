package org.arborlab.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.arborlab.control.AuthLevel;
import org.arborlab.control.RestKeyCheck;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.control.access.Caller;
import org.arborlab.control.access.Role;
import org.arborlab.control.audit.Actor;
import org.arborlab.control.token.ApiTokenService;
import org.arborlab.control.token.ApiTokenService.Grant;

/**
 * REST authentication under {@code OTREE_AUTH_LEVEL} DEMO or STUDY: oTree's shared key (see
 * {@link RestKeyCheck}), or an API token with the endpoint's scope. Either comes in header
 * {@code otree-rest-key} (any letter case) or as {@code Authorization: Bearer ...}. Each token use is logged.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RestKeyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String HEADER = "otree-rest-key";
    private static final String TOKEN_ID = "arbor.api-token";
    private static final Logger LOG = Logger.getLogger(RestKeyFilter.class.getName());

    @Inject
    ServerEnvironment environment;

    @Inject
    ApiTokenService tokens;

    @Inject
    ApiCaller caller;

    @Inject
    Actor actor;

    /** The caller as the services see it (the REST API never manages tokens, so experimenter is enough). */
    @Inject
    Caller services;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (environment.authLevel() == AuthLevel.NONE) {
            actor.set("rest");
            return;
        }
        String presented = presented(request);
        if (presented != null && presented.startsWith(ApiTokenService.PREFIX)) {
            Grant grant = tokens.authenticate(presented)
                    .orElseThrow(() -> new ApiException(403, "This API token is unknown, expired or revoked"));
            request.setProperty(TOKEN_ID, grant.tokenId());
            RequiredScope scope = resource.getResourceMethod().getAnnotation(RequiredScope.class);
            if (scope == null || !grant.scopes().contains(scope.value())) {
                throw new ApiException(403, "This API token lacks the scope "
                        + (scope == null ? "for this endpoint" : "\"" + scope.value().text() + "\""));
            }
            caller.authenticatedBy(grant);
            actor.set("token:" + grant.name());
            // the token's scopes decide what it may do (checked above); to the services it acts as an experimenter
            services.grant("token:" + grant.name(), Role.EXPERIMENTER);
            return;
        }
        RestKeyCheck.refusal(environment.authLevel(), environment.restKey(), presented)
                .ifPresent(reason -> {
                    throw new ApiException(403, reason);
                });
        actor.set("rest-key");
        services.grant("rest-key", Role.EXPERIMENTER);
    }

    /** Who (the token), what (method, path, status), when: for every request made with a token. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object tokenId = request.getProperty(TOKEN_ID);
        if (tokenId != null) {
            try {
                tokens.recordUse((Long) tokenId, request.getMethod(), request.getUriInfo().getPath(),
                        response.getStatus());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not log the use of API token " + tokenId, e);
            }
        }
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
