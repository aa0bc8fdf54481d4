package org.arborlab.deploy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Field;
import org.arborlab.spi.FormModel;
import org.arborlab.spi.Page;
import org.arborlab.spi.WaitPage;

/**
 * A test app that counts how often its wait pages release: a hook that ran twice would show 2. Each player also
 * writes a different field of the group on the same page, to show that simultaneous writes all survive.
 */
@ApplicationScoped
public class CountingGame extends App<CountingGame.Player, CountingGame.Group, CountingGame.Subsession> {

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public int playersPerGroup() {
        return 3;
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
        public Integer releases;
    }

    public static class Group extends BaseGroup<Player, Subsession> {
        public Integer releases;
        public Integer total;
        @Field(min = "0")
        public Integer noteA;
        @Field(min = "0")
        public Integer noteB;
        @Field(min = "0")
        public Integer noteC;
    }

    public static class Player extends BasePlayer<Group, Subsession> {
        @Field(min = "0", max = "1000")
        public Integer number;
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Decide(), new Note(), new Gather(), new Everyone(), new Done());
    }

    static class Decide extends Page<Player> {
        Decide() {
            form("number");
        }
    }

    /** Player 1 writes noteA, player 2 noteB, player 3 noteC: three writers of one group row. */
    static class Note extends Page<Player> {
        Note() {
            form(FormModel.GROUP);
        }

        @Override
        public List<String> formFields(Player player) {
            return List.of("note" + "ABC".charAt(player.idInGroup() - 1));
        }
    }

    static class Gather extends WaitPage<Player, Group, Subsession> {
        @Override
        public void afterAllPlayersArrive(Group group) {
            group.releases = group.releases == null ? 1 : group.releases + 1;
            group.total = group.players().stream().mapToInt(p -> p.number).sum();
        }
    }

    static class Everyone extends WaitPage<Player, Group, Subsession> {
        @Override
        public boolean waitForAllGroups() {
            return true;
        }

        @Override
        public void afterAllPlayersArrive(Subsession subsession) {
            subsession.releases = subsession.releases == null ? 1 : subsession.releases + 1;
        }
    }

    static class Done extends Page<Player> {
    }
}
