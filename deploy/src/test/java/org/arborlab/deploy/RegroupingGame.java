package org.arborlab.deploy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Random;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Page;

/** A test app that regroups in creatingSession: pairs swapped, random, like round 2, then two groups of three. */
@ApplicationScoped
public class RegroupingGame extends App<RegroupingGame.Player, RegroupingGame.Group, RegroupingGame.Subsession> {

    @Override
    public String name() {
        return "regrouping";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public int numRounds() {
        return 4;
    }

    @Override
    public List<String> roles() {
        return List.of("buyer", "seller");
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {
    }

    public static class Player extends BasePlayer<Group, Subsession> {
    }

    @Override
    public void creatingSession(Subsession subsession) {
        switch (subsession.roundNumber()) {
            case 1 -> subsession.setGroupMatrix(List.of(List.of(2, 1), List.of(4, 3), List.of(6, 5)));
            case 2 -> subsession.groupRandomly(new Random(7));
            case 3 -> subsession.groupLikeRound(2);
            default -> subsession.setGroupMatrix(List.of(List.of(1, 2, 3), List.of(4, 5, 6)));
        }
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Hello());
    }

    static class Hello extends Page<Player> {
    }
}
