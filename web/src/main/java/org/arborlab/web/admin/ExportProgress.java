package org.arborlab.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Rows written so far by the downloads the Data page started, keyed by an id the page chose, so that it can show
 * progress while an .xlsx is still being assembled (a CSV's rows the page counts itself as they arrive). Kept
 * in memory: behind a load balancer without sticky sessions the page simply sees no progress for an .xlsx.
 */
@ApplicationScoped
public class ExportProgress {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final long KEEP_MILLIS = 10 * 60_000;

    /** A download's state: rows written (header included), and when it ended (0 while it runs). */
    public static final class Download {
        private volatile long rows;
        private volatile long endedAt;
        private volatile boolean failed;
        private final long startedAt = System.currentTimeMillis();

        public long rows() {
            return rows;
        }

        public boolean done() {
            return endedAt != 0;
        }

        public boolean failed() {
            return failed;
        }

        void rows(long rows) {
            this.rows = rows;
        }

        void end(boolean failed) {
            this.failed = failed;
            this.endedAt = System.currentTimeMillis();
        }
    }

    private final Map<String, Download> downloads = new ConcurrentHashMap<>();

    /** A new download under this id, or none if the id is not well-formed (then no progress is kept). */
    Optional<Download> start(String id) {
        expire();
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Download download = new Download();
        downloads.put(id, download);
        return Optional.of(download);
    }

    Optional<Download> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(downloads.get(id));
    }

    /** Ended downloads are kept ten minutes for a last look; a forgotten one after a day. */
    private void expire() {
        long now = System.currentTimeMillis();
        downloads.values().removeIf(d -> d.done() ? now - d.endedAt > KEEP_MILLIS : now - d.startedAt > 86_400_000L);
    }
}
