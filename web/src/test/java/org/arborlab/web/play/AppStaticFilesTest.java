package org.arborlab.web.play;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppStaticFilesTest {

    @Test
    void onlyPlainRelativePathsAreServed() {
        for (String ok : new String[] {"guess/logo.png", "arbor-admin.css", "trust/img/a_b-1.svg"}) {
            assertTrue(AppStaticFiles.SAFE.matcher(ok).matches(), ok);
        }
        for (String bad : new String[] {"", "../secret", "guess/../../x", ".hidden", "a/.env", "/abs", "a//b",
                "a\\b", "a b", "guess/"}) {
            assertFalse(AppStaticFiles.SAFE.matcher(bad).matches(), bad);
        }
    }
}
