package org.arborlab.entity;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** The 8-character {@code [a-z0-9]} codes oTree uses for sessions and participants. */
final class Code {
    static final int LENGTH = 8;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]{8}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Code() {
    }

    static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    static String random() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    static String require(String value, String what) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(what + " must be 8 characters of a-z and 0-9: " + value);
        }
        return value;
    }
}
