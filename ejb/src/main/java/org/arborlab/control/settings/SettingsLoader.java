package org.arborlab.control.settings;

import org.arborlab.entity.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and validates the settings file (JSON, with oTree's setting names). Every problem stops start-up with a
 * message that names the setting and the value, reusing oTree's wording where oTree has one.
 */
public final class SettingsLoader {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_]+");
    private static final Set<String> TOP_LEVEL = Set.of("SESSION_CONFIG_DEFAULTS", "SESSION_CONFIGS", "ROOMS",
            "PARTICIPANT_FIELDS", "SESSION_FIELDS", "REAL_WORLD_CURRENCY_CODE",
            "REAL_WORLD_CURRENCY_DECIMAL_PLACES", "USE_POINTS", "POINTS_DECIMAL_PLACES", "SECRET_KEY",
            "ADMIN_USERNAME", "LANGUAGE_CODE", "DEMO_PAGE_TITLE", "DEMO_PAGE_INTRO_HTML");
    /**
     * Settings an oTree project carries that Arbor accepts but does not use (each reported at start-up): the
     * password comes from OTREE_ADMIN_PASSWORD, the auth level and production mode from their environment
     * variables, apps are Java classes, and Arbor has no browser launcher, Sentry or MTurk.
     */
    static final Set<String> IGNORED = Set.of("ADMIN_PASSWORD", "AUTH_LEVEL", "DEBUG", "INSTALLED_APPS",
            "EXTENSION_APPS", "BROWSER_COMMAND", "SENTRY_DSN", "MTURK_NUM_PARTICIPANTS_MULTIPLE",
            "MTURK_HIT_SETTINGS", "OTREE_PRODUCTION", "REST_KEY", "DEMO_PAGE_INTRO_TEXT", "POINTS_CUSTOM_NAME",
            "USE_I18N", "TIME_ZONE");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*");
    private static final Set<String> ROOM_KEYS =
            Set.of("name", "display_name", "participant_label_file", "use_secure_urls");
    /** Participant attributes a PARTICIPANT_FIELDS entry may not shadow. */
    static final Set<String> RESERVED_PARTICIPANT = Set.of("id", "code", "id_in_session", "label", "visited",
            "payoff", "vars", "session", "time_started_utc", "is_bot", "index_in_pages", "max_page_index",
            "current_app_name", "current_page_name", "payoff_in_real_world_currency", "payoff_plus_participation_fee");
    /** Session attributes a SESSION_FIELDS entry may not shadow. */
    static final Set<String> RESERVED_SESSION = Set.of("id", "code", "label", "comment", "config", "vars",
            "is_demo", "archived", "num_participants", "participants", "created_at", "config_name");

    private final String source;
    private final Function<String, ParticipantLabelFile> labelFiles;
    private final Set<String> installedApps;

    /**
     * @param source        where the settings came from, for messages
     * @param labelFiles    resolves a {@code participant_label_file} value (relative to the settings file)
     * @param installedApps names of the apps Arbor found
     */
    public SettingsLoader(String source, Function<String, ParticipantLabelFile> labelFiles,
            Set<String> installedApps) {
        this.source = source;
        this.labelFiles = labelFiles;
        this.installedApps = installedApps;
    }

    public Settings load(String json) {
        JsonObject root = parse(json);
        for (String key : root.keySet()) {
            if (!TOP_LEVEL.contains(key) && !IGNORED.contains(key)) {
                throw fail("unknown setting \"" + key + "\". Known settings: " + new java.util.TreeSet<>(TOP_LEVEL)
                        + "; accepted but not used: " + new java.util.TreeSet<>(IGNORED));
            }
        }
        List<String> participantFields = names(root, "PARTICIPANT_FIELDS", RESERVED_PARTICIPANT);
        List<String> sessionFields = names(root, "SESSION_FIELDS", RESERVED_SESSION);
        return new Settings(source, sessionConfigs(root), rooms(root), participantFields, sessionFields,
                currency(root), project(root));
    }

    private ProjectSettings project(JsonObject root) {
        ProjectSettings defaults = ProjectSettings.defaults();
        Optional<String> secret = root.containsKey("SECRET_KEY")
                ? Optional.of(string(root, "SECRET_KEY", "settings")).filter(s -> !s.isEmpty()) : Optional.empty();
        String user = root.containsKey("ADMIN_USERNAME")
                ? string(root, "ADMIN_USERNAME", "settings").strip() : defaults.adminUsername();
        if (user.isEmpty()) {
            throw fail("ADMIN_USERNAME is undefined (an empty string); leave it out for \"admin\"");
        }
        String language = root.containsKey("LANGUAGE_CODE")
                ? string(root, "LANGUAGE_CODE", "settings") : defaults.languageCode();
        if (!LANGUAGE.matcher(language).matches()) {
            throw fail("LANGUAGE_CODE must be a language code such as \"en\" or \"de\", got \"" + language + "\"");
        }
        String title = root.containsKey("DEMO_PAGE_TITLE")
                ? string(root, "DEMO_PAGE_TITLE", "settings") : defaults.demoPageTitle();
        String intro = root.containsKey("DEMO_PAGE_INTRO_HTML")
                ? string(root, "DEMO_PAGE_INTRO_HTML", "settings") : defaults.demoPageIntroHtml();
        List<String> ignored = root.keySet().stream().filter(IGNORED::contains).sorted().toList();
        return new ProjectSettings(secret, user, language, title, intro, ignored);
    }

    private JsonObject parse(String json) {
        try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw fail("the file must hold one JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw fail("not valid JSON: " + e.getMessage());
        }
    }

    private Map<String, SessionConfig> sessionConfigs(JsonObject root) {
        JsonObject defaults = object(root, "SESSION_CONFIG_DEFAULTS", "SESSION_CONFIG_DEFAULTS");
        JsonArray configs = array(root, "SESSION_CONFIGS");
        Map<String, SessionConfig> result = new LinkedHashMap<>();
        for (JsonValue entry : configs) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                throw fail("each entry of SESSION_CONFIGS must be an object, got " + entry);
            }
            SessionConfig config = sessionConfig(defaults, entry.asJsonObject());
            if (result.putIfAbsent(config.name(), config) != null) {
                throw fail("Duplicate SESSION_CONFIG name: " + config.name());
            }
        }
        return result;
    }

    private SessionConfig sessionConfig(JsonObject defaults, JsonObject entry) {
        JsonObjectBuilder merged = Jsonp.createObjectBuilder();
        merged.add("real_world_currency_per_point", BigDecimal.ONE);
        merged.add("participation_fee", BigDecimal.ZERO);
        defaults.forEach(merged::add);
        entry.forEach(merged::add);
        JsonObject values = merged.build();

        String name = string(values, "name", "settings.SESSION_CONFIGS");
        if (!NAME.matcher(name).matches()) {
            throw fail("settings.SESSION_CONFIGS: name \"" + name
                    + "\" can only contain letters, numbers, and underscores (_)");
        }
        String where = "settings.SESSION_CONFIGS \"" + name + "\"";
        String displayName = values.containsKey("display_name") ? string(values, "display_name", where) : name;
        String doc = values.containsKey("doc") ? string(values, "doc", where) : "";

        List<String> appSequence = strings(values, "app_sequence", where);
        if (appSequence.isEmpty()) {
            throw fail(where + ": app_sequence must name at least one app");
        }
        if (new HashSet<>(appSequence).size() != appSequence.size()) {
            throw fail("settings.SESSION_CONFIGS: app_sequence of \"" + name + "\" must not contain duplicate"
                    + " elements. If you want multiple rounds, you should set num_rounds.");
        }
        for (String app : appSequence) {
            if (!installedApps.contains(app)) {
                throw fail(where + ": app \"" + app + "\" in app_sequence is not an installed app. Installed apps: "
                        + new java.util.TreeSet<>(installedApps));
            }
        }
        Integer numDemo = null;
        if (values.containsKey("num_demo_participants")) {
            numDemo = positiveInt(values, "num_demo_participants", where);
        }
        nonNegativeNumber(values, "participation_fee", where);
        nonNegativeNumber(values, "real_world_currency_per_point", where);

        JsonObjectBuilder complete = Jsonp.createObjectBuilder(values)
                .add("display_name", displayName)
                .add("doc", doc);
        return new SessionConfig(name, displayName, List.copyOf(appSequence), numDemo, doc, complete.build());
    }

    private Map<String, RoomConfig> rooms(JsonObject root) {
        Map<String, RoomConfig> rooms = new LinkedHashMap<>();
        if (!root.containsKey("ROOMS")) {
            return rooms;
        }
        for (JsonValue entry : array(root, "ROOMS")) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                throw fail("each entry of ROOMS must be an object, got " + entry);
            }
            JsonObject room = entry.asJsonObject();
            String name = string(room, "name", "settings.ROOMS");
            if (!NAME.matcher(name).matches()) {
                throw fail("settings.ROOMS room name \"" + name
                        + "\" can only contain letters, numbers, and underscores (_)");
            }
            String where = "Room \"" + name + "\"";
            for (String key : room.keySet()) {
                if (!ROOM_KEYS.contains(key)) {
                    throw fail(where + ": unknown key \"" + key + "\". Known keys: " + new java.util.TreeSet<>(ROOM_KEYS));
                }
            }
            String displayName = string(room, "display_name", where);
            Optional<ParticipantLabelFile> labelFile = Optional.empty();
            if (room.containsKey("participant_label_file") && !room.isNull("participant_label_file")) {
                String fileName = string(room, "participant_label_file", where);
                try {
                    ParticipantLabelFile file = labelFiles.apply(fileName);
                    file.read(); // fail at start-up, not at the first participant
                    labelFile = Optional.of(file);
                } catch (SettingsException e) {
                    throw fail(where + ": " + e.getMessage());
                }
            }
            boolean secure = room.containsKey("use_secure_urls") && bool(room, "use_secure_urls", where);
            if (secure && labelFile.isEmpty()) {
                throw fail(where + ": you must either set participant_label_file, or set use_secure_urls=False");
            }
            if (rooms.putIfAbsent(name, new RoomConfig(name, displayName, labelFile, secure)) != null) {
                throw fail("settings.ROOMS: duplicate room name \"" + name + "\"");
            }
        }
        return rooms;
    }

    private List<String> names(JsonObject root, String setting, Set<String> reserved) {
        if (!root.containsKey(setting)) {
            return List.of();
        }
        List<String> names = strings(root, setting, "settings");
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw fail(setting + ": \"" + name + "\" can only contain letters, numbers, and underscores (_)");
            }
            if (reserved.contains(name)) {
                throw fail(setting + " cannot contain \"" + name + "\" because that name is reserved.");
            }
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw fail(setting + " must not contain duplicates: " + names);
        }
        return List.copyOf(names);
    }

    private CurrencySettings currency(JsonObject root) {
        String code = root.containsKey("REAL_WORLD_CURRENCY_CODE")
                ? string(root, "REAL_WORLD_CURRENCY_CODE", "settings") : "USD";
        if (!code.matches("[A-Z]{3}")) {
            throw fail("REAL_WORLD_CURRENCY_CODE must be a 3-letter ISO 4217 code such as USD or EUR, got \"" + code + "\"");
        }
        int places = root.containsKey("REAL_WORLD_CURRENCY_DECIMAL_PLACES")
                ? nonNegativeInt(root, "REAL_WORLD_CURRENCY_DECIMAL_PLACES")
                : CurrencySettings.defaultDecimalPlaces(code);
        boolean usePoints = !root.containsKey("USE_POINTS") || bool(root, "USE_POINTS", "settings");
        int pointsPlaces = root.containsKey("POINTS_DECIMAL_PLACES")
                ? nonNegativeInt(root, "POINTS_DECIMAL_PLACES") : 0;
        return new CurrencySettings(code, places, usePoints, pointsPlaces);
    }

    // --- typed reads with clear messages ---

    private JsonObject object(JsonObject parent, String key, String where) {
        if (!parent.containsKey(key)) {
            return Jsonp.createObjectBuilder().build();
        }
        JsonValue value = parent.get(key);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw fail(where + " must be an object, got " + value);
        }
        return value.asJsonObject();
    }

    private JsonArray array(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        if (value == null) {
            throw fail(key + " is missing");
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw fail(key + " must be a list, got " + value);
        }
        return value.asJsonArray();
    }

    private String string(JsonObject parent, String key, String where) {
        JsonValue value = parent.get(key);
        if (value == null) {
            throw fail(where + ": \"" + key + "\" is required");
        }
        if (!(value instanceof JsonString text)) {
            throw fail(where + ": \"" + key + "\" must be a string, got " + value);
        }
        return text.getString();
    }

    private List<String> strings(JsonObject parent, String key, String where) {
        JsonValue value = parent.get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw fail(where + ": \"" + key + "\" must be a list of strings, got " + value);
        }
        List<String> result = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString text)) {
                throw fail(where + ": \"" + key + "\" must be a list of strings, got " + value);
            }
            result.add(text.getString());
        }
        return result;
    }

    private boolean bool(JsonObject parent, String key, String where) {
        JsonValue value = parent.get(key);
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw fail(where + ": \"" + key + "\" must be true or false, got " + value);
        }
        return value == JsonValue.TRUE;
    }

    private int positiveInt(JsonObject parent, String key, String where) {
        JsonValue value = parent.get(key);
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.bigDecimalValue().signum() <= 0
                || number.bigDecimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw fail(where + ": \"" + key + "\" must be a positive whole number, got " + value);
        }
        return number.intValue();
    }

    private int nonNegativeInt(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.bigDecimalValue().signum() < 0
                || number.bigDecimalValue().compareTo(BigDecimal.TEN) > 0) {
            throw fail(key + " must be a whole number from 0 to 10, got " + value);
        }
        return number.intValue();
    }

    private void nonNegativeNumber(JsonObject parent, String key, String where) {
        JsonValue value = parent.get(key);
        if (!(value instanceof JsonNumber number) || number.bigDecimalValue().signum() < 0) {
            throw fail(where + ": \"" + key + "\" must be a number of at least 0, got " + value);
        }
    }

    private SettingsException fail(String message) {
        return new SettingsException("Arbor settings (" + source + "): " + message);
    }
}
