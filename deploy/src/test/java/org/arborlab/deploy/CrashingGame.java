package org.arborlab.deploy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Page;

/** A test app whose first page fails when submitted: the participant's error page, in and outside production. */
@ApplicationScoped
public class CrashingGame extends App<CrashingGame.Player, CrashingGame.Group, CrashingGame.Subsession> {
    /** The message of the app's failure. */
    static final String MESSAGE = "the app failed on purpose";

    @Override
    public String name() {
        return "crashing";
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {
    }

    public static class Player extends BasePlayer<Group, Subsession> {
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Crash(), new Never());
    }

    static class Crash extends Page<Player> {
        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            throw new IllegalStateException(MESSAGE + " <b>"); // line 40, shown outside production
        }
    }

    static class Never extends Page<Player> {
    }
}
