package org.arborlab.control.settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.ServerEnvironment;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the settings file once at start-up: {@code ARBOR_SETTINGS} if set, else {@code arbor/settings.json} from
 * the classpath (a study project's apps jar carries it), else none (no session configs). A wrong file (or a wrong {@code OTREE_AUTH_LEVEL}) stops the deployment with a clear message.
 * The settings never change after start-up, so readers take no lock: the container's default write lock made
 * every request queue behind every other one (a fair lock, several calls per request).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SettingsService {
    static final String DEFAULT_RESOURCE = "arbor/settings.json";
    private static final Logger LOG = Logger.getLogger(SettingsService.class.getName());

    @Inject
    @ConfigProperty(name = "ARBOR_SETTINGS")
    Optional<String> settingsFile;

    @Inject
    AppRegistry apps;

    @Inject
    ServerEnvironment environment;

    private volatile Settings settings;

    /** Marks the one line that says why Arbor did not start; deploy/run shows it. */
    public static final String START_UP_ERROR = "Arbor cannot start: ";

    @PostConstruct
    void load() {
        try {
            environment.authLevel(); // validates OTREE_AUTH_LEVEL now, not at the first request
            settings = settingsFile.filter(f -> !f.isBlank())
                    .map(f -> fromFile(Path.of(f).toAbsolutePath()))
                    .orElseGet(this::fromDefault);
        } catch (SettingsException | IllegalArgumentException e) {
            LOG.severe(START_UP_ERROR + e.getMessage());
            throw e;
        }
        warnAboutUnused(settings.project());
        LOG.info(() -> "Arbor settings loaded from " + settings.source() + ": " + settings.sessionConfigs().size()
                + " session configs, " + settings.rooms().size() + " rooms");
    }

    /** Settings Arbor accepts but does not use are said once, here, rather than silently dropped. */
    private static void warnAboutUnused(ProjectSettings project) {
        for (String name : project.ignored()) {
            LOG.warning(() -> "Arbor settings: " + name + " is an oTree setting that Arbor ignores"
                    + (name.equals("ADMIN_PASSWORD") ? " (set OTREE_ADMIN_PASSWORD instead)" : ""));
        }
        if (!project.locale().getLanguage().equals(project.languageCode().split("[-_]")[0].toLowerCase())) {
            LOG.warning(() -> "Arbor settings: LANGUAGE_CODE " + project.languageCode() + " has no translation of"
                    + " Arbor's built-in texts (there are " + ProjectSettings.TRANSLATED + "); they stay in English");
        }
    }

    public Settings settings() {
        return settings;
    }

    private Settings fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SettingsException("ARBOR_SETTINGS points to " + file + ", which is not a file");
        }
        Path dir = file.getParent();
        SettingsLoader loader = new SettingsLoader(file.toString(),
                name -> labelFileOnDisk(dir, name), apps.all().keySet());
        try {
            return loader.load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SettingsException("Cannot read ARBOR_SETTINGS file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ParticipantLabelFile labelFileOnDisk(Path dir, String name) {
        Path path = dir.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new SettingsException("Participant label file " + path + " does not exist");
        }
        return ParticipantLabelFile.onDisk(path);
    }

    private Settings fromDefault() {
        SettingsLoader loader = new SettingsLoader("classpath:" + DEFAULT_RESOURCE,
                name -> ParticipantLabelFile.resource("arbor/" + name), apps.all().keySet());
        try (InputStream in = SettingsService.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                // Arbor alone, without a study project's jar (which carries arbor/settings.json): no session configs
                LOG.warning(() -> "Arbor settings: no " + DEFAULT_RESOURCE + " on the classpath (a study project's"
                        + " apps jar carries it) and ARBOR_SETTINGS is not set: no session configs, no rooms");
                return new SettingsLoader("none", name -> ParticipantLabelFile.resource("arbor/" + name),
                        apps.all().keySet()).load("{\"SESSION_CONFIGS\": []}");
            }
            return loader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
