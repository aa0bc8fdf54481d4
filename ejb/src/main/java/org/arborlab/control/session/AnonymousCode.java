package org.arborlab.control.session;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Set;

/** The session-wide link's code: 4 distinct consonant+vowel syllables, e.g. {@code mafovopo} (oTree's shape). */
final class AnonymousCode {
    private static final String CONSONANTS = "bcdfghjklmnprstvwz";
    private static final String VOWELS = "aeiou";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AnonymousCode() {
    }

    static String random() {
        Set<String> syllables = new LinkedHashSet<>();
        while (syllables.size() < 4) {
            syllables.add("" + CONSONANTS.charAt(RANDOM.nextInt(CONSONANTS.length()))
                    + VOWELS.charAt(RANDOM.nextInt(VOWELS.length())));
        }
        return String.join("", syllables);
    }
}
