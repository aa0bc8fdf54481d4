package org.arborlab.deploy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Page;

/**
 * A test app whose first page groups by arrival time, 4 at a time; each new group counts how often its
 * afterAllPlayersArrive ran (a group formed twice would show 2) and how many players it saw.
 */
@ApplicationScoped
public class ArrivalGame extends App<ArrivalGame.Player, ArrivalGame.Group, ArrivalGame.Subsession> {

    @Override
    public String name() {
        return "arrival";
    }

    @Override
    public int playersPerGroup() {
        return 4;
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {
        public Integer formed = 0;
        public Integer size;
    }

    public static class Player extends BasePlayer<Group, Subsession> {
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(groupByArrivalTime("Meet", group -> {
            group.formed++;
            group.size = group.players().size();
        }), new Done());
    }

    static class Done extends Page<Player> {
    }
}
