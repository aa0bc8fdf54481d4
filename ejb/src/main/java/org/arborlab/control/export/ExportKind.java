package org.arborlab.control.export;

/** Which table: all apps wide, one app, page times, or an app's custom export. */
public enum ExportKind {
    WIDE("wide"), APP("app"), PAGE_TIMES("page_times"), CUSTOM("custom");

    private final String parameter;

    ExportKind(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static ExportKind parse(String text) {
        for (ExportKind kind : values()) {
            if (kind.parameter.equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind must be wide, app, page_times or custom, got \"" + text + "\"");
    }
}
