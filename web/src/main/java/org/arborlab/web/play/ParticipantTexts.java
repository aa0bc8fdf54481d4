package org.arborlab.web.play;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arborlab.control.settings.ProjectSettings;
import org.arborlab.control.settings.SettingsService;

/**
 * The built-in texts of participant pages in the settings' LANGUAGE_CODE ({@code #{texts...}} in the views), from
 * the resource bundle {@code org/arborlab/web/play/texts}. Templates name a text by key ({@code texts.get('next')});
 * texts the engine wrote in English (Django's field errors, the default wait page, messages) are translated by
 * their English wording ({@code texts.tr(...)}), with the numbers in them kept, so the engine stays
 * language-free. Any other text, e.g. an app's own error message, is shown as the app wrote it.
 */
@Named("texts")
@ApplicationScoped
public class ParticipantTexts {
    static final String BUNDLE = "org.arborlab.web.play.texts";

    @Inject
    SettingsService settings;

    private volatile Catalog catalog;

    public String get(String key) {
        return catalog().bundle.getString(key);
    }

    /** An English built-in text in the pages' language; anything else unchanged. */
    public String tr(String english) {
        return english == null ? null : catalog().translate(english);
    }

    /** The {@code lang} attribute of participant pages. */
    public String getLang() {
        return settings.settings().project().htmlLang();
    }

    private Catalog catalog() {
        Catalog c = catalog;
        if (c == null) {
            c = new Catalog(settings.settings().project().locale());
            catalog = c;
        }
        return c;
    }

    /** One language's texts, and the English ones to recognise engine-written texts by. */
    static final class Catalog {
        private final ResourceBundle bundle;
        private final Map<String, String> keyOfEnglish = new HashMap<>();
        private final List<Map.Entry<Pattern, String>> patterns = new ArrayList<>();

        Catalog(Locale locale) {
            this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
            ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : english.keySet()) {
                String text = english.getString(key);
                if (text.contains("{0}")) {
                    String regex = Pattern.quote(text).replace("{0}", "\\E(.+?)\\Q").replace("{1}", "\\E(.+?)\\Q");
                    patterns.add(Map.entry(Pattern.compile(regex), key));
                } else {
                    keyOfEnglish.put(text, key);
                }
            }
        }

        String translate(String english) {
            String key = keyOfEnglish.get(english);
            if (key != null) {
                return bundle.getString(key);
            }
            for (Map.Entry<Pattern, String> pattern : patterns) {
                Matcher m = pattern.getKey().matcher(english);
                if (m.matches()) {
                    Object[] values = new Object[m.groupCount()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = m.group(i + 1);
                    }
                    // quotes are literal in the bundle's texts; MessageFormat would treat them as escapes
                    return new MessageFormat(bundle.getString(pattern.getValue()).replace("'", "''"))
                            .format(values);
                }
            }
            return english;
        }
    }

    /** For tests: the catalogue of one language without a server. */
    static Catalog catalog(ProjectSettings project) {
        return new Catalog(project.locale());
    }
}
