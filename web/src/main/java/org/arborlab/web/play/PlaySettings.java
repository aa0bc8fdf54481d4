package org.arborlab.web.play;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Participant-page settings. {@code ARBOR_PARTICIPANT_PAGE_SNIPPET} names an HTML file added to the bottom of
 * every participant page (e.g. a chat widget's embedding code, as oTree's docs suggest for Papercups).
 */
@ApplicationScoped
public class PlaySettings {
    private static final Logger LOG = Logger.getLogger(PlaySettings.class.getName());

    @Inject
    @ConfigProperty(name = "ARBOR_PARTICIPANT_PAGE_SNIPPET")
    Optional<String> snippetFile;

    private String snippet = "";

    @PostConstruct
    void load() {
        snippetFile.filter(f -> !f.isBlank()).ifPresent(file -> {
            try {
                snippet = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warning(() -> "ARBOR_PARTICIPANT_PAGE_SNIPPET " + file + " cannot be read: " + e.getMessage());
            }
        });
    }

    public String participantPageSnippet() {
        return snippet;
    }
}
