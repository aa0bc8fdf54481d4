package org.arborlab.control.engine.runtime;

import java.util.Map;

/** A wait page as shown: who waits where, and the text. */
public record WaitView(String participantCode, String sessionCode, String appName, String pageName, int pageIndex,
        int roundNumber, String title, String body, int arrived, int expected, Map<String, String> debug) {

    public String marker() {
        return appName + "/" + roundNumber + "/" + pageName + "/" + pageIndex;
    }

    public String path() {
        return Links.page(participantCode, appName, pageName, pageIndex);
    }
}
