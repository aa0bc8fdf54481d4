package org.arborlab.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArborSpiTest {

    @Test
    void versionConstantsAgreeWithEachOtherAndTheBuild() {
        assertEquals(ArborSpi.MAJOR + "." + ArborSpi.MINOR, ArborSpi.VERSION.substring(0,
                ArborSpi.VERSION.lastIndexOf('.')));
        // the jar's manifest (Specification-Version) is written from this build property
        assertEquals(System.getProperty("arbor.spi.version"), ArborSpi.VERSION);
    }
}
