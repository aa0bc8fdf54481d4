package org.arborlab.control;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Arbor's settings as the server environment gives them, readable at any time: a system property (a JVM option
 * such as {@code -DDATABASE_URL=...}) wins over an environment variable, and MicroProfile Config is asked last,
 * only when the server has it ready. The data source needs its settings while JPA prepares the application,
 * before CDI and MicroProfile Config are up on some servers (GlassFish registers its Config implementation only
 * when the application loads; WildFly and Open Liberty may run without one), so it must not depend on them.
 */
public final class Configuration {

    private Configuration() {
    }

    /** The value of {@code name}, empty when unset. */
    public static Optional<String> value(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        if (value == null) {
            value = fromMicroProfile(name);
        }
        return Optional.ofNullable(value);
    }

    /** A whole number of at least {@code min}; a bad value stops start-up with a message naming the setting. */
    public static int integer(String name, int defaultValue, int min) {
        Optional<String> raw = value(name).map(String::strip).filter(v -> !v.isEmpty());
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least " + min + ", not \""
                + raw.get() + "\"");
    }

    private static String fromMicroProfile(String name) {
        try {
            return ConfigProvider.getConfig(Configuration.class.getClassLoader())
                    .getOptionalValue(name, String.class).orElse(null);
        } catch (IllegalStateException | LinkageError e) {
            // no MicroProfile Config on this server, or not registered yet: environment and JVM options only
            return null;
        }
    }
}
