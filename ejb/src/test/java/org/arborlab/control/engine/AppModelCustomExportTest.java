package org.arborlab.control.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arborlab.apps.publicgoods.PublicGoods;
import org.arborlab.apps.trust.Trust;
import org.junit.jupiter.api.Test;

/** An app has a custom export exactly when it overrides {@code customExport}, as with the admin report. */
class AppModelCustomExportTest {

    @Test
    void overridingCustomExportIsDetected() {
        assertTrue(new AppModel(new PublicGoods()).hasCustomExport());
        assertFalse(new AppModel(new Trust()).hasCustomExport());
    }
}
