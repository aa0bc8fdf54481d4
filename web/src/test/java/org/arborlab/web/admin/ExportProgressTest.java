package org.arborlab.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExportProgressTest {

    @Test
    void aDownloadIsTrackedUnderItsIdUntilItEnds() {
        ExportProgress progress = new ExportProgress();
        ExportProgress.Download download = progress.start("0f8fad5b-d9cb-469f-a165-70867728950e").orElseThrow();
        download.rows(1_000);
        ExportProgress.Download seen = progress.find("0f8fad5b-d9cb-469f-a165-70867728950e").orElseThrow();
        assertEquals(1_000, seen.rows());
        assertFalse(seen.done());
        download.end(true);
        assertTrue(seen.done());
        assertTrue(seen.failed());
    }

    @Test
    void idsThatAreNotWellFormedKeepNoProgress() {
        ExportProgress progress = new ExportProgress();
        for (String id : new String[] {null, "", "short", "has space in it", "x".repeat(65), "<script>xx</script>"}) {
            assertTrue(progress.start(id).isEmpty(), String.valueOf(id));
        }
        assertTrue(progress.find("never-started").isEmpty());
        assertTrue(progress.find(null).isEmpty());
    }
}
