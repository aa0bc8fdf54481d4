package org.arborlab.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Saves an export response to disk through a temporary file, so no half-written file is ever left behind. */
final class ExportDownload {

    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)",
            Pattern.CASE_INSENSITIVE);

    /** The server's last line when a CSV export failed after it had begun (Arbor's ExportFormat.FAILED). */
    static final String FAILED = "ARBOR EXPORT FAILED";
    private static final int TAIL = 400;

    private ExportDownload() {
    }

    /**
     * Network read failures stay IOExceptions (the download is repeated); local write failures become
     * UncheckedIOException, because repeating the download would not fix a full disk.
     */
    static Path save(HttpResponse<InputStream> response, Path target, String fallbackName) throws IOException {
        Path file = Files.isDirectory(target)
                ? target.resolve(serverFileName(response).orElse(fallbackName))
                : target;
        Path dir = file.toAbsolutePath().getParent();
        Path partial = local(() -> Files.createTempFile(dir, ".arbor-export-", ".part"));
        boolean done = false;
        try {
            byte[] tail = new byte[0];
            try (OutputStream out = local(() -> Files.newOutputStream(partial))) {
                InputStream in = response.body();
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    int length = n;
                    local(() -> {
                        out.write(buffer, 0, length);
                        return null;
                    });
                    tail = tail(tail, buffer, length);
                }
            }
            String end = new String(tail, StandardCharsets.UTF_8);
            int failed = end.indexOf("\n" + FAILED);
            if (failed >= 0) {
                throw new ArborException("the server could not finish the export: " + end.substring(failed + 1).trim());
            }
            local(() -> Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING));
            done = true;
            return file;
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }

    static String fallbackFileName(String sessionCode, ExportRequest request) {
        String app = request.app() == null ? "" : "-" + request.app();
        return sessionCode + "-" + request.kind().parameter() + app + "." + request.format().parameter();
    }

    /** The name from Content-Disposition, reduced to a bare file name so the server cannot pick the folder. */
    static Optional<String> serverFileName(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Disposition")
                .map(FILENAME::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(2) != null ? m.group(2) : m.group(1))
                .map(name -> name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1))
                .filter(name -> !name.isBlank() && !name.equals(".") && !name.equals(".."));
    }

    /** The last {@value #TAIL} bytes read so far. */
    private static byte[] tail(byte[] tail, byte[] buffer, int length) {
        int keep = Math.min(TAIL, tail.length + length);
        byte[] next = new byte[keep];
        int fromBuffer = Math.min(length, keep);
        int fromTail = keep - fromBuffer;
        System.arraycopy(tail, tail.length - fromTail, next, 0, fromTail);
        System.arraycopy(buffer, length - fromBuffer, next, fromTail, fromBuffer);
        return next;
    }

    private interface LocalIo<T> {
        T run() throws IOException;
    }

    private static <T> T local(LocalIo<T> io) {
        try {
            return io.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
