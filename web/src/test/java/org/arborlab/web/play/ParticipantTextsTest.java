package org.arborlab.web.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.arborlab.control.settings.ProjectSettings;
import org.junit.jupiter.api.Test;

/** LANGUAGE_CODE: participants' built-in texts in English and German, engine texts recognised by their wording. */
class ParticipantTextsTest {

    private static ParticipantTexts.Catalog catalog(String languageCode) {
        return ParticipantTexts.catalog(new ProjectSettings(Optional.empty(), "admin", languageCode, "Demo", "",
                List.of()));
    }

    @Test
    void germanTranslatesEngineTextsAndKeepsTheirNumbers() {
        ParticipantTexts.Catalog de = catalog("de");
        assertEquals("Dieses Feld ist zwingend erforderlich.", de.translate("This field is required."));
        assertEquals("Ganze Zahl eingeben.", de.translate("Enter a whole number."));
        assertEquals("Dieser Wert muss kleiner oder gleich 10 sein.",
                de.translate("Ensure this value is less than or equal to 10."));
        assertEquals("Bitte geben Sie nicht mehr als 0 Dezimalstellen ein.",
                de.translate("Ensure that there are no more than 0 decimal places."));
        assertEquals("Dieser Wert darf höchstens 5 Zeichen haben (er hat 7).",
                de.translate("Ensure this value has at most 5 characters (it has 7)."));
        assertEquals("Bitte warten", de.translate("Please wait"));
        assertEquals("Ja", de.translate("Yes"));
        assertEquals("Please check your age.", de.translate("Please check your age."), "an app's own text stays");
    }

    @Test
    void englishAndUntranslatedLanguagesShowTheEnglishTexts() {
        assertEquals("Enter a number.", catalog("en").translate("Enter a number."));
        assertEquals("Ensure this value is less than or equal to 10.",
                catalog("fr").translate("Ensure this value is less than or equal to 10."));
    }

    @Test
    void everyEnglishTextHasAGermanTranslation() {
        ResourceBundle en = ResourceBundle.getBundle(ParticipantTexts.BUNDLE, Locale.ROOT);
        ResourceBundle de = ResourceBundle.getBundle(ParticipantTexts.BUNDLE, Locale.GERMAN);
        for (String key : en.keySet()) {
            assertNotEquals(en.getString(key), de.getString(key), key + " is not translated");
        }
    }
}
