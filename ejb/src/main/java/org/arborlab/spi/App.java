package org.arborlab.spi;

/**
 * An experiment app: a name, how many players form a group, and how many rounds it has.
 *
 * <p>Subclass it and annotate the subclass {@code @ApplicationScoped}. The page sequence, fields and hooks of the
 * experiment engine build on this class.
 */
public abstract class App {

    /** The app's name as used in {@code app_sequence} and in export column names; letters, digits, _. */
    public abstract String name();

    /** Players per group, or 0 for one group of all players (oTree's {@code None}). */
    public int playersPerGroup() {
        return 0;
    }

    /** Number of rounds, at least 1. */
    public int numRounds() {
        return 1;
    }

    /** A short description, shown on the session's Description tab and in {@code GET /api/apps}. */
    public String doc() {
        return "";
    }
}
