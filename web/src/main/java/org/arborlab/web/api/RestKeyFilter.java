package org.arborlab.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.arborlab.control.AuthLevel;
import org.arborlab.control.ServerEnvironment;

/**
 * oTree's REST authentication: under {@code OTREE_AUTH_LEVEL} DEMO or STUDY every call needs header
 * {@code otree-rest-key} equal to {@code OTREE_REST_KEY} (also accepted as {@code Authorization: Bearer}), with
 * oTree's three messages. The comparison takes the same time however many characters match.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RestKeyFilter implements ContainerRequestFilter {
    static final String HEADER = "otree-rest-key";

    @Inject
    ServerEnvironment environment;

    @Override
    public void filter(ContainerRequestContext request) {
        if (environment.authLevel() == AuthLevel.NONE) {
            return;
        }
        String expected = environment.restKey()
                .orElseThrow(() -> new ApiException(403, "Env var OTREE_REST_KEY must be defined to use REST API"));
        String given = presented(request);
        if (given == null || given.isEmpty()) {
            throw new ApiException(403, "HTTP Request Header otree-rest-key is missing");
        }
        if (!MessageDigest.isEqual(sha256(given), sha256(expected))) {
            throw new ApiException(403, "HTTP Request Header otree-rest-key is incorrect");
        }
    }

    /** Hashing first makes the comparison independent of the lengths too. */
    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
