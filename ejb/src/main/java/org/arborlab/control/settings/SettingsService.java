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
import org.arborlab.control.AppRegistry;
import org.arborlab.control.ServerEnvironment;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the settings file once at start-up: {@code ARBOR_SETTINGS} if set, else the default shipped inside the
 * application. A wrong file (or a wrong {@code OTREE_AUTH_LEVEL}) stops the deployment with a clear message.
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
        LOG.info(() -> "Arbor settings loaded from " + settings.source() + ": " + settings.sessionConfigs().size()
                + " session configs, " + settings.rooms().size() + " rooms");
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
                throw new SettingsException("The default settings " + DEFAULT_RESOURCE + " are missing from the build");
            }
            return loader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
