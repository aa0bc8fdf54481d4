package org.arborlab.web.play;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Development mode's template folders: {@code ARBOR_DEV_SOURCES} (a system property or environment variable) lists
 * folders, separated by the path separator ({@code :} on Linux and macOS), that hold app templates as in the apps'
 * jar, e.g. a study's {@code apps/src/main/resources}. A template found there is served from the file itself, and
 * its URL carries the file's modification time, so an edited file is a new Facelet: the edit shows on the next
 * page load without a rebuild. Unset (production), templates come from the classpath only.
 */
final class DevSources {
    static final String VARIABLE = "ARBOR_DEV_SOURCES";

    private final List<Path> folders;

    DevSources(String value) {
        List<Path> found = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(java.io.File.pathSeparator)) {
                if (!part.isBlank()) {
                    found.add(Path.of(part.trim()).toAbsolutePath().normalize());
                }
            }
        }
        this.folders = List.copyOf(found);
    }

    static DevSources fromEnvironment() {
        String value = System.getProperty(VARIABLE);
        return new DevSources(value != null ? value : System.getenv(VARIABLE));
    }

    boolean active() {
        return !folders.isEmpty();
    }

    /**
     * The file of this classpath resource name in the first folder that has it, as a URL whose fragment is the
     * file's modification time (the fragment changes the URL, not the file read).
     */
    Optional<URL> find(String resourceName) {
        for (Path folder : folders) {
            Path file = folder.resolve(resourceName).normalize();
            if (file.startsWith(folder) && Files.isRegularFile(file)) {
                try {
                    long modified = Files.getLastModifiedTime(file).toMillis();
                    return Optional.of(new URL(file.toUri().toURL(), "#" + modified));
                } catch (java.io.IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
