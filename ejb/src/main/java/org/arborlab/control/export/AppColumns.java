package org.arborlab.control.export;

import java.util.List;

/** An app's own fields, in declaration order, as the export's columns. */
public record AppColumns(String app, List<String> playerFields, List<String> groupFields,
        List<String> subsessionFields) {

    /** An app that is in the data but no longer installed: only the built-in columns. */
    public static AppColumns builtInOnly(String app) {
        return new AppColumns(app, List.of(), List.of(), List.of());
    }
}
