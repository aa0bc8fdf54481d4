package org.arborlab.control.admin;

import java.math.BigDecimal;
import java.util.List;

/**
 * A session as its tabs' header and the Description and Edit tabs show it.
 *
 * @param room the room the session is bound to, or null
 * @param reportApps the apps with an admin report (the Report tab shows when there is one)
 */
public record SessionInfo(String code, String configName, String configDisplayName, String label, String comment,
        boolean demo, boolean archived, int numParticipants, long createdEpochMillis, String room, String doc,
        List<AppRounds> apps, List<String> reportApps, BigDecimal participationFee,
        BigDecimal realWorldCurrencyPerPoint) {

    /** An app of the sequence: "trust (1 round)". */
    public record AppRounds(String name, int rounds, String doc) {

        public String title() {
            return name + " (" + rounds + (rounds == 1 ? " round)" : " rounds)");
        }
    }

    public boolean hasReport() {
        return !reportApps.isEmpty();
    }
}
