package org.arborlab.control.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A room's participant label file: labels separated by whitespace, each letters, digits or underscores;
 * duplicates are dropped keeping the first (oTree's rules). It is a file on disk, or a resource inside the
 * application for the shipped default settings.
 */
public final class ParticipantLabelFile {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]+");

    private final String description;
    private final Path path;
    private final String resource;

    private ParticipantLabelFile(String description, Path path, String resource) {
        this.description = description;
        this.path = path;
        this.resource = resource;
    }

    public static ParticipantLabelFile onDisk(Path path) {
        return new ParticipantLabelFile(path.toString(), path, null);
    }

    public static ParticipantLabelFile resource(String resource) {
        return new ParticipantLabelFile("classpath:" + resource, null, resource);
    }

    public String description() {
        return description;
    }

    /** The labels in file order, without duplicates. */
    public List<String> read() {
        return parse(text(), description);
    }

    static List<String> parse(String text, String description) {
        Set<String> labels = new LinkedHashSet<>();
        for (String token : text.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!LABEL.matcher(token).matches()) {
                throw new SettingsException("Participant label file " + description + ": label \"" + token
                        + "\" can only contain letters, numbers, and underscores (_)");
            }
            labels.add(token);
        }
        return new ArrayList<>(labels);
    }

    private String text() {
        try {
            if (path != null) {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
            try (InputStream in = ParticipantLabelFile.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new SettingsException("Participant label file " + description + " does not exist");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read participant label file " + description, e);
        }
    }
}
