package org.arborlab.control.settings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * oTree's project-wide settings besides configs, rooms and currency: the secret behind secure room links
 * ({@code SECRET_KEY}), the password user's name ({@code ADMIN_USERNAME}), the language of participants' pages
 * ({@code LANGUAGE_CODE}) and the demo page's title and introduction. {@code ignored} names the settings of an
 * oTree project that the file carried but Arbor does not use; they are reported at start-up.
 */
public record ProjectSettings(Optional<String> secretKey, String adminUsername, String languageCode,
        String demoPageTitle, String demoPageIntroHtml, List<String> ignored) {

    /** The languages whose built-in participant texts Arbor ships. */
    public static final List<String> TRANSLATED = List.of("en", "de");

    public static ProjectSettings defaults() {
        return new ProjectSettings(Optional.empty(), "admin", "en", "Demo", "", List.of());
    }

    /** The locale of the built-in texts: LANGUAGE_CODE's language, English if Arbor has no translation for it. */
    public Locale locale() {
        String language = languageCode.split("[-_]")[0].toLowerCase(Locale.ROOT);
        return Locale.forLanguageTag(TRANSLATED.contains(language) ? language : "en");
    }

    /** The {@code lang} attribute of every page: LANGUAGE_CODE as written (oTree's code is a BCP 47 tag). */
    public String htmlLang() {
        return languageCode.replace('_', '-');
    }
}
