package org.arborlab.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * oTree's REST authentication rule: under {@code OTREE_AUTH_LEVEL} DEMO or STUDY a call must present the key
 * {@code OTREE_REST_KEY}; the answer is oTree's message for the first check that fails.
 */
public final class RestKeyCheck {
    public static final String UNDEFINED = "Env var OTREE_REST_KEY must be defined to use REST API";
    public static final String MISSING = "HTTP Request Header otree-rest-key is missing";
    public static final String INCORRECT = "HTTP Request Header otree-rest-key is incorrect";

    private RestKeyCheck() {
    }

    /** @return empty when the call may go on, else the reason it may not */
    public static Optional<String> refusal(AuthLevel level, Optional<String> restKey, String presented) {
        if (level == AuthLevel.NONE) {
            return Optional.empty();
        }
        if (restKey.isEmpty() || restKey.get().isEmpty()) {
            return Optional.of(UNDEFINED);
        }
        if (presented == null || presented.isEmpty()) {
            return Optional.of(MISSING);
        }
        return MessageDigest.isEqual(sha256(presented), sha256(restKey.get()))
                ? Optional.empty() : Optional.of(INCORRECT);
    }

    /** Comparing digests takes the same time whatever the lengths and however many characters match. */
    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
