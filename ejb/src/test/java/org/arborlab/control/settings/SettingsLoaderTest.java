package org.arborlab.control.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SettingsLoaderTest {
    /** The example study's apps (examples/lab-study). */
    private static final Set<String> APPS = Set.of("trust", "survey", "public_goods", "quiz", "dictator",
            "reaction", "meeting", "live_public_goods");

    private static SettingsLoader loader() {
        return new SettingsLoader("test.json", name -> ParticipantLabelFile.resource("arbor/" + name), APPS);
    }

    private static Settings load(String json) {
        return loader().load(json.replace('\'', '"'));
    }

    private static String fails(String json) {
        return assertThrows(SettingsException.class, () -> load(json)).getMessage();
    }

    /** The example study's settings (examples/lab-study), which the README's REST examples use. */
    @Test
    void exampleStudySettingsLoadAndHaveWhatTheRestDocsUse() throws IOException {
        Path dir = Path.of("../examples/lab-study/apps/src/main/resources/arbor");
        String json = Files.readString(dir.resolve("settings.json"), StandardCharsets.UTF_8);
        Settings settings = new SettingsLoader("settings.json", name -> ParticipantLabelFile.onDisk(dir.resolve(name)),
                APPS).load(json);
        assertEquals(List.of("trust"), settings.sessionConfig("trust").orElseThrow().appSequence());
        assertTrue(settings.room("econ101").isPresent());
        assertFalse(settings.room("my_room").orElseThrow().hasLabels());
        assertTrue(settings.room("qualtrics_study").orElseThrow().participantLabels().contains("albert_e"));
        assertEquals(List.of("finished"), settings.participantFields());
        assertEquals("USD", settings.currency().realWorldCurrencyCode());
        assertEquals(2, settings.currency().realWorldCurrencyDecimalPlaces());
    }

    /** What Arbor loads without a study's settings file: nothing to run, but it starts. */
    @Test
    void noSettingsAtAllMeanNoConfigsAndNoRooms() {
        Settings settings = load("{'SESSION_CONFIGS': []}");
        assertTrue(settings.sessionConfigs().isEmpty());
        assertTrue(settings.rooms().isEmpty());
    }

    @Test
    void defaultsAreMergedAndCustomFieldsKeptInOrder() {
        Settings settings = load("{'SESSION_CONFIG_DEFAULTS': {'participation_fee': 2.5, 'color': 'red'},"
                + "'SESSION_CONFIGS': [{'name': 'a', 'app_sequence': ['trust'], 'color': 'blue', 'n': 3}]}");
        SessionConfig config = settings.sessionConfig("a").orElseThrow();
        assertEquals("a", config.displayName());
        assertEquals("", config.doc());
        assertEquals(0, new java.math.BigDecimal("2.5").compareTo(config.participationFee()));
        assertEquals(0, java.math.BigDecimal.ONE.compareTo(config.realWorldCurrencyPerPoint()));
        assertEquals("blue", config.values().getString("color"));
        assertEquals(List.of("real_world_currency_per_point", "participation_fee", "color", "n"),
                List.copyOf(config.editableFields().keySet()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'SESSION_CONFIGS': [{'name': 'a b', 'app_sequence': ['trust']}]}"
            + "|name \"a b\" can only contain letters, numbers, and underscores (_)",
        "{'SESSION_CONFIGS': [{'name': 'a', 'app_sequence': ['trust', 'trust']}]}"
            + "|app_sequence of \"a\" must not contain duplicate elements. If you want multiple rounds, you should set num_rounds.",
        "{'SESSION_CONFIGS': [{'name': 'a', 'app_sequence': ['trust']}, {'name': 'a', 'app_sequence': ['survey']}]}"
            + "|Duplicate SESSION_CONFIG name: a",
        "{'SESSION_CONFIGS': [{'name': 'a', 'app_sequence': ['nope']}]}"
            + "|app \"nope\" in app_sequence is not an installed app",
        "{'SESSION_CONFIGS': [{'name': 'a', 'app_sequence': []}]}|app_sequence must name at least one app",
        "{'SESSION_CONFIGS': [{'app_sequence': ['trust']}]}|\"name\" is required",
        "{'SESSION_CONFIGS': [{'name': 'a', 'app_sequence': ['trust'], 'participation_fee': 'abc'}]}"
            + "|\"participation_fee\" must be a number of at least 0",
        "{'SESSION_CONFIGS': [{'name': 'a', 'app_sequence': ['trust'], 'num_demo_participants': 0}]}"
            + "|\"num_demo_participants\" must be a positive whole number",
        "{'SESSION_CONFIGS': [], 'ROOMS': [{'name': 'my room', 'display_name': 'x'}]}"
            + "|settings.ROOMS room name \"my room\" can only contain letters, numbers, and underscores (_)",
        "{'SESSION_CONFIGS': [], 'ROOMS': [{'name': 'r', 'display_name': 'x', 'use_secure_urls': true}]}"
            + "|Room \"r\": you must either set participant_label_file, or set use_secure_urls=False",
        "{'SESSION_CONFIGS': [], 'ROOMS': [{'name': 'r'}]}|Room \"r\": \"display_name\" is required",
        "{'SESSION_CONFIGS': [], 'ROOMS': [{'name': 'r', 'display_name': 'x', 'participant_label_file': 'missing.txt'}]}"
            + "|Participant label file classpath:arbor/missing.txt does not exist",
        "{'SESSION_CONFIGS': [], 'PARTICIPANT_FIELDS': ['payoff']}"
            + "|PARTICIPANT_FIELDS cannot contain \"payoff\" because that name is reserved.",
        "{'SESSION_CONFIGS': [], 'SESSION_FIELDS': ['config']}"
            + "|SESSION_FIELDS cannot contain \"config\" because that name is reserved.",
        "{'SESSION_CONFIGS': [], 'REAL_WORLD_CURRENCY_CODE': 'euro'}|REAL_WORLD_CURRENCY_CODE must be a 3-letter",
        "{'SESSION_CONFIGS': [], 'SESION_FIELDS': []}|unknown setting \"SESION_FIELDS\"",
        "{'SESSION_CONFIGS': {}}|SESSION_CONFIGS must be a list",
        "[1, 2]|the file must hold one JSON object",
        "{'SESSION_CONFIGS': [}|not valid JSON",
        "{}|SESSION_CONFIGS is missing",
    })
    void errorsNameTheSettingAndTheValue(String json, String expected) {
        String message = fails(json);
        assertTrue(message.startsWith("Arbor settings (test.json): "), message);
        assertTrue(message.contains(expected), () -> "expected <" + expected + "> in <" + message + ">");
    }

    @Test
    void zeroDecimalCurrenciesDefaultToZeroPlaces() {
        assertEquals(0, load("{'SESSION_CONFIGS': [], 'REAL_WORLD_CURRENCY_CODE': 'JPY'}")
                .currency().realWorldCurrencyDecimalPlaces());
        assertEquals(2, load("{'SESSION_CONFIGS': [], 'REAL_WORLD_CURRENCY_CODE': 'EUR'}")
                .currency().realWorldCurrencyDecimalPlaces());
    }

    @Test
    void labelFilesDropDuplicatesAndRejectBadLabels() {
        assertEquals(List.of("a", "b", "c"), ParticipantLabelFile.parse("a b\n a\tc\n\n", "f"));
        assertThrows(SettingsException.class, () -> ParticipantLabelFile.parse("ok not-ok", "f"));
    }

    @Test
    void oTreesProjectSettingsAreAcceptedAndTheUnusedOnesListed() {
        Settings settings = load("{'SESSION_CONFIGS': [{'name': 'a', 'app_sequence': ['trust']}],"
                + "'SECRET_KEY': '7763949237284', 'ADMIN_USERNAME': 'lab', 'LANGUAGE_CODE': 'de-ch',"
                + "'DEMO_PAGE_TITLE': 'Lab demos', 'DEMO_PAGE_INTRO_HTML': '<b>Try</b> them',"
                + "'ADMIN_PASSWORD': 'x', 'INSTALLED_APPS': ['otree'], 'DEBUG': false}");
        ProjectSettings project = settings.project();
        assertEquals(java.util.Optional.of("7763949237284"), project.secretKey());
        assertEquals("lab", project.adminUsername());
        assertEquals(java.util.Locale.GERMAN, project.locale());
        assertEquals("de-ch", project.htmlLang());
        assertEquals("Lab demos", project.demoPageTitle());
        assertEquals("<b>Try</b> them", project.demoPageIntroHtml());
        assertEquals(List.of("ADMIN_PASSWORD", "DEBUG", "INSTALLED_APPS"), project.ignored());

        ProjectSettings defaults = load("{'SESSION_CONFIGS': [{'name': 'a', 'app_sequence': ['trust']}]}").project();
        assertEquals(ProjectSettings.defaults(), defaults);
        assertEquals(java.util.Locale.ENGLISH, defaults.locale());
        assertEquals(java.util.Locale.ENGLISH, load("{'SESSION_CONFIGS': [{'name': 'a', 'app_sequence': ['trust']}],"
                + "'LANGUAGE_CODE': 'fr'}").project().locale(), "no French texts: English");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'ADMIN_USERNAME': ''|ADMIN_USERNAME is undefined",
        "'ADMIN_USERNAME': 3|\"ADMIN_USERNAME\" must be a string",
        "'LANGUAGE_CODE': 'english please'|LANGUAGE_CODE must be a language code",
        "'SECRET_KEY': 42|\"SECRET_KEY\" must be a string",
        "'SECRET_KEYS': 'x'|unknown setting \"SECRET_KEYS\""})
    void badProjectSettingsStopStartUp(String setting, String message) {
        String error = fails("{'SESSION_CONFIGS': [{'name': 'a', 'app_sequence': ['trust']}], " + setting + "}");
        assertTrue(error.contains(message), error);
    }
}
