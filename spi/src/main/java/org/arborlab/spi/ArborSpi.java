package org.arborlab.spi;

/**
 * The version of this SPI, apart from Arbor's own version. It follows semantic versioning: a new minor version
 * only adds (an app written against 1.0 compiles and runs unchanged on every 1.x); only a new major version removes
 * or changes something an app uses. See the package documentation for what the promise covers.
 */
public final class ArborSpi {

    /** This SPI's version, {@code major.minor.patch}. */
    public static final String VERSION = "1.1.0";

    /** The major version: apps written against another major version may need changes. */
    public static final int MAJOR = 1;

    /** The minor version: additions since {@code MAJOR.0} (1.1: extra models, {@link ExtraModel}). */
    public static final int MINOR = 1;

    private ArborSpi() {
    }
}
