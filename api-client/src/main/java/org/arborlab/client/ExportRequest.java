package org.arborlab.client;

import java.util.Locale;
import java.util.Objects;

/**
 * Which data export of a session to download. Use the factories; {@code app} is required exactly for
 * {@link Kind#APP} and {@link Kind#CUSTOM}.
 */
public record ExportRequest(Kind kind, Format format, String app) {

    public enum Kind {
        WIDE, APP, PAGE_TIMES, CUSTOM;

        /** The query parameter value: wide, app, page_times, custom. */
        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Format {
        CSV, XLSX;

        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ExportRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        boolean needsApp = kind == Kind.APP || kind == Kind.CUSTOM;
        if (needsApp && (app == null || app.isBlank())) {
            throw new IllegalArgumentException("the " + kind.parameter() + " export needs an app name");
        }
        if (!needsApp && app != null) {
            throw new IllegalArgumentException("the " + kind.parameter() + " export takes no app name");
        }
    }

    public static ExportRequest wide(Format format) {
        return new ExportRequest(Kind.WIDE, format, null);
    }

    public static ExportRequest app(String app, Format format) {
        return new ExportRequest(Kind.APP, format, app);
    }

    public static ExportRequest pageTimes(Format format) {
        return new ExportRequest(Kind.PAGE_TIMES, format, null);
    }

    public static ExportRequest custom(String app, Format format) {
        return new ExportRequest(Kind.CUSTOM, format, app);
    }
}
