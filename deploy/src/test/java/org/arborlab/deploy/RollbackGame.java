package org.arborlab.deploy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.ExtraModel;
import org.arborlab.spi.Page;

/**
 * A test app whose page creates extra-model records and then, if the participant asks for it, fails: the page's
 * records must then be rolled back with everything else the page wrote.
 */
@ApplicationScoped
public class RollbackGame extends App<RollbackGame.Player, RollbackGame.Group, RollbackGame.Subsession> {
    static final String MESSAGE = "failed after creating records";

    @Override
    public String name() {
        return "rollback";
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {
    }

    public static class Player extends BasePlayer<Group, Subsession> {
        public Boolean fail;
        public Integer written;
    }

    public static class Note extends ExtraModel<Player> {
        public Integer value;
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Write(), new Done());
    }

    static class Write extends Page<Player> {
        Write() {
            form("fail");
        }

        @Override
        public void beforeNextPage(Player player, boolean timeoutHappened) {
            player.create(Note.class).value = 1;
            player.create(Note.class).value = 2;
            player.written = player.filter(Note.class).size();
            if (player.fail) {
                throw new IllegalStateException(MESSAGE);
            }
        }
    }

    static class Done extends Page<Player> {
    }
}
