package org.arborlab.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.arborlab.web.cluster.Grid;
import org.arborlab.web.cluster.SharedMap;
import org.junit.jupiter.api.Test;

class ExportProgressTest {
    private static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SharedMap shared = Grid.alone().map("export-progress");

    @Test
    void aDownloadIsTrackedUnderItsIdUntilItEnds() {
        ExportProgress progress = new ExportProgress(shared, now::get);
        ExportProgress.Download download = progress.start(ID).orElseThrow();
        assertEquals(new ExportProgress.Status(0, false, false), progress.find(ID).orElseThrow());
        now.addAndGet(ExportProgress.SHARE_EVERY_MILLIS);
        download.rows(1_000);
        assertEquals(new ExportProgress.Status(1_000, false, false), progress.find(ID).orElseThrow());
        download.end(true);
        ExportProgress.Status ended = progress.find(ID).orElseThrow();
        assertTrue(ended.done());
        assertTrue(ended.failed());
    }

    @Test
    void anotherInstanceSeesTheProgressSharedEveryFifthOfASecond() {
        ExportProgress writer = new ExportProgress(shared, now::get);
        ExportProgress reader = new ExportProgress(shared, now::get);
        ExportProgress.Download download = writer.start(ID).orElseThrow();
        now.addAndGet(50);
        download.rows(10);
        assertEquals(0, reader.find(ID).orElseThrow().rows(), "not shared again within 200 ms");
        now.addAndGet(ExportProgress.SHARE_EVERY_MILLIS);
        download.rows(20);
        assertEquals(20, reader.find(ID).orElseThrow().rows());
        download.end(false);
        assertEquals(new ExportProgress.Status(20, true, false), reader.find(ID).orElseThrow());
    }

    @Test
    void idsThatAreNotWellFormedKeepNoProgress() {
        ExportProgress progress = new ExportProgress(shared, now::get);
        for (String id : new String[] {null, "", "short", "has space in it", "x".repeat(65), "<script>xx</script>"}) {
            assertTrue(progress.start(id).isEmpty(), String.valueOf(id));
        }
        assertTrue(progress.find("never-started").isEmpty());
        assertTrue(progress.find(null).isEmpty());
        assertFalse(progress.find(ID).isPresent());
    }
}
