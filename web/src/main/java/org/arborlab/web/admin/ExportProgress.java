package org.arborlab.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.arborlab.web.cluster.Grid;
import org.arborlab.web.cluster.SharedMap;

/**
 * Rows written so far by the downloads the Data page started, keyed by an id the page chose, so that it can show
 * progress while an .xlsx is still being assembled (a CSV's rows the page counts itself as they arrive). Kept
 * in a map all instances share (see {@link Grid}), so the page sees the progress whichever instance answers its
 * question; the instance that writes the file shares its count at most every {@value #SHARE_EVERY_MILLIS} ms.
 */
@ApplicationScoped
public class ExportProgress {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    static final long SHARE_EVERY_MILLIS = 200;
    /** Ended downloads are kept ten minutes for a last look; a forgotten one a day. */
    private static final Duration KEEP_ENDED = Duration.ofMinutes(10);
    private static final Duration KEEP_RUNNING = Duration.ofDays(1);

    @Inject
    Grid grid;

    private SharedMap downloads;
    private LongSupplier clock = System::currentTimeMillis;

    public ExportProgress() {
    }

    ExportProgress(SharedMap downloads, LongSupplier clock) {
        this.downloads = downloads;
        this.clock = clock;
    }

    @PostConstruct
    void join() {
        downloads = grid.map("export-progress");
    }

    /** What a download's page is told: rows written (header included), whether it ended, whether it failed. */
    public record Status(long rows, boolean done, boolean failed) {
        String encode() {
            return rows + " " + done + " " + failed;
        }

        static Status decode(String value) {
            String[] parts = value.split(" ");
            return new Status(Long.parseLong(parts[0]), Boolean.parseBoolean(parts[1]), Boolean.parseBoolean(parts[2]));
        }
    }

    /** A running download: its writer reports rows, the shared map hears of them now and then. */
    public final class Download {
        private final String id;
        private long rows;
        private long sharedAt;

        private Download(String id) {
            this.id = id;
            share(new Status(0, false, false));
        }

        void rows(long rows) {
            this.rows = rows;
            long now = clock.getAsLong();
            if (now - sharedAt >= SHARE_EVERY_MILLIS) {
                share(new Status(rows, false, false));
            }
        }

        void end(boolean failed) {
            share(new Status(rows, true, failed));
        }

        private void share(Status status) {
            sharedAt = clock.getAsLong();
            downloads.put(id, status.encode(), status.done() ? KEEP_ENDED : KEEP_RUNNING);
        }
    }

    /** A new download under this id, or none if the id is not well-formed (then no progress is kept). */
    Optional<Download> start(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Download(id));
    }

    /** The download's last shared status, from whichever instance runs it. */
    Optional<Status> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(downloads.get(id)).map(Status::decode);
    }
}
