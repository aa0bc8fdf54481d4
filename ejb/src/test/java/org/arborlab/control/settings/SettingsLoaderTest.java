package org.arborlab.control.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SettingsLoaderTest {
    private static final Set<String> APPS = Set.of("trust", "survey", "public_goods", "quiz");

    private static SettingsLoader loader() {
        return new SettingsLoader("test.json", name -> ParticipantLabelFile.resource("arbor/" + name), APPS);
    }

    private static Settings load(String json) {
        return loader().load(json.replace('\'', '"'));
    }

    private static String fails(String json) {
        return assertThrows(SettingsException.class, () -> load(json)).getMessage();
    }

    @Test
    void shippedDefaultSettingsLoadAndHaveWhatTheRestDocsUse() throws IOException {
        String json;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("arbor/settings.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Settings settings = loader().load(json);
        assertEquals(List.of("trust"), settings.sessionConfig("trust").orElseThrow().appSequence());
        assertTrue(settings.room("econ101").isPresent());
        assertFalse(settings.room("my_room").orElseThrow().hasLabels());
        assertTrue(settings.room("qualtrics_study").orElseThrow().participantLabels().contains("albert_e"));
        assertEquals(List.of("finished"), settings.participantFields());
        assertEquals("USD", settings.currency().realWorldCurrencyCode());
        assertEquals(2, settings.currency().realWorldCurrencyDecimalPlaces());
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
}
