package org.arborlab.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * oTree's admin login: the user named by ADMIN_USERNAME in the settings ("admin" unless set) and the password in
 * OTREE_ADMIN_PASSWORD, compared in constant time.
 */
final class PasswordLogin {

    private PasswordLogin() {
    }

    /** False whenever the password is undefined: then nobody can log in with a password. */
    static boolean matches(String adminUsername, Optional<String> adminPassword, String user, String password) {
        if (adminPassword.isEmpty()) {
            return false;
        }
        // digests have one length, so neither the time nor the comparison reveals the password's length
        boolean userOk = MessageDigest.isEqual(digest(adminUsername), digest(user == null ? "" : user));
        boolean passwordOk = MessageDigest.isEqual(digest(adminPassword.get()), digest(password == null ? "" : password));
        return userOk & passwordOk;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
