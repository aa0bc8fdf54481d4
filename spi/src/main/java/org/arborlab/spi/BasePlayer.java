package org.arborlab.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * The base of an app's {@code Player} class: one participant in one round of the app. Declare the app's player
 * fields as public fields of the subclass; read the group, round and participant with the methods here.
 *
 * <pre>{@code
 * public static class Player extends BasePlayer<Group, Subsession> {
 *     @Field(label = "How old are you?", min = "18", max = "120")
 *     public Integer age;
 * }
 * }</pre>
 *
 * @param <G> the app's group class
 * @param <S> the app's subsession class
 */
public abstract class BasePlayer<G extends BaseGroup<?, ?>, S extends BaseSubsession<?, ?>> {

    /** This round's payoff in points. The participant's payoff is the sum over all apps and rounds. */
    public Currency payoff = Currency.ZERO;

    ModelBinding.OfPlayer binding;

    private ModelBinding.OfPlayer binding() {
        if (binding == null) {
            throw ModelBinding.detached(this);
        }
        return binding;
    }

    /** 1, 2, ... within the group. */
    public final int idInGroup() {
        return binding().idInGroup();
    }

    public final int idInSubsession() {
        return binding().idInSubsession();
    }

    public final int roundNumber() {
        return binding().roundNumber();
    }

    /** The role from the app's {@code roles()} for this id in group, or "" if the app has none. */
    public final String role() {
        return binding().role();
    }

    @SuppressWarnings("unchecked")
    public final G group() {
        return (G) binding().group();
    }

    @SuppressWarnings("unchecked")
    public final S subsession() {
        return (S) binding().subsession();
    }

    public final Participant participant() {
        return binding().participant();
    }

    public final Session session() {
        return binding().session();
    }

    /** This participant's player in another round of this app: {@code Player first = player.inRound(1);} */
    @SuppressWarnings("unchecked")
    public final <T extends BasePlayer<G, S>> T inRound(int round) {
        return (T) binding().inRounds(round, round).get(0);
    }

    /** This participant's players in rounds 1 to the previous one, oldest first. */
    @SuppressWarnings("unchecked")
    public final <T extends BasePlayer<G, S>> List<T> inPreviousRounds() {
        return (List<T>) binding().inRounds(1, roundNumber() - 1);
    }

    /** This participant's players in rounds 1 to this one. */
    @SuppressWarnings("unchecked")
    public final <T extends BasePlayer<G, S>> List<T> inAllRounds() {
        return (List<T>) binding().inRounds(1, roundNumber());
    }

    /** The other players of this player's group, by id in group. */
    @SuppressWarnings("unchecked")
    public final <T extends BasePlayer<G, S>> List<T> othersInGroup() {
        List<T> others = new ArrayList<>();
        for (BasePlayer<?, ?> p : binding().group().players()) {
            if (p != this) {
                others.add((T) p);
            }
        }
        return others;
    }

    /**
     * Adds a record of one of the app's extra models linked to this player (oTree's
     * {@code Trial.create(player=player)}): a new object with its fields at their defaults, saved with the page.
     * Set its fields after creating it:
     * <pre>{@code
     * Trial t = player.create(Trial.class);
     * t.reactionTime = 350;
     * }</pre>
     *
     * @throws IllegalArgumentException if the class is not an extra model of this app linked to its Player class
     */
    public final <T extends ExtraModel<?>> T create(Class<T> model) {
        return binding().create(model);
    }

    /**
     * The records of an extra model linked to this player, oldest first (oTree's
     * {@code Trial.filter(player=player)}), the ones created in this page's hooks included. They are read from the
     * database when asked for, not with the page.
     *
     * @throws IllegalArgumentException if the class is not an extra model of this app linked to its Player class
     */
    public final <T extends ExtraModel<?>> List<T> filter(Class<T> model) {
        return binding().filter(model);
    }

    @Override
    public String toString() {
        return binding == null ? getClass().getSimpleName()
                : "Player " + idInGroup() + " of group " + group().idInSubsession() + ", round " + roundNumber();
    }
}
