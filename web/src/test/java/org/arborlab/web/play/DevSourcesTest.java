package org.arborlab.web.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSourcesTest {

    @TempDir
    Path dir;

    @Test
    void anEditedTemplateIsANewUrlThatReadsTheFile() throws Exception {
        Path template = dir.resolve("org/lab/apps/trust/Send.xhtml");
        Files.createDirectories(template.getParent());
        Files.writeString(template, "first");
        Files.setLastModifiedTime(template, FileTime.fromMillis(1_000_000));
        DevSources sources = new DevSources("/nowhere" + java.io.File.pathSeparator + dir);

        URL before = sources.find("org/lab/apps/trust/Send.xhtml").orElseThrow();
        Files.writeString(template, "second");
        Files.setLastModifiedTime(template, FileTime.fromMillis(2_000_000));
        URL after = sources.find("org/lab/apps/trust/Send.xhtml").orElseThrow();

        assertNotEquals(before, after);
        try (InputStream in = after.openStream()) {
            assertEquals("second", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void onlyFilesInsideTheFoldersAreFound() throws Exception {
        Files.writeString(dir.resolve("secret.xhtml"), "x");
        Path inner = Files.createDirectories(dir.resolve("inner"));
        DevSources sources = new DevSources(inner.toString());
        assertTrue(sources.active());
        assertTrue(sources.find("../secret.xhtml").isEmpty());
        assertTrue(sources.find("missing.xhtml").isEmpty());
        assertFalse(new DevSources(null).active());
        assertFalse(new DevSources("").active());
    }
}
